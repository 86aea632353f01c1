"""The project's pinned Flask and Werkzeug, run instead of the bundled ones where the lesson ships
that release: scripts/setup.js builds python/pinned-requirements.txt into one folder per release,
/lib/prodready-pinned/NAME-VERSION/ (the worker unpacks it when a project pins one of them). A run
whose requirements pin `werkzeug==3.0.1` imports the real Werkzeug 3.0.1, its debugger included;
a run that pins nothing shipped goes back to the bundled releases. Only lessons' runs: the audit
follows a pinned version's semantics where they matter instead (versions.py).

Swapping a library under a live interpreter: its modules are dropped from sys.modules, its folder
goes first on sys.path, and what the harness patched in it is patched again in the new one
(shims.py, devserver.py, config_selection.py), as a new process would get it."""

import importlib
import importlib.metadata
import os
import sys

from . import config_selection, dependencies, devserver, route_builders, shims, versions

PINNED_ROOT = "/lib/prodready-pinned"
SWAPPABLE = ("flask", "werkzeug")

_active = {}  # name -> version imported from PINNED_ROOT now


def _shipped(name, version):
    return os.path.isdir(f"{PINNED_ROOT}/{name}-{version}")


def _wanted(files):
    """{name: (version, requirement)} for the swappable packages the project pins and the lesson ships."""
    found, _ = dependencies.requirements(files)
    wanted = {}
    for requirement in found:
        name, version = requirement["name"], requirement["exact"]
        if name in SWAPPABLE and name not in wanted and version and _shipped(name, version):
            wanted[name] = (version, requirement)
    return wanted


def _swap(versions_by_name):
    versions.restore()  # its patches belong to the modules about to go
    for name in list(sys.modules):
        if name.split(".", 1)[0] in SWAPPABLE:
            del sys.modules[name]
    sys.path[:] = [path for path in sys.path if not path.startswith(PINNED_ROOT + "/")]
    for name, version in sorted(versions_by_name.items()):
        sys.path.insert(0, f"{PINNED_ROOT}/{name}-{version}")
    importlib.invalidate_caches()
    shims.install()
    importlib.reload(devserver)
    devserver.install()
    config_selection.install()
    route_builders.install()
    _active.clear()
    _active.update(versions_by_name)


def activate(files, audit):
    """Before a run: the pinned releases this run imports. Returns what to say in the run's log."""
    wanted = {} if audit else _wanted(files)
    target = {name: version for name, (version, _) in wanted.items()}
    if target != _active:
        _swap(target)
    notes = []
    for name, (version, requirement) in sorted(wanted.items()):
        notes.append(
            f"{requirement['file']}:{requirement['line']} pins {name}=={version}: this run imports "
            f"{importlib.metadata.version(name)} from the lesson's copy of that release, not the bundled one"
        )
    return notes
