"""What every virtual server shares: the record of what is being served, and the exception that
stands for "the server now serves forever" (it unwinds the project's script the way a real
blocking serve_forever() never returns)."""

import sys
import traceback

from . import PROJECT_DIR
from .tracebacks import without_harness_frames


class ServerStarted(BaseException):
    """Raised by a virtual server's serve loop; the runner catches it. A BaseException so the
    project's own `except Exception` blocks do not swallow it."""


class RestartWithReloader(BaseException):
    """Raised where the real reloader would start a child process running the script again."""


def project_frame(frames=None):
    """The innermost frame of the project's own code: where it asked for the server."""
    frames = frames if frames is not None else traceback.extract_stack()
    for frame in reversed(frames):
        if frame.filename.startswith(PROJECT_DIR + "/"):
            return {"file": frame.filename[len(PROJECT_DIR) + 1 :], "line": frame.lineno}
    return None


def find_flask_app(wsgi_app):
    """Unwrap middleware (DebuggedApplication, ProxyFix, a bound wsgi_app) down to the Flask app."""
    from flask import Flask

    seen = set()
    current = wsgi_app
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, Flask):
            return current
        owner = getattr(current, "__self__", None)
        if isinstance(owner, Flask):
            return owner
        current = getattr(current, "app", None) or getattr(current, "wsgi_app", None)
    return None


class ServedApp:
    """What a session serves, in the shape ServingInfo (protocol.ts) reports it."""

    def __init__(self, server_kind, host, port, wsgi_app, handle, *, reloader=False, called_from=None, flask_source=None, settings=None):
        self.server_kind = server_kind
        self.host = host
        self.port = port
        self.wsgi_app = wsgi_app
        self.handle = handle  # (raw request bytes, client address) -> raw response bytes
        self.reloader = reloader
        self.called_from = called_from
        # Middleware such as Waitress's proxy-headers wrapper hides the app in a closure; the
        # server passes what it was given, to look through.
        self.outermost_project_app = flask_source if flask_source is not None else wsgi_app
        self.flask_app = find_flask_app(self.outermost_project_app)
        self.settings = settings or {}

    def info(self):
        from werkzeug.debug import DebuggedApplication

        debugger = self._find(DebuggedApplication)
        return {
            "server": self.server_kind,
            "host": self.host,
            "port": self.port,
            "debug": bool(self.flask_app.debug) if self.flask_app is not None else False,
            "debugger": debugger is not None,
            "console": bool(debugger is not None and debugger.evalex),
            "pinDisabled": bool(debugger is not None and debugger.evalex and debugger.pin is None),
            "reloader": self.reloader,
            "calledFrom": self.called_from,
            "settings": self.settings,
        }

    def _find(self, cls):
        """The first `cls` in the chain of WSGI layers: middleware around the app (`.app`), then,
        past the Flask app, middleware assigned to `app.wsgi_app` (where ProxyFix and sometimes
        the debugger are put)."""
        from flask import Flask

        current, seen = self.outermost_project_app, set()
        while current is not None and id(current) not in seen:
            seen.add(id(current))
            if isinstance(current, cls):
                return current
            current = current.wsgi_app if isinstance(current, Flask) else getattr(current, "app", None)
        return None


def print_exception_as_python(exc):
    """Print a traceback the way `python app.py` would: without the harness frames (and runpy's)
    that ran it. A syntax error in the script then prints as Python prints it, with no frames."""
    traceback.print_exception(without_harness_frames(exc), file=sys.stderr)
