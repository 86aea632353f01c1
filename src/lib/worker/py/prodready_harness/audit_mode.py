"""What an audit run changes in the interpreter, switched on and off per run: the audit's packages
importable, stand-ins for other missing imports (stand_ins.py), the operator's modules from the
project's examples (operator_modules.py), databases and Redis in memory
(databases.py) and the project's pinned Flask semantics (versions.py). A lesson's run gets none of
it, so a lesson behaves the same in the browser and on the command line."""

import importlib.abc
import importlib.machinery
import importlib.metadata
import os
import sys
import threading
import zipfile

from . import databases, operator_modules, project_requirements, release_lines, stand_ins, versions

_site = [None]  # where the host unpacks the audit's packages (assets.ts AUDIT_SITE_PACKAGES)


_notes = [None]  # the current audit run's notes
_followed = [None]  # and the pinned versions' semantics it followed
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


_real_socket = [None]


def _datagram_socket_class():
    """Pyodide has no network: a UDP socket's connect() fails with EHOSTUNREACH. Production's
    succeeds without a packet sent (connect on a datagram socket only sets the peer: socket(7)),
    which code uses to learn the host's address (`s.connect(("1.1.1.1", 80)); s.getsockname()`) and
    Gunicorn's --log-syslog (SysLogHandler over UDP) does at start. In an audit run such a socket
    records its peer and drops what is sent, so the start goes on as it would in production."""
    import socket as socket_module

    real = _real_socket[0] or socket_module.socket
    _real_socket[0] = real

    class AuditSocket(real):
        def connect(self, address):
            if self.type == socket_module.SOCK_DGRAM:
                self._prodready_peer = address
                return None
            return super().connect(address)

        def getsockname(self):
            if getattr(self, "_prodready_peer", None) is not None:
                return ("127.0.0.1", 0) if self.family != socket_module.AF_INET6 else ("::1", 0, 0, 0)
            return super().getsockname()

        def send(self, data, *args):
            if getattr(self, "_prodready_peer", None) is not None:
                return len(data)
            return super().send(data, *args)

        def sendto(self, data, *args):
            if self.type == socket_module.SOCK_DGRAM:
                return len(data)
            return super().sendto(data, *args)

    return socket_module, real, AuditSocket


def _archive():
    """The audit's archive beside the folder (the host writes it there), or None."""
    site = _site[0]
    return f"{site}.zip" if site and os.path.isfile(f"{site}.zip") else None


class AuditPackagesFinder(importlib.abc.MetaPathFinder):
    """The audit's packages, found only when nothing on sys.path has the name: a project module
    that shares a name with one of them (cheat.sh's own `limits`, added to sys.path by the
    project) wins, as it does in production where the audit's package is not installed.

    A package is extracted from the archive the first time it is imported: most projects use a
    few of the forty, and extracting all of them took seconds of every audit."""

    def __init__(self):
        self._members = None  # (folder, top-level name) -> archive members; folder "" is the bundled releases'
        self._extracted = set()
        self._releases = None  # release_lines.releases() of the archive
        self._folders = {}  # top-level name -> the older release's folder this run imports it from

    def _index(self):
        if self._members is None:
            self._members = {}
            with zipfile.ZipFile(_archive()) as archive:
                names = archive.namelist()
                for name in names:
                    parts = name.split("/")
                    folder = "/".join(parts[:2]) if parts[0] == release_lines.RELEASES else ""
                    top = parts[2] if folder else parts[0]
                    top = top[: -len(".py")] if top.endswith(".py") else top
                    self._members.setdefault((folder, top), []).append(name)
                # Their metadata (importlib.metadata.version("flask-limiter")) is small: all of it at once.
                archive.extractall(_site[0], [n for n in names if ".dist-info/" in n])
                self._releases = release_lines.releases(lambda member: archive.read(member).decode(), names)
        return self._members

    def select(self, declarations, notes):
        """The older release lines this run imports (release_lines.py). What an earlier run imported
        from the audit's packages is dropped when the choice changes, as a new process would start."""
        self._index()
        bundled, older = self._releases
        chosen = release_lines.choose(declarations, bundled, older)
        folders = {}
        for name, (release, declared) in sorted(chosen.items()):
            notes.append(release_lines.describe(name, release, declared, bundled))
            folders.update({top: release.folder for folder, top in self._members if folder == release.folder})
        if folders != self._folders:
            for name, module in list(sys.modules.items()):
                if (getattr(module, "__file__", None) or "").startswith(_site[0] + "/"):
                    del sys.modules[name]
            self._folders = folders

    def find_spec(self, fullname, path=None, target=None):
        if path is not None or _archive() is None:
            return None  # a submodule: its package's __path__ already says where it is
        folder = self._folders.get(fullname, "")
        members = self._index().get((folder, fullname))
        if members is None:
            return None
        if (folder, fullname) not in self._extracted:
            with zipfile.ZipFile(_archive()) as archive:
                archive.extractall(_site[0], members)
            self._extracted.add((folder, fullname))
        return importlib.machinery.PathFinder.find_spec(fullname, [f"{_site[0]}/{folder}" if folder else _site[0]])

    def find_distributions(self, context=importlib.metadata.DistributionFinder.Context()):
        if _archive() is None:
            return iter(())
        self._index()
        # The older releases this run imports first: importlib.metadata.version() answers with theirs.
        paths = [f"{_site[0]}/{folder}" for folder in sorted(set(self._folders.values()))] + [_site[0]]
        where = importlib.metadata.DistributionFinder.Context(name=context.name, path=paths)
        return importlib.metadata.MetadataPathFinder.find_distributions(where)


