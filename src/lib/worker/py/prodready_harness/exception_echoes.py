"""Where an `except` puts the exception's text or a traceback into the response, found with
Python's ast over the modules the live app loaded.

Why the source and not a request: the audit attacks the app with one request, and an `except` in a
view runs only on a request that raises there. Making that happen by behaviour (patching the calls
inside the `try` to raise a marker for one request) needs a request that gets through everything
the view checks before its `try` (a form, an uploaded file, a logged-in user, a record in the
database), which the audit has no way to build for an unseen project. The data flow from the
caught exception to the response is in the source, so the source is read: the handler's name (or
`traceback.format_exc()`, `sys.exc_info()`) is followed through assignments, string building and
calls into a response (a view's return value, `abort(code, description=…)`, a raised HTTP error,
`flash`, a response builder). Behaviour stays where it can decide: the live app says which
functions are served, which exception classes are the project's own (their messages are written
for the client), and whether the error handler that answers an `abort` shows its description.

Each echo: {file, line, kind: "text" | "traceback", sink, code, function, exceptLine?,
handlerLine?}; `line` is where the exception's text enters the response, `exceptLine` the `except`
it sits in; `handlerLine`, for an error handler's, is the
handler's first line (as Flask's registry has it), so a handler the probe saw echo is pinned to
the line that does it."""

import ast
import bisect
import secrets
import sys

from . import PROJECT_DIR

# Exception attributes that carry no text of the exception: its class, a status or a position
# (`code`, `status_code`, `returncode`, `smtp_code`, `errno`, `lineno`, `pos`).
_NOT_TEXT_ATTRIBUTES = {"name", "pos", "__class__", "__name__", "__qualname__"}
_NOT_TEXT_SUFFIXES = ("code", "status", "errno", "lineno", "colno")
# Calls whose result says nothing of their arguments' text.
_OPAQUE_CALLS = {"isinstance", "issubclass", "type", "len", "bool", "int", "float", "hasattr", "id", "callable", "hash"}
_TEXT_CONVERSIONS = {"str", "repr", "format", "ascii"}
_TRACEBACK_FUNCTIONS = {
    "traceback." + name
    for name in (
        "format_exc",
        "format_exception",
        "format_exception_only",
        "format_tb",
        "extract_tb",
        "format_list",
        "format_stack",
        "extract_stack",
        "TracebackException",
        "TracebackException.from_exception",
        "StackSummary.extract",
    )
}
_ABORTS = {"flask.abort", "werkzeug.exceptions.abort", "flask_restful.abort", "flask_smorest.abort"}
_FLASH = {"flask.flash"}
_RESPONSE_BUILDERS = {
    "flask.jsonify",
    "flask.json.jsonify",
    "flask.make_response",
    "flask.Response",
    "werkzeug.Response",
    "werkzeug.wrappers.Response",
    "flask.render_template",
    "flask.render_template_string",
}
_TEMPLATE_RENDERERS = {"flask.render_template", "flask.render_template_string"}
# Exceptions whose text is written for whoever sent the data, or is empty: echoing it shows nothing of the server.
_CLIENT_MESSAGE_EXCEPTIONS = {
    "marshmallow.ValidationError",
    "marshmallow.exceptions.ValidationError",
    "wtforms.validators.ValidationError",
    "wtforms.ValidationError",
    "jsonschema.ValidationError",
    "jsonschema.exceptions.ValidationError",
    # Verification failures carry no detail: cryptography 41-46 raises these bare (`raise
    # InvalidToken` in cryptography/fernet.py, `InvalidSignature()` from every verify()).
    "cryptography.fernet.InvalidToken",
    "cryptography.exceptions.InvalidSignature",
    "cryptography.exceptions.InvalidTag",
}
_ROUTE_DECORATORS = {"route", "get", "post", "put", "patch", "delete"}
_HANDLER_DECORATORS = {"errorhandler", "app_errorhandler"}


def _dotted(node):
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return None


