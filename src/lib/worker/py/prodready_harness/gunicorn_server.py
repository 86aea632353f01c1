"""Gunicorn, virtual. The `gunicorn` command runs its real code: the command line and
gunicorn.conf.py go through Gunicorn's own Config (validation, defaults, GUNICORN_CMD_ARGS), the
app is loaded as a worker loads it, and each request is handled by Gunicorn's own SyncWorker
(parser, WSGI environ, error pages, access log). Only the arbiter's sockets, signals and forked
worker processes are stand-ins: Pyodide has none of them."""

import os

import gunicorn.arbiter
import gunicorn.config
import gunicorn.util
from gunicorn import __version__
from gunicorn.workers.sync import SyncWorker

from . import PROJECT_DIR, runner
from .serving import ServedApp, ServerStarted
from .tracebacks import without_harness_frames


class _Connection:
    """An accepted connection for the worker: reads the request, collects the response."""

    def __init__(self, raw_request):
        self._incoming = raw_request
        self.sent = bytearray()

    def recv(self, size):
        chunk, self._incoming = self._incoming[:size], self._incoming[size:]
        return chunk

    def sendall(self, data):
        self.sent += data

    def send(self, data):
        self.sent += data
        return len(data)

    def sendfile(self, file, offset=0, count=None):
        """Gunicorn sends a file response (send_file, send_from_directory) with socket.sendfile;
        this is what socket.sendfile falls back to without os.sendfile: read, then send."""
        file.seek(offset)
        data = file.read() if count is None else file.read(count)
        self.sent += data
        return len(data)

    def setblocking(self, flag):
        pass

    def settimeout(self, timeout):
        pass

    def shutdown(self, how):
        pass

    def close(self):
        pass

    def fileno(self):
        return 1001


class _Listener:
    def __init__(self, address):
        self.address = address

    def getsockname(self):
        return self.address


def _describe(address):
    if isinstance(address, (tuple, list)):
        host, port = address[0], address[1]
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{port}", host, port
    if isinstance(address, bytes):  # an abstract or file-descriptor socket
        address = address.decode()
    return f"unix:{address}", f"unix:{address}", 0


def _settings(cfg):
    names = [
        "bind",
        "workers",
        "worker_class",
        "threads",
        "timeout",
        "graceful_timeout",
        "keepalive",
        "reload",
        "accesslog",
        "errorlog",
        "loglevel",
        "forwarded_allow_ips",
        "proxy_allow_ips",
        "secure_scheme_headers",
        "preload_app",
        "user",
        "group",
        "max_requests",
        "limit_request_line",
        "daemon",
    ]
    values = {"explicit": sorted(name for name, setting in cfg.settings.items() if setting.value != setting.default)}
    for name in names:
        value = cfg.settings[name].get() if name in cfg.settings else None
        if name == "worker_class":
            value = cfg.worker_class_str
        values[name] = value if isinstance(value, (str, int, float, bool, type(None), list, dict)) else str(value)
    return values


