"""Stand-in modules for `prodready audit`: a real project imports packages the audit does not
bundle (stripe, celery, boto3, bcrypt, …). Without them the app would not start and no rule that
runs it could judge it, so during audit runs a missing import gets a module that imports, takes any
attribute, call and subclassing, and is recorded, so the report can say what was stood in for.

The objects follow Sphinx's autodoc mock (sphinx/ext/autodoc/mock.py: `_MockModule`,
`_MockObject`, `__mro_entries__` for subclassing), hand-written because Sphinx is far too big to
bundle and its mock turns decorators into mocks, which would register a mock as a Flask view.

Which imports get one, and why:
- only imports on the way from the project's own code: a library's import with no project code on
  the stack is the harness's business;
- not when code between the import and the project's line handles the absence (`try: import
  ujson except ImportError: import json`, Engine.IO probing for eventlet): that fallback is what
  runs where the package is not installed, unless the project's requirements declare the package,
  in which case production has it;
- never for the standard library; a real package's missing submodule only when the project's own
  code asks for it: the bundled release dropped it (`wtforms.fields.html5`, folded into
  `wtforms.fields` in WTForms 3.0), so its names are looked up in the package first.

A name the project imports from a package the audit has, in a version that no longer has it
(`from itsdangerous import TimedJSONWebSignatureSerializer`, gone in itsdangerous 2.1, from a
project that pins 1.1), gets a stand-in too: third-party modules answer a missing attribute the
project's own code asks for (PEP 562 module `__getattr__`) with one, recorded as `module.Name`.
Libraries asking (`hasattr` feature checks) still get AttributeError.
"""

import ast
import dis
import importlib._bootstrap_external
import importlib.abc
import importlib.machinery
import inspect
import re
import sys
import types

from . import PROJECT_DIR, known_stand_ins

_HARNESS_DIR = __file__.rsplit("/", 1)[0] + "/"

# Import names of distributions whose name does not say it (pip's name -> the module it installs).
# A table because the packages are not installed, so their top_level.txt cannot be read.
_IMPORT_NAMES = {
    "pyyaml": "yaml",
    "pillow": "PIL",
    "beautifulsoup4": "bs4",
    "psycopg2-binary": "psycopg2",
    "psycopg-binary": "psycopg",
    "mysqlclient": "MySQLdb",
    "pyjwt": "jwt",
    "python-jose": "jose",
    "python-dotenv": "dotenv",
    "python-dateutil": "dateutil",
    "python-magic": "magic",
    "scikit-learn": "sklearn",
    "opencv-python": "cv2",
    "google-cloud-storage": "google",
    "protobuf": "google",
    "attrs": "attr",
    "pymupdf": "fitz",
}

_EXCEPTION_NAME = re.compile(r"^[A-Z]\w*(Error|Exception|Warning|Timeout)$")


class _State:
    active = False
    declared = frozenset()
    recorded = []


def declared_import_names(distribution_names):
    """Import names the project's declared distributions provide (a best guess: pip's name with
    dashes as underscores, `python-` dropped, or the table above)."""
    names = set()
    for name in distribution_names:
        lowered = name.lower()
        names.add(_IMPORT_NAMES.get(lowered, lowered.replace("-", "_")))
        if lowered.startswith("python-"):
            names.add(lowered[len("python-") :].replace("-", "_"))
        names.add(lowered.replace("-", "_"))
    return frozenset(names)


def activate(declared_distributions):
    """Stand-ins on for the coming run; what it records starts empty."""
    _State.active = True
    _State.declared = declared_import_names(declared_distributions)
    _State.recorded = []
    _trees.clear()  # the project's files change between runs
    for name, module in list(sys.modules.items()):
        if isinstance(module, StandInModule):
            del sys.modules[name]
    if not any(isinstance(finder, StandInFinder) for finder in sys.meta_path):
        sys.meta_path.append(StandInFinder())
    _answer_missing_names()


def deactivate():
    _State.active = False


def recorded():
    """The top-level names that got a stand-in in this run, in import order."""
    return list(_State.recorded)


# --- the objects ---------------------------------------------------------------------------------

_exceptions = {}


class StandInError(Exception):
    """Base of exception classes a stand-in module offers (`except stripe.error.CardError:`)."""


