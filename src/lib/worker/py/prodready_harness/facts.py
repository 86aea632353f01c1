"""Facts the rules read: what the live app ended up with (secret key, error handlers), and where
in the source the relevant settings are written, found with Python's ast (not with patterns over
text), so a marker lands on the right line."""

import ast
import os

from . import PROJECT_DIR, sessions


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


def literal_location(trees, value):
    """Where a string literal equal to `value` stands in the project, if anywhere."""
    if not value:
        return None
    for path, tree in trees.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and node.value == value:
                return {"file": path, "line": node.lineno}
    return None


def _relative(filename):
    if filename.startswith(PROJECT_DIR + "/"):
        return filename[len(PROJECT_DIR) + 1 :]
    return None


def error_handlers(flask_app):
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
                handlers.append(
                    {
                        "code": code,
                        "exception": exception.__name__ if exception else None,
                        "file": file,
                        "line": code_object.co_firstlineno,
                    }
                )
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
        memo[("literal", secret)] = literal_location(trees, secret)
    return {
        "problems": problems,
        "secretKey": secret,
        "secretLiteral": memo[("literal", secret)],
        "errorHandlers": error_handlers(flask_app),
        "debugSettings": memo["debugSettings"],
        "proxyFix": proxy_fix(flask_app, trees),
        "routes": routes(flask_app),
    }
