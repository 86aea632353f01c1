"""Routes stdout and stderr to the session whose code is running.

The streams are installed once, before Werkzeug or Flask create a logging handler, because a
StreamHandler keeps the stream it was given. They report isatty() so Werkzeug and Click print
their colours, as in a terminal; graders read the log with the colours stripped."""

import io
import re
import sys

_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def strip_ansi(text):
    return _ANSI.sub("", text)


class _Emitter:
    """Where output goes; the host sets `emit(session_id, text)` (a JS function) at boot."""

    emit = None
    session = None  # the sessions.Session whose code runs now


_emitter = _Emitter()


def set_emit(emit):
    _emitter.emit = emit


def set_session(session):
    previous = _emitter.session
    _emitter.session = session
    return previous


class SessionStream(io.TextIOBase):
    def __init__(self, name):
        self.name = name

    @property
    def encoding(self):
        return "utf-8"

    def writable(self):
        return True

    def isatty(self):
        return True

    def fileno(self):
        return 1 if self.name == "<stdout>" else 2

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        session = _emitter.session
        if session is not None:
            session.capture(text)
            if _emitter.emit is not None:
                _emitter.emit(session.id, text)
        elif _emitter.emit is not None:
            _emitter.emit("harness", text)
        return len(text)

    def flush(self):
        pass


def install():
    sys.stdout = SessionStream("<stdout>")
    sys.stderr = SessionStream("<stderr>")
