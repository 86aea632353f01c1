"""gevent's and eventlet's WSGI servers for `prodready audit`, where the packages are not bundled
(gevent and eventlet are C extensions and greenlet-based; Pyodide has neither greenlets nor
sockets). A project that serves with `gevent.pywsgi.WSGIServer((host, port), app).serve_forever()`
or `eventlet.wsgi.server(eventlet.listen((host, port)), app)` gets its app served all the same:
what the rules judge is the app and where it listens, and neither server changes what Flask does.

Requests are parsed and answered by Waitress's real HTTP machinery (waitress_server.py), the
closest HTTP/1.1 server the harness has; the serving is reported as `gevent`/`eventlet`, so no
Waitress-only setting is judged on it. Like gevent's pywsgi and eventlet.wsgi, it neither reads nor
drops any X-Forwarded-* header (gevent/pywsgi.py WSGIHandler.get_environ, eventlet/wsgi.py)."""




def _serve(kind, address, application):
    import waitress.server

    host, port = (address[0] or "0.0.0.0", int(address[1])) if isinstance(address, tuple) else ("0.0.0.0", 8000)
    # Waitress 3 drops X-Forwarded-* from untrusted peers by default; gevent and eventlet pass every
    # header to the app as the client sent it, so the app's own reading of them is judged as it runs.
    server = waitress.server.create_server(application, host=host, port=port, clear_untrusted_proxy_headers=False)
    server._prodready_kind = kind
    server._prodready_explicit = []
    server.run()


class WSGIServer:
    """gevent.pywsgi.WSGIServer(listener, application, …): `listener` is (host, port) or a socket."""

    def __init__(self, listener, application=None, *args, **kwargs):
        self.address = getattr(listener, "_prodready_address", listener)
        self.application = application

    @property
    def server_host(self):
        return self.address[0]

    @property
    def server_port(self):
        return self.address[1]

    def start(self):
        pass

    def serve_forever(self, *args, **kwargs):
        _serve("gevent", self.address, self.application)

    def stop(self, *args, **kwargs):
        pass


class _Listener:
    """eventlet.listen((host, port)): the address the server will listen on."""

    def __init__(self, address, *args, **kwargs):
        self._prodready_address = address

    def getsockname(self):
        return self._prodready_address


def eventlet_listen(address, *args, **kwargs):
    return _Listener(address)


def eventlet_server(sock, site, *args, **kwargs):
    _serve("eventlet", getattr(sock, "_prodready_address", ("0.0.0.0", 8000)), site)


def _no_op(*args, **kwargs):
    return None


# gevent's and eventlet's names these stand in for (known_stand_ins.py).
KNOWN = {
    "gevent.pywsgi.WSGIServer": WSGIServer,
    "gevent.wsgi.WSGIServer": WSGIServer,
    "gevent.monkey.patch_all": _no_op,
    "eventlet.monkey_patch": _no_op,
    "eventlet.listen": eventlet_listen,
    "eventlet.wsgi.server": eventlet_server,
}