def _arbiter_run(self):
    """Arbiter.run(), up to the point where it would fork workers: the same log lines, the same
    hooks, then one worker loads the app in this interpreter."""
    cfg = self.cfg
    self.pid = os.getpid()
    self.log.info("Starting gunicorn %s", __version__)
    cfg.on_starting(self)
    shown = [_describe(address) for address in cfg.address]
    self.log.info("Listening at: %s (%s)", ",".join(text for text, _h, _p in shown), self.pid)
    self.log.info("Using worker: %s", cfg.worker_class_str)
    cfg.when_ready(self)

    worker = SyncWorker(1, self.pid, [], self.app, self.timeout / 2.0, cfg, self.log)
    worker.pid = self.pid + 1
    self.log.info("Booting worker with pid: %s", worker.pid)
    cfg.pre_fork(self, worker)
    cfg.post_fork(self, worker)
    try:
        worker.load_wsgi()  # the app module is imported here, as in a worker process
    except Exception as error:
        # What Gunicorn prints when a worker cannot import the app, and its exit status.
        self.log.info("Worker exiting (pid: %s)", worker.pid)
        self.log.error("Worker (pid:%s) exited with code %s", worker.pid, self.WORKER_BOOT_ERROR)
        self.log.info("Shutting down: %s", self.master_name)
        self.log.info("Reason: Worker failed to boot.")
        raise SystemExit(self.WORKER_BOOT_ERROR) from error
    cfg.post_worker_init(worker)
    _let_interrupts_through(worker)

    _text, host, port = shown[0]
    listener = _Listener(cfg.address[0])

    def handle(raw_request, client_address):
        connection = _Connection(raw_request)
        # A unix socket's accept() gives the peer as a string (""), not (host, port); Gunicorn
        # trusts forwarded headers from such peers unconditionally (forwarded_allow_ips docs).
        peer = client_address if port else ""
        worker.handle(listener, connection, peer)
        return bytes(connection.sent)

    runner.current_session().serve(
        ServedApp(
            "gunicorn",
            host,
            port,
            worker.wsgi,
            handle,
            reloader=bool(cfg.reload),
            called_from=None,
            settings={**_settings(cfg), "addresses": [f"{h}:{p}" if p else h for _text, h, p in shown]},
        )
    )
    raise ServerStarted()


def _let_interrupts_through(worker):
    """The sync worker answers any BaseException with handle_error (a 500 and a log line). A
    KeyboardInterrupt here is the page stopping Python (Stop, a time limit), not the app failing:
    it must reach the harness, which reports where the code was."""
    handle_error = worker.handle_error

    def handle_error_or_stop(req, client, addr, exc):
        if isinstance(exc, KeyboardInterrupt):
            raise exc
        handle_error(req, client, addr, exc)

    worker.handle_error = handle_error_or_stop


def _load_wsgi(self):
    """Worker.load_wsgi without the reloader's retry loop: a failure ends the boot."""
    try:
        self.wsgi = self.app.wsgi()
    except Exception as error:
        # Gunicorn logs this from its own Worker.load_wsgi; this frame stands in for that one.
        self.log.exception("Exception in worker process", exc_info=without_harness_frames(error))
        raise


_real_worker_class = gunicorn.config.Config.worker_class


def _worker_class(cfg):
    """Config.worker_class imports the worker's package (gevent, eventlet). The harness serves
    with one sync worker in any case (see _arbiter_run); in an audit run a worker whose package
    the audit lacks is said in a note instead of failing the start."""
    try:
        return _real_worker_class.fget(cfg)
    except (RuntimeError, ImportError) as error:
        from . import audit_mode

        message = str(error).strip().rstrip("]").strip()
        if not audit_mode.note(f"Gunicorn's {cfg.worker_class_str} worker needs what the audit lacks ({message}): the app was served by a sync worker"):
            raise
        return SyncWorker


def _daemonize(enable_stdio_inheritance=False):
    """`daemon = True` (`-D`): Gunicorn forks into the background (gunicorn/util.py daemonize), which
    changes where it runs, not what it serves. Pyodide has no fork: the harness serves in the
    foreground, and an audit run says so."""
    from . import audit_mode

    audit_mode.note("Gunicorn's daemon setting forks into the background, which Pyodide cannot: the app was served in the foreground, as the daemon serves it")


def install():
    # Gunicorn's `chdir` default is the working directory at import (gunicorn.config.Chdir);
    # a real process imports it already in its working directory, the harness once at boot, before
    # any project exists. Every run's working directory is the project's.
    gunicorn.config.Chdir.default = PROJECT_DIR
    gunicorn.config.Config.worker_class = property(_worker_class)
    gunicorn.arbiter.Arbiter.run = _arbiter_run
    gunicorn.util.daemonize = _daemonize
    SyncWorker.load_wsgi = _load_wsgi
