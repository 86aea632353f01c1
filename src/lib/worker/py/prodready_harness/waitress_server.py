"""Waitress, virtual. `serve()`, `create_server()` and `waitress-serve` run their real code:
Waitress's own Adjustments (validation, and defaults such as listening on every interface), its
proxy-headers middleware, and its HTTPChannel, request parser and WSGITask for each request.
Only the sockets and the thread pool are stand-ins: Pyodide has neither."""

import itertools
import socket

import waitress.server
from waitress.channel import HTTPChannel

from . import runner
from .serving import ServedApp, ServerStarted, project_frame

_descriptors = itertools.count(1000)


class _VirtualSocket:
    """A socket that is bound and listening, but never selected on."""

    def __init__(self, family=socket.AF_INET):
        self.family = family
        self.address = None
        self._fileno = next(_descriptors)

    def setblocking(self, flag):
        pass

    def setsockopt(self, *args):
        pass

    def getsockopt(self, level, option, *args):
        return 16384 if option == socket.SO_SNDBUF else 0

    def bind(self, address):
        # getaddrinfo gives the port as text in Pyodide; a bound socket reports a number.
        self.address = (address[0], int(address[1]), *address[2:]) if isinstance(address, tuple) else address

    def listen(self, backlog):
        pass

    def getsockname(self):
        return self.address

    def getpeername(self):
        raise OSError("not connected")

    def fileno(self):
        return self._fileno

    def close(self):
        pass


class _Connection(_VirtualSocket):
    """An accepted connection: collects what the channel sends back."""

    def __init__(self, peer):
        super().__init__()
        self.peer = peer
        self.sent = bytearray()

    def getpeername(self):
        return self.peer

    def send(self, data):
        self.sent += data
        return len(data)

    def shutdown(self, how):
        pass


class _InlineDispatcher:
    """Runs tasks in the calling thread, once the channel has let go of its locks. Waitress
    normally hands tasks to a pool of `threads` threads (the channel adds a task while holding
    its requests lock); Pyodide cannot start threads. The thread count is still validated and
    reported."""

    def __init__(self):
        self.pending = []

    def set_thread_count(self, count):
        self.threads = count

    def add_task(self, task):
        self.pending.append(task)

    def run_pending(self):
        while self.pending:
            self.pending.pop(0).service()

    def shutdown(self, cancel_pending=True, timeout=5):
        return True


def _create_socket(self, family=socket.AF_INET, type=socket.SOCK_STREAM):
    # wasyncore.dispatcher.create_socket, with a virtual socket instead of a real one.
    self.family_and_type = family, type
    self.set_socket(_VirtualSocket(family))


_real_create_server = waitress.server.create_server


def _create_server(application, map=None, _start=True, _sock=None, _dispatcher=None, **kw):
    dispatcher = _InlineDispatcher()
    server = _real_create_server(application, map={}, _start=False, _dispatcher=dispatcher, **kw)
    server._prodready_application = application
    server._prodready_dispatcher = dispatcher
    server._prodready_explicit = sorted(kw)
    return server


def _listeners(server):
    """(host, port, server) for every address the server listens on."""
    if isinstance(server, waitress.server.MultiSocketServer):
        found = []
        for channel in server.map.values():
            if isinstance(channel, waitress.server.BaseWSGIServer):
                found.append((channel.effective_host, int(channel.effective_port), channel))
        return found
    if isinstance(server, waitress.server.UnixWSGIServer):
        return [(f"unix:{server.adj.unix_socket}", 0, server)]
    return [(server.effective_host, int(server.effective_port), server)]


def _settings(adj):
    return {
        "listen": [f"{host}:{port}" for _family, _type, _proto, (host, port, *_rest) in adj.listen]
        if not adj.unix_socket
        else [],
        "unix_socket": adj.unix_socket,
        "threads": adj.threads,
        "trusted_proxy": adj.trusted_proxy,
        "trusted_proxy_count": adj.trusted_proxy_count,
        "trusted_proxy_headers": sorted(adj.trusted_proxy_headers),
        "clear_untrusted_proxy_headers": adj.clear_untrusted_proxy_headers,
        "expose_tracebacks": adj.expose_tracebacks,
        "url_scheme": adj.url_scheme,
        "ident": adj.ident,
    }


def _run(self):
    listeners = _listeners(self)
    host, port, first = listeners[0]
    adj = first.adj
    dispatcher = self._prodready_dispatcher

    def handle(raw_request, client_address):
        peer = ("localhost", None) if host.startswith("unix:") else client_address
        connection = _Connection(peer)
        channel = HTTPChannel(first, connection, peer, adj, map={})
        channel.received(raw_request)
        dispatcher.run_pending()
        while channel.total_outbufs_len:
            channel._flush_some()
        return bytes(connection.sent)

    runner.current_session().serve(
        ServedApp(
            getattr(self, "_prodready_kind", "waitress"),
            host,
            port,
            first.application,
            handle,
            called_from=project_frame(),
            flask_source=getattr(self, "_prodready_application", None),
            settings={
                **_settings(adj),
                "addresses": [f"{h}:{p}" for h, p, _ in listeners],
                "explicit": getattr(self, "_prodready_explicit", []),
            },
        )
    )
    raise ServerStarted()


def install():
    waitress.server.BaseWSGIServer.create_socket = _create_socket
    waitress.server.BaseWSGIServer.run = _run
    waitress.server.MultiSocketServer.run = _run
    waitress.server.create_server = _create_server
    waitress.create_server = _create_server