class StandInWarning(StandInError, Warning):
    """Base of warning classes a stand-in module offers: `warnings.filterwarnings(category=…)`
    takes only Warning subclasses (`bs4.MarkupResemblesLocatorWarning`)."""


def _member(qualified, name):
    if _EXCEPTION_NAME.match(name):
        cls = _exceptions.get(qualified)
        if cls is None:
            base = StandInWarning if name.endswith("Warning") else StandInError
            cls = _exceptions[qualified] = type(name, (base,), {"__module__": qualified.rpartition(".")[0]})
        return cls
    known = known_stand_ins.KNOWN.get(qualified)
    return known if known is not None else _make(qualified)()


def _make(qualified, base=None):
    """A class of its own per name, so subclassing `module.Base` gives a class named for it."""
    return type(qualified.rpartition(".")[2] or qualified, (base or StandIn,), {"__standin_name__": qualified})


def _names_a_class(qualified):
    """PEP 8: a CapWords name is a class, so calling it constructs; a lower-case one is a function."""
    last = qualified.rpartition(".")[2].removesuffix("()")
    return last[:1].isupper()


def _decoratable(value, caller):
    """A function, or a class of the project's own its class statement has just built: what a
    decorator is written on. A library's class (`@vectorizer(db.Integer)`) and a project class
    made before (`@body(LoginSchema)`, `response(PaginatedCollection(schema))`, apifairy's) are
    arguments to a decorator factory."""
    if inspect.isclass(value):
        module = sys.modules.get(value.__module__)
        if not (getattr(module, "__file__", None) or "").startswith(PROJECT_DIR + "/"):
            return False
        return _decorating_a_class_statement(caller)
    return inspect.isfunction(value) or inspect.ismethod(value)


def _decorating_a_class_statement(frame):
    """The call running in `frame` takes what a class statement just built: `@dec class C:`
    compiles to LOAD_BUILD_CLASS … CALL (the class), then the decorator's CALL. Read from the
    bytecode, as _unpacked_into does: Python does not say why a function is called."""
    instructions = list(dis.get_instructions(frame.f_code))
    at = next((i for i, instruction in enumerate(instructions) if instruction.offset == frame.f_lasti), 0)
    if at < 2 or not instructions[at - 1].opname.startswith("CALL"):
        return False
    for instruction in reversed(instructions[max(0, at - 16) : at - 1]):
        if instruction.opname == "LOAD_BUILD_CLASS":
            return True
        if instruction.opname.startswith(("CALL", "STORE", "POP")):
            return False
    return False


class StandIn:
    """Any attribute, call, item, iteration (empty) and subclassing works on it."""

    __standin_name__ = "stand-in"

    def __init__(self, *args, **kwargs):
        _given(args)

    def __mro_entries__(self, bases):
        return (type(self),)

    def __init_subclass__(cls, **kwargs):
        # A stand-in takes whatever a class statement passes (`class S(Base, abstract=True)`).
        super().__init_subclass__()
        if "__standin_name__" not in vars(cls):
            _answer_names_asked_of_bases(cls)

    def __getattr__(self, name):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        return _member(f"{type(self).__standin_name__}.{name}", name)

    def __call__(self, *args, **kwargs):
        # A decorator (`@limiter.limit("5/minute")`, `@celery.task`) must hand the function back:
        # Flask registers what the decorators return as the view.
        # Only a function or an ordinary class is decorated: `swagger(app)` with a Flask app (callable
        # too) and `api.errorhandler(IntegrityError)` are calls that take an argument, not decorators.
        _given(args)
        if len(args) == 1 and not kwargs and _decoratable(args[0], sys._getframe(1)) and not _names_a_class(type(self).__standin_name__):
            return args[0]
        return _make(f"{type(self).__standin_name__}()")()

    def __getitem__(self, key):
        return _make(f"{type(self).__standin_name__}[]")()

    def __setitem__(self, key, value):
        pass

    def __delitem__(self, key):
        pass

    def __iter__(self):
        # `_, conn = from_url(url)`: unpacking into N names gets N stand-ins, as the real call's
        # tuple would give; any other iteration (a `for` loop) sees an empty sequence.
        return iter([_make(f"{type(self).__standin_name__}[]")() for _ in range(_unpacked_into(sys._getframe(1)))])

    def __len__(self):
        return 0

    def __bool__(self):
        return True

    def __contains__(self, item):
        return False

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def __str__(self):
        return type(self).__standin_name__

    def __repr__(self):
        return f"<stand-in {type(self).__standin_name__}>"

    def _operated(self, *other):
        return _make(f"{type(self).__standin_name__}()")()

    # `schema + "_list"`, `flags | OTHER`: arithmetic on a stand-in gives another one.
    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = __mod__ = __rmod__ = _operated
    __or__ = __ror__ = __and__ = __rand__ = __truediv__ = __rtruediv__ = _operated
    __abs__ = __neg__ = __pos__ = __invert__ = _operated

    def __int__(self):
        return 0

    __index__ = __int__

    def __float__(self):
        return 0.0


