"""Names a stand-in module answers with a working object instead of a stand-in one: where what
the name returns decides how the app starts, a stand-in's answer (always truthy, never a string)
would start another app than production's.

- gevent's and eventlet's WSGI servers (green_servers.py);
- `distutils.util.strtobool`: distutils left the standard library in Python 3.12 (PEP 632), and
  projects still import it; production runs it from an older Python or setuptools' copy.
"""

from . import green_servers


def strtobool(val):
    """distutils.util.strtobool as CPython 3.11 has it (Lib/distutils/util.py)."""
    val = val.lower()
    if val in ("y", "yes", "t", "true", "on", "1"):
        return 1
    if val in ("n", "no", "f", "false", "off", "0"):
        return 0
    raise ValueError(f"invalid truth value {val!r}")


KNOWN = {
    **green_servers.KNOWN,
    "distutils.util.strtobool": strtobool,
}
