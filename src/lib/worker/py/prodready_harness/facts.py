"""Facts the rules read: what the live app ended up with (secret key, error handlers), and where
in the source the relevant settings are written, found with Python's ast (not with patterns over
text), so a marker lands on the right line."""

import ast
import inspect
import os
import secrets
import sys

from . import PROJECT_DIR, config_selection, exception_echoes, sessions
from .cookie_calls import cookie_calls


def _python_files(files):
    return {path: source for path, source in files.items() if path.endswith(".py")}


_parsed = {}


def _parse_all(files):
    """Parsed once per file content: the rules ask for facts several times about the same files,
    and a real project has hundreds of modules."""
    key = tuple(sorted((path, hash(source)) for path, source in _python_files(files).items()))
    cached = _parsed.get(key)
    if cached is None:
        _parsed.clear()
        cached = _parsed[key] = _parse_uncached(files) + ({},)
    return cached


def _parse_uncached(files):
    trees, problems = {}, []
    for path, source in _python_files(files).items():
        try:
            trees[path] = ast.parse(source, filename=path)
        except SyntaxError as error:
            problems.append(
                {
                    "file": path,
                    "line": error.lineno or 1,
                    "column": error.offset,
                    "message": f"{type(error).__name__}: {error.msg}",
                }
            )
    return trees, problems


def _is_true_constant(node):
    return isinstance(node, ast.Constant) and node.value is True


def _subscript_key(node):
    if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
        return node.slice.value
    return None


