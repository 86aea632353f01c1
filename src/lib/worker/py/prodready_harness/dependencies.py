"""What a project's requirements files pin, and which known advisories (OSV records, given by the
caller) the version pip installs for it falls in, decided with `packaging` as pip decides versions.
`pip-audit` does the same against the versions it resolves; here nothing is installed, so an exact
pin is judged as written and a range by the newest release it admits (docs/advisories.md)."""

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


# Above every release any project names: what a specifier with no upper bound lets pip install.
_NEWEST = Version("999999")


def _record_versions(affected):
    """Every version an advisory's record names: its interval ends and its listed versions."""
    texts = set(affected.get("versions", []))
    for r in affected.get("ranges", []):
        for event in r.get("events", []):
            texts.update(value for key, value in event.items() if key in ("introduced", "fixed", "last_affected"))
    return texts


def _versions(texts):
    found = []
    for text in texts:
        try:
            found.append(Version(text))
        except InvalidVersion:
            pass
    return sorted(set(found))


def _installed(requirement, specifier, affected):
    """The version pip would install for this requirement as far as the record can tell, and whether
    the advisory affects it; None when it does not.

    pip-audit judges the version pip resolves, and pip resolves a range to the newest release it
    admits. Nothing is installed here and no index is reachable, so the newest admitted release is
    bounded with the record's own versions: the record's affected/unaffected status only changes at
    the versions it names, so the top of the range is affected exactly when the highest version the
    specifier admits among those names (or a release just after it) is. A range with no upper bound
    reaches past every version the record names. An exact pin is itself."""
    if requirement["exact"] is not None:
        version = Version(requirement["exact"])
        return (str(version), True) if _affects(affected, version) else None
    if specifier.contains(_NEWEST, prereleases=True):
        return ("the newest release", False) if _affects(affected, _NEWEST) else None
    named = _record_versions(affected) | {v.rstrip(".") for v in re.findall(r"[0-9][0-9A-Za-z.+!-]*", requirement["specifier"])}
    admitted = [v for v in _versions(named) if specifier.contains(v, prereleases=True)]
    if not admitted:
        return None
    top = admitted[-1]
    # A release after `top` and below the bound: a post-release of top sorts right after it.
    after = Version(f"{top.base_version}.post999999") if not top.is_postrelease else top
    if _affects(affected, top) or _affects(affected, after):
        return (str(top), False)
    return None


def matches(found, advisories):
    """Each (requirement, advisory) pair where what pip installs for the requirement is affected."""
    hits = []
    for requirement in found:
        specifier = Requirement(f"{requirement['name']}{requirement['specifier']}").specifier
        for advisory in advisories:
            for affected in advisory.get("affected", []):
                package = affected.get("package", {})
                if package.get("ecosystem") != "PyPI" or canonicalize_name(package.get("name", "")) != requirement["name"]:
                    continue
                installed = _installed(requirement, specifier, affected)
                if installed is None:
                    continue
                fixed = [str(v) for v in _versions({e["fixed"] for r in affected.get("ranges", []) for e in r.get("events", []) if "fixed" in e})]
                hits.append(
                    {
                        "file": requirement["file"],
                        "line": requirement["line"],
                        "name": requirement["name"],
                        "specifier": requirement["specifier"],
                        "affectedVersion": installed[0],
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
