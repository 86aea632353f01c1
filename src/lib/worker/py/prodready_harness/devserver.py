"""Werkzeug's development server, virtual: `Flask.run()` and `run_simple()` run their real code
(the debugger wrapping, the banner, the PIN, the reloader's restart), and only the socket server
underneath is replaced. Requests are handled by Werkzeug's real WSGIRequestHandler, fed the raw
HTTP bytes a client would send, so what the learner sees is what a browser would get."""

import io
import socket

import werkzeug._reloader
import werkzeug.serving
from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler

from .serving import RestartWithReloader, ServedApp, ServerStarted, project_frame


class _ListeningSocket:
    """run_simple marks the listening socket inheritable and records its fd for the reloader."""

    def set_inheritable(self, inheritable):
        pass

    def fileno(self):
        return 3


class _Connection:
    """One accepted connection: reads the request bytes, collects what the handler sends."""

    def __init__(self, raw_request):
        self._incoming = io.BytesIO(raw_request)
        self.sent = bytearray()

    def makefile(self, mode="r", buffering=None):
        return self._incoming

    def sendall(self, data):
        self.sent += data

    def settimeout(self, timeout):
        pass

    def setsockopt(self, *args):
        pass

    def getpeername(self):
        return self.peer

    def shutdown(self, how):
        pass

    def close(self):
        pass


class VirtualWSGIServer(BaseWSGIServer):
    """BaseWSGIServer without the socket. Keeps the real log_startup() (the banner and warning)."""

    def __init__(self, host, port, app, handler=None, passthrough_errors=False, ssl_context=None, fd=None, *, threaded=False, processes=1):
        # Deliberately not calling BaseWSGIServer.__init__: it binds a socket.
        self.host = host
        self.port = port
        self.app = app
        self.handler = handler or WSGIRequestHandler
        self.passthrough_errors = passthrough_errors
        self.ssl_context = ssl_context
        self.multithread = threaded
        self.multiprocess = processes > 1
        self.address_family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.server_address = (host, port)
        self.socket = _ListeningSocket()
        self._server_version = f"Werkzeug/{_werkzeug_version()}"

    def fileno(self):
        return self.socket.fileno()

    def server_close(self):
        pass

    def serve_forever(self, poll_interval=0.5):
        from . import runner

        runner.current_session().serve(
            ServedApp(
                "werkzeug",
                self.host,
                self.port,
                self.app,
                self.handle_raw,
                reloader=_reloader_state.active,
                called_from=project_frame(),
            )
        )
        raise ServerStarted()

    def handle_raw(self, raw_request, client_address):
        connection = _Connection(raw_request)
        connection.peer = client_address
        self.handler(connection, client_address, self)
        return bytes(connection.sent)


class _ReloaderState:
    active = False


_reloader_state = _ReloaderState()


def _werkzeug_version():
    # Read once: importlib.metadata scans site-packages on every call.
    global _version
    if _version is None:
        from importlib.metadata import version

        _version = version("werkzeug")
    return _version


_version = None


def _make_server(host, port, app, threaded=False, processes=1, request_handler=None, passthrough_errors=False, ssl_context=None, fd=None):
    # Same signature and validation as werkzeug.serving.make_server.
    if threaded and processes > 1:
        raise ValueError("Cannot have a multi-thread and multi-process server.")
    return VirtualWSGIServer(host, port, app, request_handler, passthrough_errors, ssl_context, fd, threaded=threaded, processes=processes)


def _run_with_reloader(main_func, extra_files=None, exclude_patterns=None, interval=1, reloader_type="auto"):
    """The real reloader starts a child process that runs the whole script again with
    WERKZEUG_RUN_MAIN=true; the child prints the debugger PIN and serves. Here the runner runs
    the script again in the same interpreter, so module-level code runs twice, as it does for real."""
    import os

    _reloader_state.active = True
    if os.environ.get("WERKZEUG_RUN_MAIN") == "true":
        main_func()
        return
    name = "stat" if reloader_type in ("auto", "stat") else reloader_type
    werkzeug.serving._log("info", f" * Restarting with {name}")
    raise RestartWithReloader()


def install():
    # Looked up now, at prepare() before the memory snapshot: the lookup scans every archive on
    # sys.path (the stdlib zip's whole name list) and was most of the first Run's time.
    _werkzeug_version()
    werkzeug.serving.make_server = _make_server
    werkzeug._reloader.run_with_reloader = _run_with_reloader


def reset():
    _reloader_state.active = False