class _Module:
    """One project module: what its names stand for, by its imports (`from flask import abort as a`
    makes `a` mean `flask.abort`) and, when the app loaded it, by its live globals."""

    def __init__(self, path, tree, live, flask_app):
        self.path, self.tree, self.live, self.app = path, tree, live, flask_app
        self.imports, self.classes = {}, set()
        self.functions = {node.name: node for node in tree.body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))}
        self.every_function, self.except_lines = [], []
        for node in ast.walk(tree):  # one walk per module: a large project has hundreds
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                self.every_function.append(node)
            elif isinstance(node, ast.ExceptHandler):
                self.except_lines.append(node.lineno)
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    self.imports[alias.asname or alias.name.split(".")[0]] = alias.asname and alias.name or alias.name.split(".")[0]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                for alias in node.names:
                    self.imports[alias.asname or alias.name] = f"{node.module}.{alias.name}"
            elif isinstance(node, ast.ImportFrom):
                for alias in node.names:
                    self.imports[alias.asname or alias.name] = "<project>." + alias.name
            elif isinstance(node, ast.ClassDef):
                self.classes.add(node.name)

    def catches(self, function):
        """Whether an `except` stands inside the function."""
        at = bisect.bisect_left(self.except_lines, function.lineno)
        return at < len(self.except_lines) and self.except_lines[at] <= (function.end_lineno or function.lineno)

    def qualified(self, node):
        """`flask.abort` for `abort` imported from flask; the name as written when nothing says."""
        dotted = _dotted(node)
        if dotted is None:
            return None
        head, _, rest = dotted.partition(".")
        base = self.imports.get(head, head)
        return f"{base}.{rest}" if rest else base

    def live_object(self, node):
        dotted = _dotted(node)
        if dotted is None or self.live is None:
            return None
        head, *rest = dotted.split(".")
        current = self.live.get(head)
        for part in rest:
            current = getattr(current, part, None)
        return current

    def exception_class_kind(self, node):
        """'client' for an exception whose text is the app's or meant for the client (the project's
        own class, an HTTP error, a validation error); 'other' otherwise."""
        from werkzeug.exceptions import HTTPException

        if node is None:
            return "other"
        if isinstance(node, ast.Tuple):
            kinds = {self.exception_class_kind(element) for element in node.elts}
            return "client" if kinds == {"client"} else "other"
        cls = self.live_object(node)
        if isinstance(cls, type):
            own = _own(cls)
            library_validation = f"{cls.__module__}.{cls.__name__}" in _CLIENT_MESSAGE_EXCEPTIONS or any(
                f"{base.__module__}.{base.__name__}" in _CLIENT_MESSAGE_EXCEPTIONS for base in cls.__mro__
            )
            return "client" if own or issubclass(cls, HTTPException) or library_validation else "other"
        qualified = self.qualified(node) or ""
        if qualified.startswith("<project>.") or (_dotted(node) in self.classes):
            return "client"
        if qualified.startswith("werkzeug.exceptions.") or qualified in _CLIENT_MESSAGE_EXCEPTIONS:
            return "client"
        return "other"

    def template_variables(self, call):
        """The names a rendered template reads (Jinja's own meta.find_undeclared_variables), None
        when the template cannot be read: then every argument may be shown."""
        from jinja2 import meta

        environment = getattr(self.app, "jinja_env", None)
        if environment is None or not call.args or not isinstance(call.args[0], ast.Constant):
            return None
        try:
            if self.qualified(call.func) == "flask.render_template_string":
                source = call.args[0].value
            else:
                source = environment.loader.get_source(environment, call.args[0].value)[0]
            return meta.find_undeclared_variables(environment.parse(source))
        except Exception:  # a template not found or not parsed: no way to say it does not show it
            return None

    def http_error_code(self, node):
        """The status of an HTTP error class (`BadRequest` → 400), None when `node` names no such class."""
        from werkzeug import exceptions

        cls = self.live_object(node)
        if cls is None:
            qualified = self.qualified(node) or ""
            if qualified.startswith("werkzeug.exceptions."):
                cls = getattr(exceptions, qualified.rsplit(".", 1)[1], None)
        if isinstance(cls, type) and issubclass(cls, exceptions.HTTPException):
            return cls.code or 500
        return None


def _merge(*taints):
    merged = {}
    for taint in taints:
        for kind, node in (taint or {}).items():
            merged.setdefault(kind, node)
    return merged


def _textual(taint):
    """The text kinds a value carries into a string: the exception object becomes its text."""
    merged = {}
    for kind, node in (taint or {}).items():
        if kind in ("object", "text"):
            merged.setdefault("text", node)
        elif kind == "traceback":
            merged.setdefault("traceback", node)
    return merged


def _leaking(taint):
    """What of a value leaks as it is (the exception object itself is no text until converted)."""
    return {kind: node for kind, node in (taint or {}).items() if kind in ("text", "traceback")}