class _Extensions(dict):
    """`app.extensions` once a stood-in extension was given the app: a Flask extension registers
    its state there in `init_app` (Flask's "Flask Extension Development" guide), which a stand-in
    cannot. A key the project's own code reads that nothing registered is the stood-in extension's
    (`app.extensions["spinach"].namespace`); a library's lookup still finds nothing."""

    def __missing__(self, key):
        if _State.active and sys._getframe(1).f_code.co_filename.startswith(PROJECT_DIR + "/"):
            return _make(f"app.extensions[{key!r}]")()
        raise KeyError(key)


def _given(args):
    """A stand-in given a Flask app (`Ext(app)`, `ext.init_app(app)`): its extensions answer for it."""
    flask = sys.modules.get("flask")
    for value in args:
        if flask is not None and isinstance(value, flask.Flask) and type(value.extensions) is dict:
            value.extensions = _Extensions(value.extensions)


def _names_asked_of_bases(cls):
    """The names a class's own methods look up in its bases: `super().init_app(app)`, and
    `cls.schema()` / `self.query` (an attribute of the method's first argument), read from their
    bytecode (LOAD_SUPER_ATTR; LOAD_ATTR right after loading the first argument)."""
    names = set()
    for value in vars(cls).values():
        if isinstance(value, (classmethod, staticmethod)):
            value = value.__func__
        elif isinstance(value, property):
            value = value.fget
        code = getattr(value, "__code__", None)
        if not isinstance(code, types.CodeType):
            continue
        first = code.co_varnames[0] if code.co_argcount else None
        previous = None
        for instruction in dis.get_instructions(code):
            if instruction.opname == "LOAD_SUPER_ATTR":
                names.add(instruction.argval)
            elif (
                instruction.opname == "LOAD_ATTR"
                and previous is not None
                and previous.opname.startswith("LOAD_FAST")
                and previous.argval == first
            ):
                names.add(instruction.argval)
            previous = instruction
    return {name for name in names if isinstance(name, str) and not (name.startswith("__") and name.endswith("__"))}


def _answer_names_asked_of_bases(cls):
    """A class that extends a stood-in one (`class JazzbandSpinach(Spinach)`, a pydantic model)
    asks its base for methods the stand-in does not have: `super()` and class attribute lookups
    look only in the classes' own dictionaries, never in an instance's `__getattr__`. Each name
    its methods ask of the bases that no class in its MRO defines is put on the stood-in base, a
    stand-in member, as the real base would have it; a name a real base defines is left to it."""
    stood_in = next((base for base in cls.__mro__[1:] if "__standin_name__" in vars(base)), None)
    if stood_in is None:
        return
    for name in sorted(_names_asked_of_bases(cls)):
        if not any(name in vars(klass) for klass in cls.__mro__[1:]):
            setattr(stood_in, name, _member(f"{stood_in.__standin_name__}.{name}", name))


def _unpacked_into(frame):
    """How many names the instruction running in `frame` unpacks into (`a, b = x`, `a, *rest = x`),
    0 when it is not an unpacking. Read from the bytecode: Python asks `__iter__` without saying."""
    for instruction in dis.get_instructions(frame.f_code):
        if instruction.offset == frame.f_lasti:
            if instruction.opname == "UNPACK_SEQUENCE":
                return instruction.arg
            if instruction.opname == "UNPACK_EX":
                return (instruction.arg & 0xFF) + (instruction.arg >> 8)
            return 0
    return 0


class StandInModule(types.ModuleType):
    __all__ = []
    __path__ = []
    __version__ = "0"

    def __getattr__(self, name):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        value = _member(f"{self.__name__}.{name}", name)
        setattr(self, name, value)  # the same object on every access, as a real module's
        return value


