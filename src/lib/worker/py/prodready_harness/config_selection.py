"""Which configuration classes production selects. A project's config module often holds a
DevelopmentConfig with DEBUG = True and a TestingConfig with CSRF off beside the ProductionConfig
that production loads; only what `app.config.from_object(...)` loads under production's
environment is judged.

- When the app started, Flask itself decided: every object `Config.from_object` received in the
  run is recorded (a dotted name imported the way Flask imports it), with its classes' MRO, and
  every file it read settings from: a module given to `from_object`, a file `from_pyfile` (and
  so `from_envvar`) executed.
- When it could not start, the same choice is read from the code with ast and the run's
  environment: `from_object("config.ProductionConfig")`, `from_object(os.environ.get("APP_SETTINGS",
  "config.DevelopmentConfig"))`, `from_object(config[os.getenv("FLASK_CONFIG") or "default"])`,
  a factory's `config_name` parameter from its call sites or its default. Anything else is
  "unknown", and nothing is filtered.

Settings written in a class of a config module that production does not select are then left out
of the facts; settings outside classes, and classes of other modules, always stay.
"""

import ast
import os

from . import PROJECT_DIR

# --- the live app ---------------------------------------------------------------------------------

_loaded = {"classes": set(), "calls": 0, "files": set()}


def reset():
    _loaded["classes"] = set()
    _loaded["calls"] = 0
    _loaded["files"] = set()


def _relative(path):
    path = path or ""
    return path[len(PROJECT_DIR) + 1 :] if path.startswith(PROJECT_DIR + "/") else None


def _record(obj):
    _loaded["calls"] += 1
    if isinstance(obj, type):
        for cls in obj.__mro__:
            module = __import__("sys").modules.get(cls.__module__)
            file = _relative(getattr(module, "__file__", None))
            if file is not None:
                _loaded["classes"].add((file, cls.__name__))
    elif isinstance(obj, __import__("types").ModuleType):
        file = _relative(getattr(obj, "__file__", None))
        if file is not None:
            _loaded["files"].add(file)


def install():
    """Record what Flask's Config.from_object loads, in every run (it changes nothing it does)."""
    from flask.config import Config
    from werkzeug.utils import import_string

    original = Config.from_object
    if getattr(original, "_prodready_original", None):
        return

    def from_object(self, obj):
        if isinstance(obj, str):
            obj = import_string(obj)  # what Flask does with a string, done once here
        _record(obj)
        return original(self, obj)

    from_object._prodready_original = original
    from_object.__doc__ = original.__doc__
    Config.from_object = from_object

    original_pyfile = Config.from_pyfile

    def from_pyfile(self, filename, silent=False):
        # Flask joins the name to the config's root_path (flask/config.py, Config.from_pyfile).
        file = _relative(os.path.normpath(os.path.join(self.root_path, filename)))
        if file is not None:
            _loaded["files"].add(file)
        return original_pyfile(self, filename, silent=silent)

    from_pyfile._prodready_original = original_pyfile
    from_pyfile.__doc__ = original_pyfile.__doc__
    Config.from_pyfile = from_pyfile


def loaded_files():
    """The project files the run's from_object (a module) and from_pyfile calls read settings from."""
    return set(_loaded["files"])


def live_selection():
    """The project classes the run's from_object calls loaded, or None when it made none."""
    if _loaded["calls"] == 0:
        return None
    return set(_loaded["classes"])


# --- the code, when the app did not start ---------------------------------------------------------


class _Class:
    def __init__(self, file, name):
        self.file, self.name = file, name


class _Unknown(Exception):
    pass


def _module_file(dotted, trees):
    base = dotted.replace(".", "/")
    for candidate in (f"{base}.py", f"{base}/__init__.py"):
        if candidate in trees:
            return candidate
    return None


def _top_level(tree, name):
    """The last top-level class, assignment or import that binds `name` in a module."""
    found = None
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name == name:
            found = node
        elif isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            found = node
        elif isinstance(node, ast.ImportFrom):
            for alias in node.names:
                if (alias.asname or alias.name) == name:
                    found = node
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if (alias.asname or alias.name.split(".")[0]) == name:
                    found = node
    return found


def _import_base(node, file):
    if node.level == 0:
        return node.module or ""
    package = file.split("/")[:-1]
    package = package[: len(package) - (node.level - 1)] if node.level > 1 else package
    return ".".join([*package, *([node.module] if node.module else [])])


