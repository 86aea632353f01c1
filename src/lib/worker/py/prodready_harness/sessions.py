"""A session is one stream of work: the learner's terminal, or a grader. Each has its own served
app and its own captured log, so grading never replaces what the learner is running."""

from contextlib import contextmanager

from . import console


class Session:
    def __init__(self, session_id):
        self.id = session_id
        self.server = None  # the virtual server currently serving, if any
        self.env = None  # the environment of its latest run (config_selection reads the code with it)
        self._captures = []

    def serve(self, served):
        self.server = served

    def capture(self, text):
        for buffer in self._captures:
            buffer.append(text)

    @contextmanager
    def capturing(self):
        """Collect what this session prints inside the block; yields a list of chunks."""
        buffer = []
        self._captures.append(buffer)
        try:
            yield buffer
        finally:
            self._captures.remove(buffer)

    @contextmanager
    def active(self):
        previous = console.set_session(self)
        try:
            yield self
        finally:
            console.set_session(previous)


_sessions = {}


def get(session_id):
    if session_id not in _sessions:
        _sessions[session_id] = Session(session_id)
    return _sessions[session_id]
