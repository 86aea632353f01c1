"""What a project's requirements files pin, and which known advisories (OSV records, given by the
caller) each pin falls in, decided with `packaging` as pip decides versions. `pip-audit` does the
same against the versions it resolves; here the pins are judged as written, since nothing is
installed (docs/advisories.md)."""

import ast
import re

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

from . import project_requirements

_HASH = re.compile(r"--hash[= ]sha256:[0-9a-fA-F]{64}")


def _logical_lines(text):
    """pip's requirements format: a trailing backslash continues a line (--hash options usually
    stand on their own lines). Yields (first line number, joined text)."""
    start, parts = None, []
    for number, raw in enumerate(text.splitlines(), start=1):
        if start is None:
            start = number
        stripped = raw.rstrip()
        if stripped.endswith("\\"):
            parts.append(stripped[:-1])
            continue
        parts.append(stripped)
        yield start, " ".join(parts)
        start, parts = None, []
    if parts:
        yield start, " ".join(parts)


def requirements(files):
    """Every requirement line of the project's requirements*.txt: name, specifier, hashes."""
    found, problems = [], []
    for path in sorted(p for p in files if project_requirements._REQUIREMENTS_TXT.search(p)):
        for line, text in _logical_lines(files[path]):
            body = re.sub(r"(^|\s)#.*$", "", text).strip()
            if not body or body.startswith("-"):
                continue  # options of their own (-r, -c, --index-url) and comments
            hashes = len(_HASH.findall(body))
            spec_text = re.split(r"\s--", " " + body, maxsplit=1)[0].strip().rstrip(";").strip()
            try:
                requirement = Requirement(spec_text)
            except InvalidRequirement as error:
                problems.append({"file": path, "line": line, "message": f"pip cannot read {spec_text!r}: {error}"})
                continue
            exact = None
            operators = [spec.operator for spec in requirement.specifier]
            if operators == ["=="] and "*" not in str(requirement.specifier):
                exact = next(iter(requirement.specifier)).version
            found.append(
                {
                    "file": path,
                    "line": line,
                    "name": canonicalize_name(requirement.name),
                    "written": requirement.name,
                    "specifier": str(requirement.specifier),
                    "exact": exact,
                    "hashes": hashes,
                }
            )
    return found, problems


def _in_range(version, events):
    """OSV's ECOSYSTEM range semantics (ossf.github.io/osv-schema, "Evaluation"): walk the events in
    version order; introduced opens, fixed closes before, last_affected closes after."""
    points = []
    for event in events:
        for kind in ("introduced", "fixed", "last_affected"):
            if kind in event:
                try:
                    points.append((Version(event[kind]), kind))
                except InvalidVersion:
                    pass
    points.sort(key=lambda point: point[0])
    affected = False
    for boundary, kind in points:
        if kind == "introduced" and version >= boundary:
            affected = True
        elif kind == "fixed" and version >= boundary:
            affected = False
        elif kind == "last_affected" and version > boundary:
            affected = False
    return affected


def _affects(affected, version):
    if any(_same(version, listed) for listed in affected.get("versions", [])):
        return True
    return any(
        r.get("type") == "ECOSYSTEM" and _in_range(version, r.get("events", [])) for r in affected.get("ranges", [])
    )


def _same(version, text):
    try:
        return version == Version(text)
    except InvalidVersion:
        return False


def _candidates(requirement, affected):
    """Versions to try a specifier with. An exact pin is itself. pip-audit judges the version pip
    resolves; with nothing installed, a range is judged by what it still admits above its floor: it
    admits an affected version exactly when it admits the low end of an affected interval or its own
    floor inside one, so those are tried (the interval ends are in the record; no index is needed).
    A requirement with no floor (`flask`, `flask<4`) says nothing about the version production gets:
    not judged here."""
    if requirement["exact"] is not None:
        return [requirement["exact"]]
    if not re.search(r"(>=|>|~=|===?)\s*[0-9]", requirement["specifier"]):
        return []
    texts = {"0"}
    for r in affected.get("ranges", []):
        for event in r.get("events", []):
            texts.update(value for key, value in event.items() if key in ("introduced", "last_affected"))
    texts.update(affected.get("versions", []))
    texts.update(re.findall(r"[0-9][0-9A-Za-z.+!-]*", requirement["specifier"]))
    return sorted(texts)


def matches(found, advisories):
    """Each (requirement, advisory) pair where the requirement admits an affected version."""
    hits = []
    for requirement in found:
        specifier = Requirement(f"{requirement['name']}{requirement['specifier']}").specifier
        for advisory in advisories:
            for affected in advisory.get("affected", []):
                package = affected.get("package", {})
                if package.get("ecosystem") != "PyPI" or canonicalize_name(package.get("name", "")) != requirement["name"]:
                    continue
                admitted = []
                for text in _candidates(requirement, affected):
                    try:
                        version = Version(text)
                    except InvalidVersion:
                        continue
                    if specifier.contains(version, prereleases=True) and _affects(affected, version):
                        admitted.append(str(version))
                if admitted:
                    fixed = sorted(
                        {e["fixed"] for r in affected.get("ranges", []) for e in r.get("events", []) if "fixed" in e},
                        key=Version,
                    )
                    hits.append(
                        {
                            "file": requirement["file"],
                            "line": requirement["line"],
                            "name": requirement["name"],
                            "specifier": requirement["specifier"],
                            "affectedVersion": admitted[0],
                            "advisory": advisory["id"],
                            "fixed": fixed,
                        }
                    )
    return hits


def _imports(files):
    """Modules the project's Python files import (with ast), for scope questions (jinja2.sandbox)."""
    names = set()
    for path, text in files.items():
        if not path.endswith(".py"):
            continue
        try:
            tree = ast.parse(text, filename=path)
        except (SyntaxError, ValueError):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module)
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return sorted(names)


def dependencies(args):
    found, problems = requirements(args["files"])
    return {
        "requirements": found,
        "problems": problems,
        "matches": matches(found, args["advisories"]),
        "imports": _imports(args["files"]),
    }
