"""Names a stand-in module answers with a working object instead of a stand-in one: where what
the name returns decides how the app starts, a stand-in's answer (always truthy, never a string)
would start another app than production's.

- gevent's and eventlet's WSGI servers (green_servers.py);
- Flask-Script's Manager and Server, whose `runserver` starts the app (cli_managers.py);
- `distutils.util.strtobool`: distutils left the standard library in Python 3.12 (PEP 632), and
  projects still import it; production runs it from an older Python or setuptools' copy.

And what a stood-in extension does to the app it is given, where templates depend on it
(`ON_APP`, by the stood-in package): Flask-Babel adds Jinja's i18n extension, so templates
write `{% trans %}` and `_()`; without it every such page fails to compile.
"""

from . import cli_managers, green_servers


def strtobool(val):
    """distutils.util.strtobool as CPython 3.11 has it (Lib/distutils/util.py)."""
    val = val.lower()
    if val in ("y", "yes", "t", "true", "on", "1"):
        return 1
    if val in ("n", "no", "f", "false", "off", "0"):
        return 0
    raise ValueError(f"invalid truth value {val!r}")


def install_i18n(app):
    """What Flask-Babel's init_app does to Jinja (flask_babel/__init__.py, 2.x-4.x): the i18n
    extension with gettext callables; here the null translations, as with no catalogue."""
    environment = app.jinja_env
    if "jinja2.ext.InternationalizationExtension" not in environment.extensions:
        environment.add_extension("jinja2.ext.i18n")
        environment.install_null_translations(newstyle=True)


ON_APP = {"flask_babel": install_i18n, "flask_babelex": install_i18n}


KNOWN = {
    **green_servers.KNOWN,
    **cli_managers.KNOWN,
    "distutils.util.strtobool": strtobool,
}