class _Reader:
    def __init__(self, trees, env):
        self.trees, self.env, self.depth = trees, env, 0
        self.parents = {}
        for tree in trees.values():
            for parent in ast.walk(tree):
                for child in ast.iter_child_nodes(parent):
                    self.parents[child] = parent

    def values(self, node, file):
        """Every value the expression can have under production's environment."""
        self.depth += 1
        try:
            if self.depth > 30:
                raise _Unknown()
            return self._values(node, file)
        finally:
            self.depth -= 1

    def _env_lookup(self, call_or_sub, file):
        if isinstance(call_or_sub, ast.Subscript):
            key = call_or_sub.slice
            if isinstance(key, ast.Constant) and key.value in self.env:
                return [self.env[key.value]]
            raise _Unknown()
        args = call_or_sub.args
        if not args or not isinstance(args[0], ast.Constant):
            raise _Unknown()
        if args[0].value in self.env:
            return [self.env[args[0].value]]
        return self.values(args[1], file) if len(args) > 1 else [None]

    def _values(self, node, file):
        if isinstance(node, ast.Constant):
            return [node.value]
        if _is_environ_get(node) or _is_environ_subscript(node):
            return self._env_lookup(node, file)
        if isinstance(node, ast.BoolOp) and isinstance(node.op, ast.Or):
            out = []
            for operand in node.values:
                values = self.values(operand, file)
                out.extend(value for value in values if value)
                if all(values):
                    return out
            return out or [None]
        if isinstance(node, ast.Subscript) or (
            isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get" and node.args
        ):
            mapping_node = node.value if isinstance(node, ast.Subscript) else node.func.value
            key_node = node.slice if isinstance(node, ast.Subscript) else node.args[0]
            out = []
            for mapping in self.values(mapping_node, file):
                if not isinstance(mapping, tuple) or mapping[0] != "dict":
                    raise _Unknown()
                _, dict_node, dict_file = mapping
                for key in self.values(key_node, file):
                    hit = [v for k, v in zip(dict_node.keys, dict_node.values) if isinstance(k, ast.Constant) and k.value == key]
                    if hit:
                        out.extend(self.values(hit[-1], dict_file))
                    elif isinstance(node, ast.Call) and len(node.args) > 1:
                        out.extend(self.values(node.args[1], file))
                    else:
                        raise _Unknown()
            return out
        if isinstance(node, ast.Dict):
            return [("dict", node, file)]
        if isinstance(node, ast.Name):
            return self._name(node, file)
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            for module in self._name(node.value, file):
                if isinstance(module, tuple) and module[0] == "module":
                    return self._member(module[1], node.attr)
            raise _Unknown()
        if isinstance(node, ast.IfExp):
            # `DevConfig if get_debug_flag() else ProdConfig`: the branch the environment picks;
            # both when the condition cannot be read.
            decided = self._condition(node.test, file)
            if decided is None:
                return [*self.values(node.body, file), *self.values(node.orelse, file)]
            return self.values(node.body if decided else node.orelse, file)
        if isinstance(node, ast.Call) and isinstance(node.func, (ast.Name, ast.Attribute)):
            # `Config = ServerConfig()`: from_object reads an instance's attributes, which its class
            # gives (CTFd's `create_app(config="CTFd.config.Config")`).
            made = self.values(node.func, file)
            if made and all(isinstance(value, _Class) for value in made):
                return made
        raise _Unknown()

    def _condition(self, test, file):
        """True/False when the environment decides the condition, else None: Flask's
        `get_debug_flag()` (FLASK_DEBUG, flask/helpers.py), `not X`, and `==`/`!=`/`in` between
        values read from the environment and constants."""
        if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
            inner = self._condition(test.operand, file)
            return None if inner is None else not inner
        if isinstance(test, ast.Call) and getattr(test.func, "id", getattr(test.func, "attr", None)) == "get_debug_flag":
            value = self.env.get("FLASK_DEBUG")
            return bool(value) and value.lower() not in ("0", "false", "no")
        if isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], (ast.Eq, ast.NotEq, ast.In, ast.NotIn)):
            try:
                lefts = self.values(test.left, file)
                right_node = test.comparators[0]
                if isinstance(test.ops[0], (ast.In, ast.NotIn)):
                    if not isinstance(right_node, (ast.Tuple, ast.List, ast.Set)):
                        return None
                    rights = [value for element in right_node.elts for value in self.values(element, file)]
                    outcomes = {left in rights for left in lefts}
                else:
                    rights = self.values(right_node, file)
                    outcomes = {left == right for left in lefts for right in rights}
            except (_Unknown, StopIteration, RecursionError):
                return None
            if len(outcomes) != 1:
                return None
            outcome = outcomes.pop()
            return outcome if isinstance(test.ops[0], (ast.Eq, ast.In)) else not outcome
        return None

    def _member(self, module_file, name):
        tree = self.trees.get(module_file)
        if tree is None:
            raise _Unknown()
        return self._binding(_top_level(tree, name), name, module_file)

    def _binding(self, node, name, file):
        if isinstance(node, ast.ClassDef):
            return [_Class(file, node.name)]
        if isinstance(node, ast.Assign):
            return self.values(node.value, file)
        if isinstance(node, ast.ImportFrom):
            alias = next(a for a in node.names if (a.asname or a.name) == name)
            base = _import_base(node, file)
            target = _module_file(base, self.trees)
            if target is not None and _top_level(self.trees[target], alias.name) is not None:
                return self._member(target, alias.name)
            submodule = _module_file(f"{base}.{alias.name}" if base else alias.name, self.trees)
            if submodule is not None:
                return [("module", submodule)]
            raise _Unknown()
        if isinstance(node, ast.Import):
            alias = next(a for a in node.names if (a.asname or a.name.split(".")[0]) == name)
            target = _module_file(alias.name if alias.asname else alias.name.split(".")[0], self.trees)
            if target is not None:
                return [("module", target)]
        raise _Unknown()

    def _name(self, node, file):
        function = self._enclosing_function(node)
        if function is not None:
            parameters = [*function.args.posonlyargs, *function.args.args]
            names = [arg.arg for arg in parameters]
            if node.id in names:
                return self._parameter(function, names.index(node.id), node.id, parameters)
        return self._member(file, node.id)

    def _enclosing_function(self, node):
        current = self.parents.get(node)
        while current is not None and not isinstance(current, (ast.FunctionDef, ast.AsyncFunctionDef)):
            current = self.parents.get(current)
        return current

    def _parameter(self, function, index, name, parameters):
        """A factory's parameter: what its call sites pass, else its default."""
        out = []
        for file, tree in self.trees.items():
            for call in ast.walk(tree):
                if not isinstance(call, ast.Call):
                    continue
                called = getattr(call.func, "id", getattr(call.func, "attr", None))
                if called != function.name:
                    continue
                passed = [k.value for k in call.keywords if k.arg == name]
                if not passed and index < len(call.args):
                    passed = [call.args[index]]
                if passed:
                    out.extend(self.values(passed[0], file))
                else:
                    out.extend(self._default(function, index, parameters))
        return out or self._default(function, index, parameters)

    def _default(self, function, index, parameters):
        defaults = function.args.defaults
        first_with_default = len(parameters) - len(defaults)
        if index < first_with_default:
            raise _Unknown()
        file = next(f for f, t in self.trees.items() if any(n is function for n in ast.walk(t)))
        return self.values(defaults[index - first_with_default], file)

    def classes(self, value):
        """The project classes a from_object argument value loads, bases included."""
        if isinstance(value, str):
            module, _, name = value.rpartition(".")
            file = _module_file(module, self.trees) if module else None
            if file is None:
                if _module_file(value, self.trees):
                    return set()  # a module: its top-level settings, no class selected
                raise _Unknown()
            value = _Class(file, name)
        if isinstance(value, tuple) and value[0] == "module":
            return set()
        if not isinstance(value, _Class):
            raise _Unknown()
        node = _top_level(self.trees[value.file], value.name)
        if not isinstance(node, ast.ClassDef):
            out = set()
            for resolved in self._member(value.file, value.name):
                out |= self.classes(resolved)
            return out
        out = {(value.file, node.name)}
        for base in node.bases:
            try:
                for resolved in self.values(base, value.file):
                    out |= self.classes(resolved)
            except _Unknown:
                continue  # a base from outside the project (object, a library's class)
        return out