class _FunctionReader:
    def __init__(self, module, function, served, on_echo, handler_param=None, depth=0):
        self.module, self.function, self.served, self.on_echo = module, function, served, on_echo
        self.depth = depth
        self.returns = {}  # what its return values carry, for a caller that passed it the exception
        self.env = {}
        self.excepts = []  # the `except` lines the statement being read sits in
        if handler_param is not None:
            name, kind = handler_param
            self.env[name] = {kind: function}

    # --- values

    def taint(self, node):
        if node is None:
            return {}
        if isinstance(node, ast.Name):
            # Anchored where it is used: the line that sends it, not the one that caught it.
            return {kind: node for kind in self.env.get(node.id, {})}
        if isinstance(node, ast.Attribute):
            inner = self.taint(node.value)
            if not inner or node.attr in _NOT_TEXT_ATTRIBUTES or node.attr.endswith(_NOT_TEXT_SUFFIXES):
                return {}  # `e.response.status_code` is a number wherever it hangs
            if "http" in inner and node.attr == "original_exception":
                return {"object": node}
            result = {}
            if "object" in inner:
                if node.attr == "__traceback__":
                    result["traceback"] = node
                else:
                    result["text"] = node
            if "excinfo" in inner:
                result["traceback"] = node
            return _merge(result, _leaking(inner))
        if isinstance(node, ast.Subscript):
            inner = self.taint(node.value)
            if "excinfo" in inner:
                index = node.slice.value if isinstance(node.slice, ast.Constant) else None
                return {1: {"object": node}, 2: {"traceback": node}}.get(index, {}) if index is not None else {"traceback": node}
            if "object" in inner:
                return _merge({"text": node}, _leaking(inner))
            return _leaking(inner)
        if isinstance(node, ast.Call):
            return self.call_taint(node)
        if isinstance(node, ast.JoinedStr):
            return _merge(*(_textual(self.taint(value.value)) for value in node.values if isinstance(value, ast.FormattedValue)))
        if isinstance(node, ast.BinOp):
            if isinstance(node.op, ast.Mod):
                return _merge(_leaking(self.taint(node.left)), _textual(self.taint(node.right)))
            return _merge(_leaking(self.taint(node.left)), _leaking(self.taint(node.right)))
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            return _merge(*(_leaking(self.taint(element)) for element in node.elts))
        if isinstance(node, ast.Dict):
            return _merge(*(_leaking(self.taint(value)) for value in node.values))
        if isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
            # `[f"{frame.filename}" for frame in frames]`: the loop names carry what they iterate.
            saved = dict(self.env)
            for generator in node.generators:
                self.assign(generator.target, generator.iter, _leaking(self.taint(generator.iter)))
            parts = [node.key, node.value] if isinstance(node, ast.DictComp) else [node.elt]
            result = _merge(*(_leaking(self.taint(part)) for part in parts))
            self.env = saved
            return result
        if isinstance(node, ast.IfExp):
            return _merge(self.taint(node.body), self.taint(node.orelse))
        if isinstance(node, ast.BoolOp):
            return _merge(*(self.taint(value) for value in node.values))
        if isinstance(node, (ast.Await, ast.Starred)):
            return self.taint(node.value)
        return {}

    def call_taint(self, node):
        qualified = self.module.qualified(node.func) or ""
        arguments = [*node.args, *(keyword.value for keyword in node.keywords)]
        if qualified in _TRACEBACK_FUNCTIONS:
            return {"traceback": node}
        if qualified == "sys.exc_info":
            return {"excinfo": node}
        if qualified in _OPAQUE_CALLS:
            return {}
        if qualified in _TEXT_CONVERSIONS:
            return {("traceback" if "traceback" in taint else "text"): node for taint in map(self.taint, arguments) if taint}
        if isinstance(node.func, ast.Attribute) and node.func.attr in ("format", "format_map", "join"):
            return _merge(_leaking(self.taint(node.func.value)), *(_textual(self.taint(a)) for a in arguments))
        if qualified in _TEMPLATE_RENDERERS:
            shown = self.module.template_variables(node)
            return _merge(
                *(
                    _textual(self.taint(keyword.value))
                    for keyword in node.keywords
                    if keyword.arg and (shown is None or keyword.arg in shown)
                )
            )
        helper = self.helper_taint(node)
        if helper is not None:
            return helper
        result = {}
        if isinstance(node.func, ast.Attribute):
            receiver = self.taint(node.func.value)
            if "object" in receiver:
                result["text"] = node
            result = _merge(result, _leaking(receiver))
        # Any other call passes on what text it is given (a message built into an error object, a
        # helper that wraps it in a response); the exception object handed over as is does not:
        # `handle_error(e)` decides itself what the client reads.
        return _merge(result, *(_leaking(self.taint(argument)) for argument in arguments))

    def helper_taint(self, node):
        """A function of the same module handed the exception (`return failure_response(e)`): read
        with its parameters carrying what the arguments carry; what it returns is the call's value.
        None for any other call."""
        if not isinstance(node.func, ast.Name) or self.depth >= 2:
            return None
        function = self.module.functions.get(node.func.id)
        if function is None or function is self.function:
            return None
        parameters = [argument.arg for argument in function.args.posonlyargs + function.args.args]
        given = {name: self.taint(argument) for name, argument in zip(parameters, node.args)}
        given.update({keyword.arg: self.taint(keyword.value) for keyword in node.keywords if keyword.arg})
        given = {name: taint for name, taint in given.items() if taint}
        if not given:
            return {}
        # What it returns is reported where the caller sends it, at the call (`return
        # failure_response(e)` in the except); an abort or flash inside it, where it stands.
        def inner_echo(echo):
            if echo["sink"] != "return":
                self.on_echo(echo)

        reader = _FunctionReader(self.module, function, False, inner_echo, depth=self.depth + 1)
        reader.env.update({name: {kind: function for kind in taint} for name, taint in given.items()})
        reader.read()
        return {kind: node for kind in reader.returns}

    # --- statements

    def read(self):
        self.block(self.function.body)

    def block(self, statements):
        for statement in statements:
            self.statement(statement)
            if isinstance(statement, (ast.Return, ast.Raise, ast.Continue, ast.Break)):
                return  # what follows never runs

    def statement(self, node):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            return  # read on its own
        self.sinks_in(node)
        if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            value = self.taint(node.value)
            for target in targets:
                self.assign(target, node.value, value, augmented=isinstance(node, ast.AugAssign))
        elif isinstance(node, ast.Return):
            self.returned(node)
        elif isinstance(node, ast.Try) or type(node).__name__ == "TryStar":
            self.block(node.body)
            for handler in node.handlers:
                if handler.name:
                    kind = self.module.exception_class_kind(handler.type)
                    if kind == "other" and not _raised_in(node.body, handler.type):
                        self.env[handler.name] = {"object": handler}
                self.excepts.append(handler.lineno)
                self.block(handler.body)
                self.excepts.pop()
                if handler.name:
                    self.env.pop(handler.name, None)  # Python unbinds it at the handler's end
            self.block(node.orelse)
            self.block(node.finalbody)
        elif isinstance(node, (ast.If, ast.For, ast.AsyncFor, ast.While)):
            self.block(node.body)
            self.block(node.orelse)
        elif isinstance(node, (ast.With, ast.AsyncWith)):
            self.block(node.body)
        elif isinstance(node, ast.Match):
            for case in node.cases:
                self.block(case.body)

    def assign(self, target, value_node, value, augmented=False):
        if isinstance(target, ast.Name):
            if value:
                self.env[target.id] = _merge(self.env.get(target.id, {}) if augmented else {}, value)
            elif not augmented:
                self.env.pop(target.id, None)
        elif isinstance(target, (ast.Tuple, ast.List)):
            if "excinfo" in value and len(target.elts) == 3:
                for element, part in zip(target.elts, ({}, {"object": value_node}, {"traceback": value_node})):
                    self.assign(element, value_node, part)
            elif isinstance(value_node, (ast.Tuple, ast.List)) and len(value_node.elts) == len(target.elts):
                for element, part in zip(target.elts, value_node.elts):
                    self.assign(element, part, self.taint(part))
            else:
                for element in target.elts:
                    self.assign(element, value_node, _leaking(value))
        elif isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name) and _leaking(value):
            # `result["error"] = str(e)`: the container now carries it.
            name = target.value.id
            self.env[name] = _merge(self.env.get(name, {}), _leaking(value))

    def returned(self, node):
        value = node.value
        if value is None:
            return
        first = value.elts[0] if isinstance(value, ast.Tuple) and value.elts else value
        builder = isinstance(first, ast.Call) and (self.module.qualified(first.func) or "") in _RESPONSE_BUILDERS
        carried = _leaking(self.taint(value))
        self.returns = _merge(self.returns, carried)
        if self.served or builder:
            self.echo(carried, "return")

    def sinks_in(self, statement):
        """abort(…), flash(…) and `raise <HTTP error>(…)` with the exception's text, anywhere in the statement."""
        if isinstance(statement, ast.Raise) and isinstance(statement.exc, ast.Call):
            code = self.module.http_error_code(statement.exc.func)
            if code is not None:
                arguments = [*statement.exc.args[:1], *(k.value for k in statement.exc.keywords if k.arg == "description")]
                self.echo(_merge(*(_textual(self.taint(a)) for a in arguments)), "raise", code=code)
        for node in _own_expressions(statement):
            if not isinstance(node, ast.Call):
                continue
            qualified = self.module.qualified(node.func) or ""
            if qualified in _ABORTS:
                code = node.args[0].value if node.args and isinstance(node.args[0], ast.Constant) else None
                arguments = [*node.args[1:], *(k.value for k in node.keywords if k.arg in ("description", "message", None))]
                self.echo(_merge(*(_textual(self.taint(a)) for a in arguments)), "abort", code=code)
            elif qualified in _FLASH and node.args:
                self.echo(_textual(self.taint(node.args[0])), "flash")

    def echo(self, taint, sink, code=None):
        for kind, origin in taint.items():
            self.on_echo(
                {
                    "file": self.module.path,
                    "line": getattr(origin, "lineno", self.function.lineno),
                    "kind": kind,
                    "sink": sink,
                    "code": code,
                    "function": self.function.name,
                    **({"exceptLine": self.excepts[-1]} if self.excepts else {}),
                }
            )


