"""Modules the operator writes from an example, for `prodready audit`: many projects keep their
settings in a module they do not commit (`datacube_ows/ows_cfg.py`, `local_settings.py`,
`config.py`) and ship an example beside it (`ows_cfg_example.py`, `local_settings.py.example`,
`config.sample.py`) that the installation guide says to copy. Production imports the operator's
copy; the audit has only the example, so a project module that is missing where such an example
sits beside it is loaded from the example, under the missing module's name, and the run's notes
say so. Nothing else is invented: a missing project module without an example stays an
ImportError, as it is in production."""

import importlib.abc
import importlib.util
import os
import sys

from . import PROJECT_DIR

# How examples are named after the module they stand for (`NAME` is the module's last part).
_EXAMPLE_NAMES = (
    "{name}_example.py",
    "{name}.example.py",
    "{name}_sample.py",
    "{name}.sample.py",
    "{name}_template.py",
    "{name}.py.example",
    "{name}.py.sample",
    "{name}.py.dist",
    "{name}.py.template",
    "{name}.py.in",
    "example_{name}.py",
    "sample_{name}.py",
)


class _State:
    active = False
    notes = []


def activate(notes):
    _State.active = True
    _State.notes = notes
    if not any(isinstance(finder, ExampleFinder) for finder in sys.meta_path):
        # Before the stand-ins' finder, which would answer a missing top-level module with a stand-in.
        stand_in = [i for i, finder in enumerate(sys.meta_path) if type(finder).__name__ == "StandInFinder"]
        sys.meta_path.insert(stand_in[0] if stand_in else len(sys.meta_path), ExampleFinder())


def deactivate():
    _State.active = False


def _folders(fullname, path):
    """Where the missing module would be: its package's folders, or the top-level search path."""
    if path is not None:
        return list(path)
    return [entry or os.getcwd() for entry in sys.path]


def example_for(fullname, path=None):
    """The example file standing for the missing project module `fullname`, or None."""
    name = fullname.rpartition(".")[2]
    for folder in _folders(fullname, path):
        folder = os.path.abspath(folder)
        if folder != PROJECT_DIR and not folder.startswith(PROJECT_DIR + "/"):
            continue  # only the project's own modules: a library's missing module is its business
        for pattern in _EXAMPLE_NAMES:
            candidate = os.path.join(folder, pattern.format(name=name))
            if os.path.isfile(candidate):
                return candidate
    return None


class ExampleFinder(importlib.abc.MetaPathFinder):
    """After the real finders (asked only when no file has the module), before the stand-ins'."""

    def find_spec(self, fullname, path=None, target=None):
        if not _State.active:
            return None
        example = example_for(fullname, path)
        if example is None:
            return None
        shown = os.path.relpath(example, PROJECT_DIR)
        note = (
            f"the project has no module {fullname} (the operator writes it): the audit ran its example, {shown}, in its place"
        )
        if note not in _State.notes:
            _State.notes.append(note)
        return importlib.util.spec_from_file_location(fullname, example, loader=_ExampleLoader(example))


class _ExampleLoader(importlib.abc.Loader):
    """Runs the example's source as the module (no bytecode cache: `.py.example` is no source name)."""

    def __init__(self, path):
        self.path = path

    def exec_module(self, module):
        with open(self.path, encoding="utf-8") as handle:
            source = handle.read()
        exec(compile(source, self.path, "exec"), module.__dict__)