class _Loader(importlib.abc.Loader):
    def create_module(self, spec):
        top = spec.name.partition(".")[0]
        if top not in _State.recorded:
            _State.recorded.append(top)
        return StandInModule(spec.name, "Stand-in module (prodready audit): the package is not bundled.")

    def exec_module(self, module):
        pass


_LOADER = _Loader()


class MovedModule(StandInModule):
    """A submodule a library dropped: a name its parent package has now is that name (the module was
    folded into it); any other is a stand-in."""

    def __getattr__(self, name):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        parent = sys.modules.get(self.__name__.rpartition(".")[0])
        try:
            value = object.__getattribute__(parent, name) if parent is not None else None
        except AttributeError:
            value = None
        if value is None:
            return super().__getattr__(name)
        setattr(self, name, value)
        return value


class _MovedLoader(_Loader):
    def create_module(self, spec):
        if spec.name not in _State.recorded:
            _State.recorded.append(spec.name)
        return MovedModule(spec.name, "Stand-in module (prodready audit): the bundled release no longer has it.")


_MOVED_LOADER = _MovedLoader()


# --- names a bundled version no longer has ----------------------------------------------------------

_SITE_DIRS = ("/site-packages/", "/prodready-audit/")


def _third_party(module):
    """Installed from the packages archives (site-packages or the audit's folder)."""
    path = getattr(module, "__file__", None) or ""
    return any(folder in path for folder in _SITE_DIRS)


def _with_missing_names(module):
    if getattr(module, "_prodready_missing_names", False) or isinstance(module, StandInModule):
        return
    own = module.__dict__.get("__getattr__")

    def __getattr__(name):
        if own is not None:
            try:
                return own(name)
            except AttributeError:
                pass
        caller = sys._getframe(1).f_code.co_filename
        if _State.active and not name.startswith("__") and caller.startswith(PROJECT_DIR + "/"):
            qualified = f"{module.__name__}.{name}"
            if qualified not in _State.recorded:
                _State.recorded.append(qualified)
            return _member(qualified, name)
        raise AttributeError(f"module {module.__name__!r} has no attribute {name!r}")

    module.__getattr__ = __getattr__
    module._prodready_missing_names = True


_real_exec_module = importlib._bootstrap_external._LoaderBasics.exec_module


def _with_missing_attributes(module):
    """The same for the objects of an audit-bundled extension's classes (`ma.ModelSchema`, gone in
    Flask-Marshmallow 0.12; `@jwt.user_loader_callback_loader`, gone in Flask-JWT-Extended 4): only
    `obj.name` written in a project module's own top-level code, which runs at start. A function's
    `obj.name` at request time, and `getattr`/`hasattr` feature checks anywhere, still get the
    AttributeError, so what a request does is not changed."""
    if "/prodready-audit/" not in (getattr(module, "__file__", None) or ""):
        return
    for value in list(vars(module).values()):
        if not isinstance(value, type) or type(value) is not type or value.__module__ != module.__name__:
            continue
        if issubclass(value, BaseException) or any("__getattr__" in vars(klass) for klass in value.__mro__[:-1]):
            continue
        try:
            value.__getattr__ = _missing_attribute
        except (TypeError, AttributeError):
            continue


def _missing_attribute(self, name):
    # A base class got this one; a subclass whose MRO has a __getattr__ of its own (SQLAlchemy's
    # column collections under a patched container base) answers with that, as without the patch.
    for klass in type(self).__mro__:
        own = vars(klass).get("__getattr__")
        if own is not None and own is not _missing_attribute:
            return own(self, name)
    caller = sys._getframe(1)
    if (
        _State.active
        and not (name.startswith("__") and name.endswith("__"))
        and caller.f_code.co_name == "<module>"
        and caller.f_code.co_filename.startswith(PROJECT_DIR + "/")
        and _instruction(caller) == "LOAD_ATTR"
    ):
        qualified = f"{type(self).__module__}.{type(self).__name__}.{name}"
        if qualified not in _State.recorded:
            _State.recorded.append(qualified)
        return _member(qualified, name)
    raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}", name=name, obj=self)