def _own_expressions(statement):
    """The expression nodes of a statement, not those of the statements it holds (each is read on
    its own: walking a whole `if` and then its body again would read deep code many times)."""
    pending = [child for child in ast.iter_child_nodes(statement) if not isinstance(child, (ast.stmt, ast.excepthandler, ast.match_case))]
    while pending:
        node = pending.pop()
        yield node
        pending.extend(ast.iter_child_nodes(node))


def _raised_in(body, caught):
    """Whether the `try` body raises the caught class itself (`raise ValueError("Unsupported file
    type")` … `except ValueError as e: flash(str(e))`): the except is there for the app's own
    messages, written for the client."""
    names = {_dotted(element) for element in (caught.elts if isinstance(caught, ast.Tuple) else [caught])}
    names.discard(None)
    for statement in body:
        for node in ast.walk(statement):
            if isinstance(node, ast.Raise) and node.exc is not None:
                raised = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
                if _dotted(raised) in names:
                    return True
    return False


def _first_line(function):
    return min([function.lineno, *(decorator.lineno for decorator in function.decorator_list)])


def _decorated_as(function, names):
    for decorator in function.decorator_list:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        if isinstance(target, ast.Attribute) and target.attr in names:
            return decorator
    return None


def _unwrapped(function):
    seen = set()
    while hasattr(function, "__wrapped__") and id(function) not in seen:
        seen.add(id(function))
        function = function.__wrapped__
    return function


