"""The project's own Flask, where its semantics differ from the bundled one's in what a rule
judges. The audit runs the bundled Flask (3.1); where the project pins an older one and the
difference decides a fact, the run follows the pinned version and says so in a note.

- FLASK_ENV: before Flask 2.3, `FLASK_ENV=development` turned debug mode on whenever FLASK_DEBUG
  was unset (`flask.helpers.get_debug_flag`, Flask 2.2.x; deprecated in 2.2, removed in 2.3, see
  https://flask.palletsprojects.com/en/stable/changes/#version-2-3-0). Flask 3.1 ignores it.
- The debugger's Host check: from Werkzeug 3.0.3 (CVE-2024-34069,
  https://werkzeug.palletsprojects.com/en/stable/changes/#version-3-0-3) the debugger offers its
  console and PIN prompt only to requests whose Host is in `trusted_hosts` (localhost); before, to
  any Host. With an older Werkzeug pinned, the bundled debugger trusts every Host, said when the
  app is served with the debugger.
- The app's config attributes: Flask 2.2 answered `app.session_cookie_name`, `app.env`,
  `app.propagate_exceptions`, `app.templates_auto_reload`, `app.send_file_max_age_default` and
  `app.use_x_sendfile` from `app.config` (deprecated in 2.2, removed in 2.3, see the 2.3.0
  changes above). A project pinned below 2.3 reads them (CTFd's session interface reads
  `app.session_cookie_name` on every request); they answer as Flask 2.2.5's properties did.
"""

import os

from . import project_requirements

FLASK_ENV_REMOVED_IN = "2.3"
DEBUGGER_HOST_CHECK_FROM = "3.0.3"


def _get_debug_flag_before_2_3():
    """Flask 2.2.5's get_debug_flag, verbatim in behaviour: FLASK_DEBUG when set, else FLASK_ENV."""
    value = os.environ.get("FLASK_DEBUG")
    if not value:
        return (os.environ.get("FLASK_ENV") or "production") == "development"
    return value.lower() not in {"0", "false", "no"}


def _flask_modules():
    import flask.app
    import flask.cli
    import flask.helpers
    import flask.sansio.app

    return (flask.helpers, flask.app, flask.sansio.app, flask.cli)


_original = {}  # (owner, attribute) -> the bundled version's
_ABSENT = object()  # an attribute the bundled version does not have


def _replace(owner, attribute, value):
    _original[(owner, attribute)] = vars(owner).get(attribute, _ABSENT) if isinstance(owner, type) else getattr(owner, attribute)
    setattr(owner, attribute, value)


def restore():
    for (owner, attribute), value in _original.items():
        if value is _ABSENT:
            delattr(owner, attribute)
        else:
            setattr(owner, attribute, value)
    _original.clear()


def _config_property(key, default_from=None, default=None):
    """Flask 2.2.5's config proxy (flask/app.py): the config value; `default_from(app)` when it is
    None; `default` where Flask 2.2's default config had the key and 3.x's has not (ENV)."""

    def get(app):
        value = app.config.get(key, default)
        return default_from(app) if value is None and default_from is not None else value

    def set_(app, value):
        app.config[key] = value

    return property(get, set_)


# Flask 2.2.5's attributes that 2.3 removed, each answered from the config as 2.2.5 did.
_CONFIG_ATTRIBUTES_BEFORE_2_3 = {
    "session_cookie_name": _config_property("SESSION_COOKIE_NAME"),
    "env": _config_property("ENV", default="production"),
    "send_file_max_age_default": _config_property("SEND_FILE_MAX_AGE_DEFAULT"),
    "use_x_sendfile": _config_property("USE_X_SENDFILE"),
    "templates_auto_reload": _config_property("TEMPLATES_AUTO_RELOAD", lambda app: app.debug),
    "propagate_exceptions": property(
        lambda app: app.config["PROPAGATE_EXCEPTIONS"]
        if app.config.get("PROPAGATE_EXCEPTIONS") is not None
        else app.testing or app.debug
    ),
}


def _config_attributes_before_2_3(declared, notes):
    from flask.app import Flask

    added = [name for name in _CONFIG_ATTRIBUTES_BEFORE_2_3 if not hasattr(Flask, name)]
    for name in added:
        _replace(Flask, name, _CONFIG_ATTRIBUTES_BEFORE_2_3[name])
    if added:
        notes.append(
            f"{declared.pinned('Flask')} is what the project installs ({declared.where()}): there "
            f"{', '.join('app.' + name for name in added)} answer from app.config (Flask removed them in "
            f"{FLASK_ENV_REMOVED_IN}); the app ran with them"
        )


_with_debugger = []  # what the run follows only where the debugger serves


def _trust_every_host(werkzeug):
    from werkzeug.debug import DebuggedApplication

    pinned = werkzeug.pinned("Werkzeug")
    _replace(DebuggedApplication, "check_host_trust", lambda self, environ: True)
    _with_debugger.append(
        f"{pinned} is what the project installs ({werkzeug.where()}): its debugger offers the console to any "
        f"Host header (the Host check came in Werkzeug {DEBUGGER_HOST_CHECK_FROM}); the app ran with that version's debugger"
    )


def served(serving, notes):
    """After the run: the differences that hold only for what it serves."""
    if serving is not None and serving.get("debugger"):
        notes.extend(note for note in _with_debugger if note not in notes)


def apply(declarations, env, notes):
    """Before the run: take on the pinned Flask's semantics where they differ for this environment;
    each difference followed is appended to `notes` as a sentence."""
    restore()
    _with_debugger.clear()
    werkzeug = project_requirements.first(declarations, "werkzeug")
    if project_requirements.only_below(werkzeug, DEBUGGER_HOST_CHECK_FROM):
        _trust_every_host(werkzeug)
    flask = project_requirements.first(declarations, "flask")
    if not project_requirements.only_below(flask, FLASK_ENV_REMOVED_IN):
        return
    _config_attributes_before_2_3(flask, notes)
    if "FLASK_ENV" not in env:
        return
    pinned = flask.pinned("Flask")
    for module in _flask_modules():
        if hasattr(module, "get_debug_flag"):
            _replace(module, "get_debug_flag", _get_debug_flag_before_2_3)
    notes.append(
        f"{pinned} is what the project installs ({flask.where()}): there FLASK_ENV={env['FLASK_ENV']} "
        f"{'turns debug mode on' if env['FLASK_ENV'] == 'development' and not env.get('FLASK_DEBUG') else 'is read'} "
        f"(Flask removed FLASK_ENV in {FLASK_ENV_REMOVED_IN}); the app ran with that version's rule"
    )
