"""Tracebacks as the learner's machine would print them. The harness runs the project through its
own functions and runpy, and replaces pieces of the servers with its own; those frames are the
course's, not the learner's, and are cut from an exception before anything formats it. The
learner's frames, the libraries' frames and every line number stay as they were.

Cutting the traceback objects themselves (tb_next is writable, Python 3.7+) rather than the text
keeps every formatter honest: `traceback`, `logging` (Gunicorn's "Exception in worker process"),
Werkzeug's debugger page all read the same chain."""

import os
import runpy

_HARNESS_DIR = os.path.dirname(os.path.abspath(__file__)) + os.sep
# runpy is frozen in CPython 3.11+ ("<frozen runpy>"); a build that is not has a file.
_RUNPY_FILES = {"<frozen runpy>", getattr(runpy, "__file__", None)}


def is_harness_file(filename):
    return filename.startswith(_HARNESS_DIR) or filename in _RUNPY_FILES


def without_harness_frames(error):
    """`error` with the harness's frames and runpy's removed from its traceback and from those of
    the exceptions it carries (cause, context, an exception group's members). Returns `error`."""
    pending, seen = [error], set()
    while pending:
        current = pending.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        current.__traceback__ = _learner_entries(current.__traceback__)
        pending += [current.__cause__, current.__context__, *getattr(current, "exceptions", ())]
    return error


def _learner_entries(tb):
    kept = []
    while tb is not None:
        if not is_harness_file(tb.tb_frame.f_code.co_filename):
            kept.append(tb)
        tb = tb.tb_next
    for entry, following in zip(kept, kept[1:] + [None]):
        entry.tb_next = following
    return kept[0] if kept else None