def _code_place(function):
    code = getattr(function, "__code__", None)
    if code is None or not code.co_filename.startswith(PROJECT_DIR + "/"):
        return None
    return (code.co_filename[len(PROJECT_DIR) + 1 :], code.co_firstlineno)


def served_places(flask_app):
    """(file, first line) of every function the live app calls for a request: its views (through
    decorators that keep `__wrapped__`, and the methods of class-based views), with their endpoints."""
    places = {}
    if flask_app is None:
        return places
    for endpoint, view in flask_app.view_functions.items():
        candidates = [view, _unwrapped(view)]
        view_class = getattr(view, "view_class", None)
        if isinstance(view_class, type):
            candidates += [_unwrapped(member) for member in vars(view_class).values() if callable(member)]
        for candidate in candidates:
            place = _code_place(candidate)
            if place:
                places.setdefault(place, endpoint)
    return places


def handler_places(flask_app):
    """(file, first line) of each error handler → the kind its argument has: 'http' for an HTTP
    error's (only its original_exception is a raised one), 'object' for any other exception the
    app does not own, None for the app's own exception classes."""
    from werkzeug.exceptions import HTTPException

    places = {}
    if flask_app is None:
        return places
    for by_code in flask_app.error_handler_spec.values():
        for code, by_exception in by_code.items():
            for exception, function in by_exception.items():
                place = _code_place(_unwrapped(function))
                if place is None:
                    continue
                if code is not None or (isinstance(exception, type) and issubclass(exception, HTTPException)):
                    places[place] = "http"
                elif exception in (Exception, BaseException) or not _own(exception):
                    places[place] = "object"
    return places


