"""Which line of the project's own code read a client-address header (X-Forwarded-For, X-Real-IP…)
while the app answered one request: the app believing an address the client wrote, without ProxyFix
(`request.headers.getlist("X-Forwarded-For")[0]`, `request.access_route`,
`request.environ["HTTP_X_FORWARDED_FOR"]`).

Behaviour, not a reading of the code: a read counts only when the header is there when the code asks
for it, so a server that drops untrusted forwarded headers first (Waitress 3's default
clear_untrusted_proxy_headers) or a read behind a switch that is off leaves nothing. For one request
the Flask app gets a copy of the WSGI environ that notes each read of those keys, with the innermost
frame of the project's code that asked; Werkzeug's `Headers.getlist` walks the environ's items
instead of asking for a key, so it is noted by name."""

import sys

from . import PROJECT_DIR
from .tracebacks import is_harness_file

# The request headers a client writes at will that name a client address (nginx's $http_* of the
# same rule family, client-ip-from-header.ts). Scheme and host are left out: the client already says
# its own Host, and the rule judges the scheme by what Flask sees (request.scheme).
WATCHED = {
    "HTTP_X_FORWARDED_FOR": "X-Forwarded-For",
    "HTTP_X_REAL_IP": "X-Real-IP",
    "HTTP_FORWARDED": "Forwarded",
    "HTTP_TRUE_CLIENT_IP": "True-Client-IP",
    "HTTP_CF_CONNECTING_IP": "CF-Connecting-IP",
    "HTTP_X_CLIENT_IP": "X-Client-IP",
}
_MAX_READS = 10
_reads = []
_active = [False]


def _werkzeug_or_flask(filename):
    """The request machinery the app reads headers through (`request.headers`, `access_route`)."""
    return any(f"/{package}/" in filename for package in ("werkzeug", "flask"))


def _note(key):
    """Record a read of `key` where the code that asked for it is the project's own. Reads made by
    a library are not the app's decision: Werkzeug's ProxyFix is judged by the address Flask ends up
    with, and an extension's read (Flask-Login's session identifier hashes X-Forwarded-For) is the
    extension's use, whichever project line called into it."""
    if not _active[0] or len(_reads) >= _MAX_READS:
        return
    frame = sys._getframe(2)
    while frame is not None and (_werkzeug_or_flask(frame.f_code.co_filename) or frame.f_code.co_filename == __file__):
        frame = frame.f_back
    if frame is None:
        return
    filename = frame.f_code.co_filename
    if filename.startswith(PROJECT_DIR + "/") and not is_harness_file(filename):
        location = {"header": WATCHED[key], "file": filename[len(PROJECT_DIR) + 1 :], "line": frame.f_lineno}
        if location not in _reads:
            _reads.append(location)


class _NotingEnviron(dict):
    def __getitem__(self, key):
        value = dict.__getitem__(self, key)
        if key in WATCHED:
            _note(key)
        return value

    def get(self, key, default=None):
        if key in WATCHED and dict.__contains__(self, key):
            _note(key)
        return dict.get(self, key, default)


def _install_getlist_note():
    from werkzeug.datastructures import EnvironHeaders

    if getattr(EnvironHeaders.getlist, "_prodready_noted", False):
        return
    original = EnvironHeaders.getlist

    def getlist(self, key, type=None):
        environ_key = "HTTP_" + str(key).upper().replace("-", "_")
        if environ_key in WATCHED and environ_key in self.environ:
            _note(environ_key)
        return original(self, key, type)

    getlist._prodready_noted = True
    EnvironHeaders.getlist = getlist


def watching(flask_app, handle):
    """Run `handle()` (one request to the server) with the Flask app's environ noting reads;
    returns (what handle returned, the reads)."""
    _reads.clear()
    if flask_app is None:
        return handle(), []
    _install_getlist_note()
    inner = flask_app.wsgi_app
    had_own = "wsgi_app" in vars(flask_app)

    def noting_app(environ, start_response):
        noted = _NotingEnviron(environ)
        try:
            return inner(noted, start_response)
        finally:
            # The server reads the environ after the app (its access log): it sees what the app changed.
            environ.update(noted)

    flask_app.wsgi_app = noting_app
    _active[0] = True
    try:
        return handle(), list(_reads)
    finally:
        _active[0] = False
        if had_own:
            flask_app.wsgi_app = inner
        else:
            del flask_app.wsgi_app
