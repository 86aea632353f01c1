"""The cookies the project's code sets itself: each `response.set_cookie(...)` call, read with ast,
with the cookie's name and what it passes for `secure`, `httponly` and `samesite`. Werkzeug's
`Response.set_cookie(key, value="", max_age=None, expires=None, path="/", domain=None,
secure=False, httponly=False, samesite=None, ...)` (werkzeug/sansio/response.py) leaves HttpOnly
and Secure off unless they are passed, unlike Flask's session cookie (SESSION_COOKIE_HTTPONLY
defaults to True)."""

import ast

# Positions of set_cookie's parameters after `key` (werkzeug 3.x), for calls that pass them positionally.
_POSITIONS = {"secure": 6, "httponly": 7, "samesite": 8}


def _flag(call, name):
    """True/False for a literal, "dynamic" for an expression, None when the call leaves it out."""
    passed = next((k.value for k in call.keywords if k.arg == name), None)
    if passed is None and len(call.args) > _POSITIONS[name]:
        passed = call.args[_POSITIONS[name]]
    if passed is None:
        return None
    if isinstance(passed, ast.Constant):
        return passed.value
    return "dynamic"


def _text(node):
    """A literal string, or the source of the expression (`authToken`), for naming what is set."""
    if node is None:
        return None
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    try:
        return ast.unparse(node)
    except Exception:  # an expression ast cannot print back is only named, never judged
        return None


def cookie_calls(trees):
    """Every `.set_cookie(...)` call in the project, in file and line order."""
    found = []
    for path in sorted(trees):
        for node in ast.walk(trees[path]):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "set_cookie"):
                continue
            if any(k.arg is None for k in node.keywords):
                continue  # **options: what it passes is not in the code
            key = node.args[0] if node.args else next((k.value for k in node.keywords if k.arg == "key"), None)
            value = node.args[1] if len(node.args) > 1 else next((k.value for k in node.keywords if k.arg == "value"), None)
            found.append(
                {
                    "file": path,
                    "line": node.lineno,
                    "name": _text(key),
                    "value": _text(value),
                    "secure": _flag(node, "secure"),
                    "httponly": _flag(node, "httponly"),
                    "samesite": _flag(node, "samesite"),
                }
            )
    return sorted(found, key=lambda entry: (entry["file"], entry["line"]))