def _own(cls):
    """A class the project defines (its script runs as __main__: its classes count too)."""
    module = sys.modules.get(getattr(cls, "__module__", ""), None)
    return cls.__module__ == "__main__" or (getattr(module, "__file__", None) or "").startswith(PROJECT_DIR + "/")


def _loaded_modules(flask_app):
    """Relative path → live globals of each project module the app imported, and of the script
    it runs as __main__ (runpy takes that one out of sys.modules again: its views' globals say it)."""
    loaded = {}
    for module in list(sys.modules.values()):
        filename = getattr(module, "__file__", None) or ""
        if filename.startswith(PROJECT_DIR + "/"):
            loaded[filename[len(PROJECT_DIR) + 1 :]] = vars(module)
    functions = list(flask_app.view_functions.values())
    for by_code in flask_app.error_handler_spec.values():
        for by_exception in by_code.values():
            functions += list(by_exception.values())
    for function in functions:
        for candidate in (function, _unwrapped(function)):
            place = _code_place(candidate)
            namespace = getattr(candidate, "__globals__", None)
            if place and isinstance(namespace, dict):
                loaded.setdefault(place[0], namespace)
    return loaded


def _description_shown(flask_app, code, endpoint):
    """Whether the app's answer to an HTTP error of `code` shows its description: the handler Flask
    would choose (for the view's blueprints) is called with a marker description; with none, Flask's
    own error page shows it."""
    from werkzeug.exceptions import default_exceptions, InternalServerError

    if flask_app is None:
        return True
    marker = "prodready-probe-" + secrets.token_hex(6)
    cls = default_exceptions.get(code, InternalServerError) if isinstance(code, int) else InternalServerError
    error = cls(description=marker)
    blueprints = []
    if endpoint and "." in endpoint:
        names = endpoint.split(".")[:-1]
        blueprints = [".".join(names[: i + 1]) for i in range(len(names))][::-1]
    try:
        handler = flask_app._find_error_handler(error, blueprints)
    except Exception:  # another Flask's private API: let the handler decide below
        handler = None
    try:
        with flask_app.test_request_context("/"):
            body = flask_app.make_response(handler(error) if handler else error).get_data(as_text=True)
    except Exception:  # the handler's own failure: not an answer that shows the text
        return False
    return marker in body


# Words a module must contain to be worth a walk of its tree: an `except`, or an error handler
# (registered by decorator or by call). A filter for speed only (hundreds of modules); what is
# found is still decided on the tree.
_WORTH_READING = ("except", "errorhandler", "register_error_handler")


def exception_echoes(flask_app, trees, sources=None):
    loaded = _loaded_modules(flask_app) if flask_app is not None else None
    served = served_places(flask_app)
    handlers = handler_places(flask_app)
    found, seen = [], set()
    for path, tree in trees.items():
        if loaded is not None and path not in loaded:
            continue  # the app never imports it: nothing in it answers a request
        if sources is not None and not any(word in sources.get(path, "") for word in _WORTH_READING):
            continue
        module = _Module(path, tree, loaded.get(path) if loaded else None, flask_app)
        module.except_lines.sort()
        for function in module.every_function:
            place = (path, _first_line(function))
            endpoint = served.get(place)
            is_served = endpoint is not None or _decorated_as(function, _ROUTE_DECORATORS) is not None
            handler_param = None
            if place in handlers or (flask_app is None and _decorated_as(function, _HANDLER_DECORATORS)):
                kind = handlers.get(place, "object")
                arguments = function.args.posonlyargs + function.args.args
                if kind and arguments:
                    handler_param = (arguments[0].arg, kind)
                    is_served = True

            if handler_param is None and not module.catches(function):
                continue  # nothing caught here: nothing of an exception to send (a helper it calls is read from its caller)

            def record(echo, endpoint=endpoint, handler=handler_param is not None, first_line=place[1]):
                if echo["sink"] in ("abort", "raise") and not _description_shown(flask_app, echo["code"], endpoint):
                    return
                key = (echo["file"], echo["line"], echo["kind"])
                if key not in seen:
                    seen.add(key)
                    found.append({**echo, "handlerLine": first_line} if handler else echo)

            _FunctionReader(module, function, is_served, record, handler_param).read()
    return found