def _is_environ_get(node):
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    text = ast.unparse(func)
    return text in ("os.environ.get", "environ.get", "os.getenv", "getenv")


def _is_environ_subscript(node):
    return isinstance(node, ast.Subscript) and ast.unparse(node.value) in ("os.environ", "environ")


def static_selection(trees, env):
    """The project classes production's from_object calls load, read from the code; None when
    there is no such call or one cannot be decided."""
    reader = _Reader(trees, env)
    selected, calls = set(), 0
    for file, tree in trees.items():
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "from_object"):
                continue
            if not node.args:
                continue
            calls += 1
            try:
                for value in reader.values(node.args[0], file):
                    selected |= reader.classes(value)
            except (_Unknown, StopIteration, RecursionError):
                return None
    return selected if calls else None


# --- applying it ----------------------------------------------------------------------------------


def _class_ranges(trees):
    ranges = {}
    for file, tree in trees.items():
        ranges[file] = [(node.lineno, node.end_lineno or node.lineno, node.name) for node in tree.body if isinstance(node, ast.ClassDef)]
    return ranges


def keep(entries, trees, selection):
    """The entries production can load: those in an unselected class of a config module (a file
    that holds a selected class) are dropped."""
    if not selection:
        return entries
    config_files = {file for file, _ in selection}
    ranges = _class_ranges(trees)
    kept = []
    for entry in entries:
        if entry["file"] in config_files:
            owner = next((name for start, end, name in ranges.get(entry["file"], []) if start <= entry["line"] <= end), None)
            if owner is not None and (entry["file"], owner) not in selection:
                continue
        kept.append(entry)
    return kept


_static = {}


def selection(trees, env, app_started):
    """Flask's own choice when the app started, else the code's under the run's environment
    (remembered per set of trees and environment: the rules ask for facts many times)."""
    if app_started:
        return live_selection()
    env = env if env is not None else dict(os.environ)
    key = (id(trees), tuple(sorted(env.items())))
    if key not in _static:
        _static.clear()
        _static[key] = static_selection(trees, env)
    return _static[key]