_finder = AuditPackagesFinder()


def note(text):
    """Adds a note to the current audit run; False when the run is not an audit run."""
    if _notes[0] is None:
        return False
    if text not in _notes[0]:
        _notes[0].append(text)
    return True


def configure(audit_site_packages):
    _site[0] = audit_site_packages


def begin(audit, files, env):
    """Before a run: returns the notes list the run's changes are written to (None for a lesson)."""
    site = _site[0]
    if not audit:
        if _finder in sys.meta_path:
            sys.meta_path.remove(_finder)
            # What an audit run imported from there must not be importable in a lesson's run.
            for name, module in list(sys.modules.items()):
                if (getattr(module, "__file__", None) or "").startswith(site + "/"):
                    del sys.modules[name]
        stand_ins.deactivate()
        operator_modules.deactivate()
        databases.deactivate()
        if _real_socket[0] is not None:
            import socket as socket_module

            socket_module.socket = _real_socket[0]
        versions.restore()
        _notes[0] = None
        return None
    notes = _notes[0] = []
    followed = _followed[0] = []
    threading.Thread.start = _start_or_skip
    socket_module, _real, audit_socket = _datagram_socket_class()
    socket_module.socket = audit_socket
    if _archive() is not None:
        if _finder not in sys.meta_path:
            # Before the stand-ins' finder, which answers whatever is still missing.
            last = [i for i, finder in enumerate(sys.meta_path) if isinstance(finder, stand_ins.StandInFinder)]
            sys.meta_path.insert(last[0] if last else len(sys.meta_path), _finder)
    else:
        notes.append("the audit's packages (audit-packages.zip) are missing, run `npm run setup`: only Flask's own packages were importable")
    declarations = project_requirements.read(files)
    if _archive() is not None:
        databases.forget_library_models(_site[0])
        _finder.select(declarations, notes)
    stand_ins.activate([declared.name for declared in declarations])
    operator_modules.activate(notes)
    sqlalchemy = project_requirements.first(declarations, "sqlalchemy")
    databases.activate(notes, sqlalchemy if project_requirements.only_below(sqlalchemy, "2.0") else None)
    versions.apply(declarations, env, followed)
    return notes


def outcome(notes, serving):
    """What the run's outcome adds: the stand-ins it needed and the notes."""
    if notes is None:
        return {}
    versions.served(serving, _followed[0])
    return {"standIns": stand_ins.recorded(), "notes": list(notes), "versions": list(_followed[0] or [])}
