"""What an audit run changes in the interpreter, switched on and off per run: the audit's packages
on sys.path, stand-ins for other missing imports (stand_ins.py), databases in memory
(databases.py) and the project's pinned Flask semantics (versions.py). A lesson's run gets none of
it, so a lesson behaves the same in the browser and on the command line."""

import os
import sys
import threading

from . import databases, project_requirements, stand_ins, versions

_site = [None]  # where the host unpacks the audit's packages (assets.ts AUDIT_SITE_PACKAGES)


_notes = [None]  # the current audit run's notes
_real_start = threading.Thread.start


def _start_or_skip(thread):
    """Pyodide cannot start threads. A library's background thread (Flask-Limiter's expiry timer,
    a scheduler) is not what serves the app: in an audit run it is left unstarted and noted,
    instead of failing the start with "can't start new thread"."""
    try:
        _real_start(thread)
    except RuntimeError as error:
        if _notes[0] is None or "can't start new thread" not in str(error):
            raise
        target = getattr(thread, "function", None) or getattr(thread, "_target", None)  # a Timer's, a Thread's
        what = getattr(target, "__qualname__", None) or thread.name
        note = f"background threads do not run in the audit (Pyodide has none): {what} was not started"
        if note not in _notes[0]:
            _notes[0].append(note)


def configure(audit_site_packages):
    _site[0] = audit_site_packages


def begin(audit, files, env):
    """Before a run: returns the notes list the run's changes are written to (None for a lesson)."""
    site = _site[0]
    if not audit:
        if site in sys.path:
            sys.path.remove(site)
            # What an audit run imported from there must not be importable in a lesson's run.
            for name, module in list(sys.modules.items()):
                if (getattr(module, "__file__", None) or "").startswith(site + "/"):
                    del sys.modules[name]
        stand_ins.deactivate()
        databases.deactivate()
        versions.restore()
        _notes[0] = None
        return None
    notes = _notes[0] = []
    threading.Thread.start = _start_or_skip
    if site and os.path.isdir(site):
        if site not in sys.path:
            sys.path.append(site)
    else:
        notes.append("the audit's packages (audit-packages.zip) are missing, run `npm run setup`: only Flask's own packages were importable")
    declarations = project_requirements.read(files)
    stand_ins.activate([declared.name for declared in declarations])
    databases.activate(notes)
    versions.apply(declarations, env, notes)
    return notes


def outcome(notes):
    """What the run's outcome adds: the stand-ins it needed and the notes."""
    if notes is None:
        return {}
    return {"standIns": stand_ins.recorded(), "notes": list(notes)}
