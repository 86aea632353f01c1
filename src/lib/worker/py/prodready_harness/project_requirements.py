"""What a project declares it installs, read with the tools pip and Poetry read them with
(`packaging.requirements`, `tomllib`, `json`): requirements*.txt, pyproject.toml (PEP 621 and
Poetry), Pipfile, Pipfile.lock and poetry.lock. The audit uses it twice: a package the project
declares is one production has (stand_ins.py), and a pinned Flask decides which Flask's
semantics a rule's fact follows (versions.py)."""

import json
import re
import tomllib

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

_REQUIREMENTS_TXT = re.compile(r"(^|/)(requirements[^/]*\.(txt|in)|requirements/[^/]+\.(txt|in))$")


class Declared:
    """One declared distribution: its name, what the file allows, and where it says so."""

    def __init__(self, name, specifier, file, line, exact=None):
        self.name = canonicalize_name(name)
        self.specifier = specifier  # a packaging SpecifierSet, or None for "any version"
        self.file = file
        self.line = line
        self.exact = exact  # a Version when a lock file or `==` pins one

    def where(self):
        return f"{self.file}:{self.line}"

    def pinned(self, label=None):
        """How a note names what the project installs: `Flask 2.2.5`, or the range as written (`Flask>=2.0,<2.3`)."""
        label = label or self.name
        return f"{label} {self.exact}" if self.exact else f"{label}{self.specifier or ''}"


def _depth(path):
    return path.count("/")


def _line_of(text, pattern):
    for number, line in enumerate(text.splitlines(), start=1):
        if re.search(pattern, line, re.IGNORECASE):
            return number
    return 1


def _from_requirement(text, file, line):
    try:
        requirement = Requirement(text)
    except InvalidRequirement:
        return None
    exact = None
    for spec in requirement.specifier:
        if spec.operator in ("==", "===") and "*" not in spec.version:
            try:
                exact = Version(spec.version)
            except InvalidVersion:
                pass
    return Declared(requirement.name, requirement.specifier or None, file, line, exact)


def _requirements_txt(text, file):
    found = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split(" #", 1)[0].strip()
        if not line or line.startswith(("#", "-")):
            continue  # options (-r, -e, --hash) and comments
        line = line.split(" --hash", 1)[0].rstrip("\\").strip()
        declared = _from_requirement(line, file, number)
        if declared:
            found.append(declared)
    return found


def _pyproject(text, file):
    data = tomllib.loads(text)
    found = []
    for entry in data.get("project", {}).get("dependencies", []):
        declared = _from_requirement(entry, file, _line_of(text, re.escape(entry.split(";")[0].strip())))
        if declared:
            found.append(declared)
    poetry = data.get("tool", {}).get("poetry", {}).get("dependencies", {})
    for name, value in poetry.items():
        if name.lower() == "python":
            continue
        version = value if isinstance(value, str) else value.get("version", "*") if isinstance(value, dict) else "*"
        exact = None
        if re.fullmatch(r"=?=?\d[\w.]*", version or ""):
            try:
                exact = Version(version.lstrip("="))
            except InvalidVersion:
                pass
        found.append(Declared(name, None, file, _line_of(text, rf"^\s*{re.escape(name)}\s*="), exact))
    return found


def _pipfile(text, file):
    data = tomllib.loads(text)
    found = []
    for name, value in data.get("packages", {}).items():
        version = value if isinstance(value, str) else value.get("version", "*") if isinstance(value, dict) else "*"
        exact = None
        if version.startswith("=="):
            try:
                exact = Version(version[2:])
            except InvalidVersion:
                pass
        found.append(Declared(name, None, file, _line_of(text, rf"^\s*\"?{re.escape(name)}\"?\s*="), exact))
    return found


def _pipfile_lock(text, file):
    data = json.loads(text)
    found = []
    for name, value in data.get("default", {}).items():
        version = value.get("version", "") if isinstance(value, dict) else ""
        exact = None
        if version.startswith("=="):
            try:
                exact = Version(version[2:])
            except InvalidVersion:
                pass
        found.append(Declared(name, None, file, _line_of(text, rf"^\s*\"{re.escape(name)}\"\s*:"), exact))
    return found


def _poetry_lock(text, file):
    data = tomllib.loads(text)
    found = []
    lines = text.splitlines()
    for package in data.get("package", []):
        name, version = package.get("name", ""), package.get("version", "")
        line = next(
            (n for n, l in enumerate(lines, start=1) if re.fullmatch(rf'\s*name\s*=\s*"{re.escape(name)}"\s*', l)), 1
        )
        try:
            found.append(Declared(name, None, file, line, Version(version)))
        except InvalidVersion:
            pass
    return found


_READERS = (
    (lambda path: path.rsplit("/", 1)[-1] == "poetry.lock", _poetry_lock),
    (lambda path: path.rsplit("/", 1)[-1] == "Pipfile.lock", _pipfile_lock),
    (lambda path: path.rsplit("/", 1)[-1] == "Pipfile", _pipfile),
    (lambda path: path.rsplit("/", 1)[-1] == "pyproject.toml", _pyproject),
    (lambda path: bool(_REQUIREMENTS_TXT.search(path)), _requirements_txt),
)


def read(files):
    """Every declaration in the project's files, lock files first, then the shallowest files (a
    root requirements.txt before one of a sub-project): the first entry for a name is the one
    that says which version production installs. Files that do not parse are skipped."""
    found = []
    for order, (matches, reader) in enumerate(_READERS):
        for path in sorted((p for p in files if matches(p)), key=lambda p: (_depth(p), p)):
            try:
                found.extend((order, _depth(path), declared) for declared in reader(files[path], path))
            except (ValueError, TypeError, AttributeError, tomllib.TOMLDecodeError):
                continue
    # Lock files pin what is installed; among the rest, a file closer to the root wins.
    found.sort(key=lambda item: (item[0] > 1, item[1], item[0]))
    return [declared for _, _, declared in found]


def first(declarations, name):
    """The declaration that decides `name`'s version, if the project declares it."""
    wanted = canonicalize_name(name)
    with_version = [d for d in declarations if d.name == wanted and (d.exact or d.specifier)]
    if with_version:
        return with_version[0]
    return next((d for d in declarations if d.name == wanted), None)


def only_below(declared, boundary):
    """Every version the declaration admits is older than `boundary` (a pin to 2.0.3, `<2.3`,
    `~=2.2.0`): the project cannot be running `boundary` or later."""
    limit = Version(boundary)
    if declared is None:
        return False
    if declared.exact is not None:
        return declared.exact < limit
    if declared.specifier is None:
        return False
    for spec in declared.specifier:
        try:
            version = Version(spec.version.rstrip(".*"))
        except InvalidVersion:
            continue
        if spec.operator == "<" and version <= limit:
            return True
        if spec.operator == "<=" and version < limit:
            return True
        if spec.operator == "~=":
            release = version.release[:-1] or version.release
            upper = Version(".".join(str(part) for part in (*release[:-1], release[-1] + 1)))
            if upper <= limit:
                return True
        if spec.operator == "==" and spec.version.endswith(".*") and Version(spec.version[:-2] + ".999999") < limit:
            return True
    return False
