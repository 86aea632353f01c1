"""Which release of an audit package a project runs. The audit bundles the newest release line of
each package, and for a few an older line whose API differs (python/audit-requirements.txt lists
the name twice; scripts/setup.js puts the older one in `_releases/NAME-VERSION/` of the archive):
CTFd, written for marshmallow 2, pins it, and marshmallow 3 refuses its schemas at import.

A project runs the older line when its requirements admit that line and not the bundled release
(`marshmallow==2.20.2` and `marshmallow<3` do, `marshmallow==3.21.3` and `marshmallow` do not),
and a package the project leaves free runs its older line when the bundled release's own
requirements refuse what was chosen (Flask-Marshmallow 1.x requires marshmallow 3; 0.10.1 takes 2),
as pip's resolver would pick it."""

from email.parser import Parser

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

from . import project_requirements

RELEASES = "_releases"


class Release:
    """One release in the archive: its distribution name, version, requirements, and where its
    files are (`folder`, relative to the archive's root: "" for the bundled release)."""

    def __init__(self, metadata, folder):
        message = Parser().parsestr(metadata)
        self.name = canonicalize_name(message.get("Name", ""))
        self.version = Version(message.get("Version", "0"))
        self.folder = folder
        self.requires = []
        for text in message.get_all("Requires-Dist") or []:
            try:
                requirement = Requirement(text)
            except InvalidRequirement:
                continue
            # Only what an install without extras requires.
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                self.requires.append(requirement)


def releases(read_metadata, names):
    """({name: bundled Release}, {name: [older Release, newest first]}) from the archive's member
    names; read_metadata(member) returns a METADATA file's text."""
    bundled, older = {}, {}
    for member in names:
        parts = member.split("/")
        if parts[-1] != "METADATA" or not parts[-2].endswith(".dist-info"):
            continue
        try:
            if len(parts) == 2:
                release = Release(read_metadata(member), "")
                bundled[release.name] = release
            elif len(parts) == 4 and parts[0] == RELEASES:
                release = Release(read_metadata(member), f"{RELEASES}/{parts[1]}")
                older.setdefault(release.name, []).append(release)
        except InvalidVersion:
            continue
    for found in older.values():
        found.sort(key=lambda release: release.version, reverse=True)
    return bundled, {name: found for name, found in older.items() if name in bundled}


def _line(version):
    """A release line: the major version (the minor one before 1.0, where minors break)."""
    return version.release[:1] if version.release[0] > 0 else version.release[:2]


def _admits(declared, version):
    if declared.exact is not None:
        return _line(declared.exact) == _line(version)
    return declared.specifier is None or declared.specifier.contains(version, prereleases=True)


def _accepted(release, versions):
    return all(
        requirement.specifier.contains(versions[canonicalize_name(requirement.name)], prereleases=True)
        for requirement in release.requires
        if canonicalize_name(requirement.name) in versions
    )


def choose(declarations, bundled, older):
    """{name: (older Release, why)} the project runs instead of the bundled releases; `why` is the
    declaration that asks for it, or the bundled package whose requirements refuse the choice."""
    chosen = {}
    for name, candidates in older.items():
        declared = project_requirements.first(declarations, name)
        if declared is None or _admits(declared, bundled[name].version):
            continue
        release = next((r for r in candidates if _admits(declared, r.version)), None)
        if release is not None:
            chosen[name] = (release, declared)
    changed = True
    while changed:
        changed = False
        versions = {name: release.version for name, release in bundled.items()}
        versions.update({name: release.version for name, (release, _) in chosen.items()})
        for name, candidates in older.items():
            if name in chosen or _accepted(bundled[name], versions):
                continue
            release = next((r for r in candidates if _accepted(r, versions)), None)
            if release is not None:
                chosen[name] = (release, None)
                changed = True
    return chosen


def describe(name, release, declared, bundled):
    """The run's note for one older release it runs."""
    if declared is not None:
        return (
            f"{declared.pinned()} is what the project installs ({declared.where()}): the app ran {name} {release.version}, "
            f"the audit's release of that line, not {bundled[name].version}"
        )
    return (
        f"{name} {release.version} ran instead of {bundled[name].version}, whose requirements refuse the release "
        f"line the project pins"
    )