def _instruction(frame):
    for instruction in dis.get_instructions(frame.f_code):
        if instruction.offset == frame.f_lasti:
            return instruction.opname
    return None


def _exec_module(loader, module):
    _real_exec_module(loader, module)
    if _State.active and _third_party(module):
        _with_missing_names(module)
        _with_missing_attributes(module)


def _answer_missing_names():
    """Every third-party module imported so far, and every one imported from now on."""
    importlib._bootstrap_external._LoaderBasics.exec_module = _exec_module
    for module in list(sys.modules.values()):
        if isinstance(module, types.ModuleType) and _third_party(module):
            _with_missing_names(module)
            _with_missing_attributes(module)


# --- which imports get one -----------------------------------------------------------------------


class StandInFinder(importlib.abc.MetaPathFinder):
    """Last on sys.meta_path: asked only when no real finder has the module."""

    def find_spec(self, fullname, path=None, target=None):
        if not _State.active:
            return None
        parent, _, _ = fullname.rpartition(".")
        if parent:
            parent_module = sys.modules.get(parent)
            if isinstance(parent_module, StandInModule):
                # `import stripe.error` under a stand-in `stripe`.
                return importlib.machinery.ModuleSpec(fullname, _LOADER, is_package=True)
            # A submodule the bundled release of a library no longer has (`wtforms.fields.html5`,
            # gone in WTForms 3.0, whose fields moved up into `wtforms.fields`), asked for by the
            # project's own code: its names are looked up where they moved, else stood in for.
            # A library's own probing, or the standard library's, still gets the ImportError.
            if parent_module is None or not _third_party(parent_module) or _from_import() or not _wanted(fullname):
                return None
            return importlib.machinery.ModuleSpec(fullname, _MOVED_LOADER, is_package=True)
        if fullname in sys.stdlib_module_names or not _wanted(fullname):
            return None
        return importlib.machinery.ModuleSpec(fullname, _LOADER, is_package=True)


def _from_import():
    """`from package import Name`: Python tries a submodule for a name the package lacks. The name is
    an object (the package's missing-name answer gives it), not a module."""
    frame = sys._getframe(2)
    # Up to the code that wrote the import: an import further down the stack is another statement.
    while frame is not None and frame.f_code.co_filename.startswith("<frozen importlib"):
        if frame.f_code.co_name == "_handle_fromlist":
            return True
        frame = frame.f_back
    return False


def _wanted(name):
    frames = []
    frame = sys._getframe(2)
    while frame is not None:
        filename = frame.f_code.co_filename
        if filename == __file__:  # this module's own loader wrapper, on the way
            frame = frame.f_back
            continue
        if filename.startswith(_HARNESS_DIR):
            break
        if not filename.startswith("<frozen importlib") and not filename.endswith("/importlib/__init__.py"):
            frames.append((filename, frame.f_lineno))
            if filename.startswith(PROJECT_DIR + "/"):
                break
        frame = frame.f_back
    if not frames or not frames[-1][0].startswith(PROJECT_DIR + "/"):
        return False
    if name in _State.declared:
        return True
    return not any(_handles_absence(filename, line) for filename, line in frames)


_trees = {}


def _tree(filename):
    if filename not in _trees:
        try:
            with open(filename, encoding="utf-8") as handle:
                _trees[filename] = ast.parse(handle.read())
        except (OSError, SyntaxError, ValueError):
            _trees[filename] = None
    return _trees[filename]


_CATCHES_IMPORT_ERROR = {"ImportError", "ModuleNotFoundError", "Exception", "BaseException"}


def _catches(handler):
    if handler.type is None:
        return True
    types_ = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return any(getattr(t, "id", getattr(t, "attr", None)) in _CATCHES_IMPORT_ERROR for t in types_)


def _handles_absence(filename, line):
    """The line sits in a `try` whose handler catches ImportError and goes on without it (a
    handler that ends by raising, like Flask-Bcrypt's, is no fallback)."""
    tree = _tree(filename)
    if tree is None:
        return False
    for node in ast.walk(tree):
        if not isinstance(node, ast.Try) or not node.body:
            continue
        if not (node.body[0].lineno <= line <= (node.body[-1].end_lineno or node.body[-1].lineno)):
            continue
        if any(_catches(handler) and not isinstance(handler.body[-1], ast.Raise) for handler in node.handlers):
            return True
    return False