def debug_settings(trees):
    """Places that turn debug on with a literal: `debug=True` passed to a call, `X.debug = True`,
    `X.config["DEBUG"] = True`, `X.config.update(DEBUG=True)`, `{"DEBUG": True}` mappings and
    `DEBUG = True` in a config module or class."""
    found = []

    def add(path, node, form):
        found.append({"file": path, "line": node.lineno, "form": form})

    for path, tree in trees.items():
        source_lines = None
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                for keyword in node.keywords:
                    if keyword.arg in ("debug", "DEBUG", "use_debugger") and _is_true_constant(keyword.value):
                        add(path, keyword.value, f"{keyword.arg}=True")
            elif isinstance(node, (ast.Assign, ast.AnnAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                if node.value is None or not _is_true_constant(node.value):
                    continue
                for target in targets:
                    if isinstance(target, ast.Attribute) and target.attr == "debug":
                        add(path, node, f"{ast.unparse(target)} = True")
                    elif _subscript_key(target) == "DEBUG":
                        add(path, node, f"{ast.unparse(target)} = True")
                    elif isinstance(target, ast.Name) and target.id == "DEBUG":
                        add(path, node, "DEBUG = True")
            elif isinstance(node, ast.Dict):
                for key, value in zip(node.keys, node.values):
                    if isinstance(key, ast.Constant) and key.value == "DEBUG" and _is_true_constant(value):
                        add(path, key, '"DEBUG": True')
        del source_lines
    return found


def literal_locations(trees, value):
    """Where string literals equal to `value` stand in the project, in file and line order."""
    if not value:
        return []
    found = []
    for path in sorted(trees):
        for node in ast.walk(trees[path]):
            if isinstance(node, ast.Constant) and node.value == value:
                found.append({"file": path, "line": node.lineno})
    return sorted(found, key=lambda entry: (entry["file"], entry["line"]))


def _executed_files():
    """The project files the run executed: its imported modules, and the files Flask read
    settings from without importing them (from_pyfile)."""
    files = set(config_selection.loaded_files())
    for module in list(sys.modules.values()):
        file = _relative(getattr(module, "__file__", None) or "")
        if file is not None:
            files.add(file)
    return files


def loaded_literal(candidates, trees, selected):
    """Of the places a literal stands, the one production loads it from: a project's config
    folder often repeats the production key in a development config nothing imports, or in a
    DevelopmentConfig beside the selected ProductionConfig. Unselected classes are dropped, then
    files the run executed come first; the first place is kept when none was executed (the app
    did not start)."""
    if not candidates:
        return None
    kept = config_selection.keep(candidates, trees, selected) or candidates
    executed = _executed_files()
    loaded = [entry for entry in kept if entry["file"] in executed]
    return (loaded or kept)[0]


def _relative(filename):
    if filename.startswith(PROJECT_DIR + "/"):
        return filename[len(PROJECT_DIR) + 1 :]
    return None


def _project_class(cls):
    """A class the project defines (the project's script runs as __main__: its classes count too)."""
    module = sys.modules.get(cls.__module__)
    return cls.__module__ == "__main__" or (getattr(module, "__file__", None) or "").startswith(PROJECT_DIR + "/")


def _probe_exceptions(exception_class, code, marker):
    """Exceptions of the kind the handler is registered for, carrying `marker` the way a real one
    carries its text: a 500 handler gets Flask's InternalServerError wrapping the original exception
    (its own description stays Werkzeug's fixed text); any other HTTP error is left out (its text is
    the description the app's own abort() chose), and so is the project's own exception class; a
    handler of any other exception gets one whose message is the marker. Empty when the class
    cannot be made with a message."""
    from werkzeug.exceptions import HTTPException, InternalServerError

    if exception_class is None:
        return []
    if issubclass(exception_class, InternalServerError) or code == 500:
        return [InternalServerError(original_exception=ValueError(marker))]
    if issubclass(exception_class, HTTPException):
        return []
    if exception_class in (Exception, BaseException):
        return [ValueError(marker)]
    if _project_class(exception_class):
        return []  # the project's own exception: its message is written for whoever reads it
    try:
        return [exception_class(marker)]
    except Exception:  # a constructor that wants more: see below
        pass
    # SQLAlchemy's IntegrityError(statement, params, orig), smtplib's SMTPResponseException(code,
    # msg) and the like: every required argument the marker, as text, then as the exception a
    # wrapped driver error carries (`error.orig`); the handler is tried with each that can be made.
    try:
        parameters = inspect.signature(exception_class).parameters.values()
    except (TypeError, ValueError):  # no signature to read
        return []
    required = [p for p in parameters if p.default is p.empty and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    made = []
    for argument in (marker, ValueError(marker)):
        try:
            exception = exception_class(*(argument for _ in required))
        except Exception:  # not with this one
            continue
        # Every argument carries the marker, a status code too: the rule asks the source which one is sent.
        exception._prodready_by_arguments = True
        made.append(exception)
    return made


def _echoed_body(flask_app, function, exception_class, code):
    """The handler's response body when it carries the exception's text, else None, and whether the
    exception was made with the marker in every argument: the handler is called, in a request
    context, with an exception whose message is a fresh marker. Only the text can tell; what the
    handler does besides is the project's (a handler that fails is not an echo). The body goes back
    so the rule can tell a traceback fragment (traceback-exposed's) apart."""
    marker = "prodready-probe-" + secrets.token_hex(6)
    for exception in _probe_exceptions(exception_class, code, marker):
        try:
            with flask_app.test_request_context("/"):
                body = flask_app.make_response(function(exception)).get_data(as_text=True)
        except Exception:  # the handler's own failure: not an answer that carries the text
            continue
        if marker in body:
            return body[:4000], getattr(exception, "_prodready_by_arguments", False)
    return None, False


def error_handlers(flask_app, probe=False):
    handlers = []
    if flask_app is None:
        return handlers
    for blueprint, by_code in flask_app.error_handler_spec.items():
        for code, by_exception in by_code.items():
            for exception, function in by_exception.items():
                code_object = getattr(function, "__code__", None)
                file = _relative(code_object.co_filename) if code_object else None
                if file is None:
                    continue
                handler = {
                    "code": code,
                    "exception": exception.__name__ if exception else None,
                    "file": file,
                    "line": code_object.co_firstlineno,
                }
                echoed, by_arguments = _echoed_body(flask_app, function, exception, code) if probe else (None, False)
                if echoed is not None:
                    handler["echoedBody"] = echoed
                    if by_arguments:
                        handler["probedWith"] = "arguments"
                handlers.append(handler)
    return handlers


def proxy_fix(flask_app, trees):
    """Werkzeug's ProxyFix in front of the live app, with its counts, and where it is applied."""
    if flask_app is None:
        return None
    from werkzeug.middleware.proxy_fix import ProxyFix

    current, seen = flask_app.wsgi_app, set()
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, ProxyFix):
            location = None
            for path, tree in trees.items():
                for node in ast.walk(tree):
                    if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == "ProxyFix":
                        location = {"file": path, "line": node.lineno}
                        break
                if location:
                    break
            return {
                "x_for": current.x_for,
                "x_proto": current.x_proto,
                "x_host": current.x_host,
                "x_port": current.x_port,
                "x_prefix": current.x_prefix,
                "location": location,
            }
        current = getattr(current, "app", None)
    return None


def routes(flask_app):
    """The live app's URL rules (`/orders/<order_id>`), for choosing a request that makes it fail."""
    if flask_app is None:
        return []
    try:
        return [rule.rule for rule in flask_app.url_map.iter_rules()]
    except Exception:  # a broken url_map is the app's problem, not the grader's
        return []


def facts(args):
    session = sessions.get(args["session"])
    trees, problems, memo = _parse_all(args["files"])
    if "debugSettings" not in memo:
        memo["debugSettings"] = debug_settings(trees)
    flask_app = session.server.flask_app if session.server is not None else None
    secret = None
    if flask_app is not None and flask_app.secret_key:
        secret = flask_app.secret_key
        if isinstance(secret, bytes):
            secret = secret.decode("utf-8", errors="replace")
        secret = str(secret)
    if ("literal", secret) not in memo:
        memo[("literal", secret)] = literal_locations(trees, secret)
    if "settingLocations" not in memo:
        memo["settingLocations"] = setting_locations(trees)
    if "cookieCalls" not in memo:
        memo["cookieCalls"] = cookie_calls(trees)
    # Only the config classes production loads: Flask's own choice, or the code's under the run's environment.
    selected = config_selection.selection(trees, session.env, flask_app is not None)
    locations = {name: config_selection.keep(entries, trees, selected) for name, entries in memo["settingLocations"].items()}
    # Read before anything calls a handler in a request context of its own (a new request starts a new record).
    raised = raised_exceptions()
    probe = args.get("probeErrorHandlers", False)
    return {
        "problems": problems,
        "secretKey": secret,
        "secretLiteral": loaded_literal(memo[("literal", secret)], trees, selected),
        "errorHandlers": error_handlers(flask_app, probe=probe),
        "debugSettings": config_selection.keep(memo["debugSettings"], trees, selected),
        "proxyFix": proxy_fix(flask_app, trees),
        "routes": routes(flask_app),
        "settings": settings(flask_app),
        "settingLocations": locations,
        "cookieCalls": memo["cookieCalls"],
        "raised": raised,
        **({"exceptionEchoes": exception_echoes.exception_echoes(flask_app, trees, args["files"])} if probe and flask_app else {}),
    }


# --- Exceptions raised in the project's own code while it handled the latest request, for
# error-detail-exposed: the rule attacks the app, then compares what the response body says with
# what the code actually raised. Recorded with sys.monitoring (one callback per raise, nothing per
# line); a new request starts a new record, so reading it never changes it.

_raised = []
_raised_during = [None]  # the request the records belong to
_raised_path = [None]  # and its path
_MAX_RAISED = 20


def _current_request():
    flask_globals = __import__("sys").modules.get("flask.globals")
    if flask_globals is None:
        return None
    try:
        return flask_globals.request._get_current_object()
    except RuntimeError:  # outside a request
        return None


def _on_raise(code, _offset, exception):
    if not code.co_filename.startswith(PROJECT_DIR + "/") or not isinstance(exception, Exception):
        return
    current = _current_request()
    if current is None:
        return
    if current is not _raised_during[0]:
        _raised_during[0] = current
        _raised.clear()
        _raised_path[0] = getattr(current, "path", None)
    if len(_raised) >= _MAX_RAISED or any(seen is exception for seen, _ in _raised):
        return
    _raised.append((exception, {"file": code.co_filename[len(PROJECT_DIR) + 1 :], "line": code.co_firstlineno}))


def _line_at(code, offset):
    """The line of the instruction at `offset`, or of the first one after it that has a line (an
    exception handler starts with instructions of no line of their own)."""
    for start, end, line in sorted(code.co_lines()):
        if end > offset and line is not None:
            return line
    return code.co_firstlineno


def _on_handled(code, offset, exception):
    """An `except` in the project's code caught a recorded exception: that is where it was answered."""
    if not code.co_filename.startswith(PROJECT_DIR + "/"):
        return
    for seen, location in _raised:
        if seen is exception and "handledAt" not in location:
            location["handledAt"] = {"file": code.co_filename[len(PROJECT_DIR) + 1 :], "line": _line_at(code, offset)}


def _install_raise_monitor():
    monitoring = getattr(__import__("sys"), "monitoring", None)
    if monitoring is None:
        return
    for tool in (4, 3):
        if monitoring.get_tool(tool) is None:
            monitoring.use_tool_id(tool, "prodready")
            monitoring.register_callback(tool, monitoring.events.RAISE, _on_raise)
            monitoring.register_callback(tool, monitoring.events.EXCEPTION_HANDLED, _on_handled)
            monitoring.set_events(tool, monitoring.events.RAISE | monitoring.events.EXCEPTION_HANDLED)
            return


_install_raise_monitor()


def raised_exceptions():
    """What the project's code raised during the latest request that raised anything (HTTP errors
    such as abort(404) left out: their text is meant for the client)."""
    try:
        from werkzeug.exceptions import HTTPException
    except ImportError:  # pragma: no cover - Werkzeug is always in the bundle
        HTTPException = ()
    found = []
    for exception, location in _raised:
        if isinstance(exception, HTTPException):
            continue
        try:
            message = str(exception)
        except Exception:
            continue
        own = _project_class(type(exception))
        found.append(
            {
                "type": type(exception).__name__,
                "message": message,
                "projectType": own,
                "path": _raised_path[0],
                **location,
            }
        )
    return found


_MISSING = object()


def _config_value(flask_app, name):
    value = flask_app.config.get(name, _MISSING)
    if value is _MISSING:
        return None
    if isinstance(value, (bool, int, float, str)) or value is None:
        return {"value": value}
    return {"value": repr(value)}


# Settings whose value the rules read from the live app, and whose line they point at.
SETTING_NAMES = (
    "SECRET_KEY",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "WTF_CSRF_ENABLED",
    "WTF_CSRF_CHECK_DEFAULT",
)


# DEBUG's place too: debug-enabled points at the assignment production loads when its value is
# computed (`config("DEBUG", True)`), which debug_settings' literal search cannot see.
_LOCATED_NAMES = SETTING_NAMES + ("DEBUG",)

_RANDOM_CALLS = {"token_hex", "token_urlsafe", "token_bytes", "urandom", "uuid4", "uuid1", "randbytes", "getrandbits"}


def _calls_random(node, makers=frozenset()):
    """The expression calls a random generator, or a project function that does (`makers`:
    CTFd's `SECRET_KEY = ... or gen_secret_key()`, whose body calls os.urandom)."""
    for inner in ast.walk(node):
        if isinstance(inner, ast.Call):
            name = getattr(inner.func, "attr", getattr(inner.func, "id", None))
            if name in _RANDOM_CALLS or name in makers:
                return True
    return False


def _random_makers(trees):
    """Names of the project's functions whose bodies call a random generator (one level: the
    helper a setting calls, not helpers of helpers)."""
    return frozenset(
        node.name
        for tree in trees.values()
        for node in ast.walk(tree)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and _calls_random(node)
    )


def _spells_out_text(value):
    """The value is a non-empty string written in the code, as itself or as the default of an
    environment lookup (`os.environ.get("X", "dev")`, `os.getenv("X") or "dev"`)."""
    if isinstance(value, ast.Constant):
        return isinstance(value.value, str) and value.value != ""
    if isinstance(value, ast.BoolOp) and isinstance(value.op, ast.Or):
        return any(_spells_out_text(operand) for operand in value.values[1:])
    if isinstance(value, ast.Call) and getattr(value.func, "attr", getattr(value.func, "id", None)) in ("get", "getenv"):
        return len(value.args) > 1 and _spells_out_text(value.args[1])
    return False


def setting_locations(trees):
    """Where each setting of SETTING_NAMES (and DEBUG) is assigned, found with ast, in file and line order:
    `X.config["NAME"] = ...`, `NAME = ...` (config modules and classes), `NAME=...` in a call
    (`config.update`, `from_mapping`), `"NAME": ...` in a dict; `X.secret_key = ...` counts as
    SECRET_KEY; `pin_security=...` in a call is listed under its own name; `Flask` lists the
    `Flask(...)` calls and `cookies` the code that uses cookies (flask's `session`, Flask-Login,
    `.set_cookie(`). Each entry says
    whether its value calls a random generator (secrets.token_hex(), os.urandom(), uuid4())."""
    found = {}
    makers = _random_makers(trees)

    def add(name, path, node, value):
        found.setdefault(name, []).append(
            {
                "file": path,
                "line": node.lineno,
                "random": value is not None and _calls_random(value, makers),
                "literal": value is not None and _spells_out_text(value),
                "off": isinstance(value, ast.Constant) and not value.value,
            }
        )

    for path in sorted(trees):
        for node in ast.walk(trees[path]):
            if isinstance(node, ast.ImportFrom) and node.module in ("flask", "flask_login"):
                if node.module == "flask_login" or any(alias.name == "session" for alias in node.names):
                    add("cookies", path, node, None)
            elif isinstance(node, ast.Attribute) and node.attr in ("set_cookie", "session") and isinstance(node.value, ast.Name):
                if node.attr == "set_cookie" or node.value.id == "flask":
                    add("cookies", path, node, None)
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == "Flask":
                add("Flask", path, node, None)
            if isinstance(node, ast.Call):
                for keyword in node.keywords:
                    if keyword.arg in _LOCATED_NAMES or keyword.arg == "pin_security":
                        add(keyword.arg, path, keyword.value, keyword.value)
            elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    if isinstance(target, ast.Attribute) and target.attr == "secret_key":
                        add("SECRET_KEY", path, node, node.value)
                    elif _subscript_key(target) in _LOCATED_NAMES:
                        add(_subscript_key(target), path, node, node.value)
                    elif isinstance(target, ast.Name) and target.id in _LOCATED_NAMES:
                        add(target.id, path, node, node.value)
            elif isinstance(node, ast.Dict):
                for key, value in zip(node.keys, node.values):
                    if isinstance(key, ast.Constant) and key.value in _LOCATED_NAMES:
                        add(key.value, path, key, value)
    for entries in found.values():
        entries.sort(key=lambda entry: (entry["file"], entry["line"]))
    return found


def settings(flask_app):
    """The live app's values of SETTING_NAMES ({"value": ...}), or null for a setting it lacks."""
    if flask_app is None:
        return {}
    return {name: _config_value(flask_app, name) for name in SETTING_NAMES if name != "SECRET_KEY"}
