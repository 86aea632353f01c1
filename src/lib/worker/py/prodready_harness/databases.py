"""Databases for `prodready audit`: a real project connects to PostgreSQL or MySQL at start
(Flask-SQLAlchemy creates its engines in `init_app`, many apps call `db.create_all()` at import).
Pyodide has no sockets, so during audit runs every SQLAlchemy engine whose URL is not SQLite is made
an in-memory SQLite one, as is the URL a project leaves to an environment variable the audit does
not have; each change is noted so the report says so. SQLite files stay as written (the project
folder is in memory). Redis clients (redis-py, and what is built on it: RQ, Flask-Caching,
Flask-Limiter's storage) talk to fakeredis, the field's in-memory Redis, one empty server per
host:port as a real deployment has: an app that reads or writes Redis at start (a version check, a
cache warm-up, `ping()`) starts as it does beside its Redis. Outside audit runs nothing changes."""

import importlib.abc
import sys

IN_MEMORY = "sqlite://"

# Pool settings only a server database's QueuePool takes; SQLite in memory shares one connection.
_POOL_OPTIONS = ("pool_size", "max_overflow", "pool_timeout", "pool_use_lifo", "poolclass", "pool")


class _State:
    active = False
    notes = []
    run = 0  # numbers the runs: each starts with empty databases
    sqlalchemy_1 = None  # the project's pin of a SQLAlchemy before 2.0, if any
    connections = {}  # (run, URL) -> the SQLite connection its engines share
    migrated = []  # the Flask-SQLAlchemy objects whose migrations the run replaced by their models' tables


def activate(notes, sqlalchemy_pin=None):
    """Substitutions on for the coming run; they are appended to `notes`. `sqlalchemy_pin`: the
    project's SQLAlchemy declaration when every version it admits is older than 2.0."""
    _State.active = True
    _State.notes = notes
    _State.run += 1
    _State.migrated = []
    _State.sqlalchemy_1 = sqlalchemy_pin
    _install()


def deactivate():
    _State.active = False


def forget_library_models(folder):
    """A library's own declarative base (`alchemical.Model`, a module-level MetaData) keeps the
    tables of the project's models after the run: the next run, a new process in production,
    would define them again on it and SQLAlchemy refuses ("Table 'followers' is already
    defined"). Such a library, every module of its package, is imported afresh."""
    sqlalchemy = sys.modules.get("sqlalchemy")
    if sqlalchemy is None:
        return
    holding = set()
    for name, module in list(sys.modules.items()):
        if not (getattr(module, "__file__", None) or "").startswith(folder + "/"):
            continue
        if name.partition(".")[0] == "sqlalchemy":
            continue  # its own modules hold no project's tables; dropping them would split its registries
        for value in list(vars(module).values()):
            # A base defined in this module (not one it imported) or a module-level MetaData.
            if isinstance(value, type):
                metadata = vars(value).get("metadata") if value.__module__ == name else None
            else:
                metadata = value
            if isinstance(metadata, sqlalchemy.MetaData) and metadata.tables:
                holding.add(name.partition(".")[0])
                break
    for name in list(sys.modules):
        if name.partition(".")[0] in holding:
            del sys.modules[name]


def _note(text):
    if text not in _State.notes:
        _State.notes.append(text)


def _describe(url):
    try:
        from sqlalchemy.engine import make_url

        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # not a URL SQLAlchemy can read: say what it is
        return repr(url)


def _backend(url):
    try:
        from sqlalchemy.engine import make_url

        return make_url(url).get_backend_name()
    except Exception:
        return None


def _connection_for(described):
    """One in-memory database per URL and run, shared by every engine made for it: production's
    engines for one URL reach one server, and an app that opens a second engine (CTFd's plugin
    migrations) finds the tables the first created. One SQLite connection serves them all
    (StaticPool): SQLite's shared-cache mode would lock a table one engine's open transaction
    holds, where production's server does not."""
    import sqlite3

    key = (_State.run, described)
    if key not in _State.connections:
        _State.connections.clear()  # an earlier run's databases
        _State.connections[key] = sqlite3.connect(":memory:", check_same_thread=False)
    connection = _State.connections[key]
    return lambda: connection


def _wrap_create_engine(original):
    def create_engine(url, *args, **kwargs):
        if _State.active and _backend(url) != "sqlite":
            _note(f"the database {_describe(url)} cannot be reached from the audit: the app ran on an in-memory SQLite database")
            from sqlalchemy.pool import StaticPool

            kwargs = {key: value for key, value in kwargs.items() if key not in _POOL_OPTIONS}
            kwargs["poolclass"] = StaticPool
            described = _describe(url)  # a URL object and its text, one database
            kwargs["creator"] = _connection_for(described)
            url = IN_MEMORY
            engine = original(url, *args, **kwargs)
            engine._prodready_stands_for = described
            return engine
        return original(url, *args, **kwargs)

    create_engine._prodready_original = original
    create_engine.__doc__ = original.__doc__
    return create_engine


def _patch_sqlalchemy(sqlalchemy):
    import sqlalchemy.engine
    import sqlalchemy.engine.create

    create = sqlalchemy.engine.create
    if hasattr(create.create_engine, "_prodready_original"):
        return
    wrapped = _wrap_create_engine(create.create_engine)
    # engine_from_config (Flask-SQLAlchemy's path) looks it up in its own module.
    create.create_engine = wrapped
    sqlalchemy.engine.create_engine = wrapped
    sqlalchemy.create_engine = wrapped
    # Names SQLAlchemy 2.0 dropped that projects pinned to 1.x still use (`db.Binary`): the
    # aliases 1.4 had (sqlalchemy/sql/sqltypes.py 1.4: `Binary` deprecated for LargeBinary).
    _patch_mapper_keys()
    _patch_string_statements()
    for old, new in _DROPPED_ALIASES.items():
        if not hasattr(sqlalchemy, old) and hasattr(sqlalchemy, new):
            setattr(sqlalchemy, old, getattr(sqlalchemy, new))


_DROPPED_ALIASES = {"Binary": "LargeBinary"}


def _patch_string_statements():
    """Before SQLAlchemy 2.0, `Connection.execute("UPDATE …")` ran a plain string as SQL (deprecated in
    1.4, removed in 2.0: https://docs.sqlalchemy.org/en/20/changelog/migration_20.html, "execute() method
    more strict"). A project that pins 1.x (CTFd's migrations do it) runs the bundled 2.x: in its audit
    runs a string given to execute is the `text()` 1.x made of it, said in a note."""
    from sqlalchemy import text
    from sqlalchemy.engine import Connection

    original = Connection.execute
    if hasattr(original, "_prodready_original"):
        return

    def execute(self, statement, *args, **kwargs):
        pin = _State.sqlalchemy_1
        if _State.active and pin is not None and isinstance(statement, str):
            _note(
                f"{pin.pinned('SQLAlchemy')} is what the project installs ({pin.where()}): there Connection.execute() takes a string of SQL "
                "(SQLAlchemy 2.0 refuses it); the app ran with that version's rule"
            )
            statement = text(statement)
        return original(self, statement, *args, **kwargs)

    execute._prodready_original = original
    Connection.execute = execute


def _patch_mapper_keys():
    """A model whose primary key comes from a mixin the audit stands in for (Flask-Dance's
    `OAuthConsumerMixin` gives `id`): the stand-in has no columns, so SQLAlchemy finds no primary
    key and refuses the class. In audit runs such a model gets the surrogate `id` its mixin would
    give (an Integer primary key), noted; a model with no stand-in base still fails as it would."""
    from sqlalchemy import Column, Integer
    from sqlalchemy import exc as sa_exc
    from sqlalchemy.orm import Mapper

    original = Mapper._configure_pks
    if hasattr(original, "_prodready_original"):
        return

    def _configure_pks(self):
        try:
            return original(self)
        except sa_exc.ArgumentError:
            table = self.local_table
            stood_in = [base.__name__ for base in self.class_.__mro__[1:] if "__standin_name__" in vars(base)]
            if not _State.active or not stood_in or not hasattr(table, "append_column") or "id" in table.c:
                raise
            column = Column("id", Integer, primary_key=True)
            table.append_column(column)
            self._configure_property("id", column, init=False, setparent=True)
            _note(
                f"the model {self.class_.__name__} takes its primary key from {stood_in[0]}, which the audit stands in for: "
                "it was given an Integer `id` primary key"
            )
            return original(self)

    _configure_pks._prodready_original = original
    Mapper._configure_pks = _configure_pks


def _patch_flask_sqlalchemy(flask_sqlalchemy):
    extension = sys.modules["flask_sqlalchemy.extension"]
    original = extension.SQLAlchemy.init_app
    if hasattr(original, "_prodready_original"):
        return

    def init_app(self, app):
        if _State.active and app.config.get("SQLALCHEMY_DATABASE_URI") is None and not app.config.get("SQLALCHEMY_BINDS"):
            _note("SQLALCHEMY_DATABASE_URI is not set in the audit's environment: the app ran on an in-memory SQLite database")
            app.config["SQLALCHEMY_DATABASE_URI"] = IN_MEMORY
        return original(self, app)

    init_app._prodready_original = original
    extension.SQLAlchemy.init_app = init_app
    # Flask-SQLAlchemy 2 registered a state object whose `db` is the extension
    # (`app.extensions["sqlalchemy"].db`, flask_sqlalchemy/__init__.py:_SQLAlchemyState in 2.5.1);
    # 3.0 registers the extension itself. The older release lines the audit runs for a project that
    # pins them (release_lines.py: Flask-Marshmallow 0.10) read it; Flask-SQLAlchemy 2 itself cannot
    # be bundled, it needs Flask < 2.3 (`flask._app_ctx_stack`).
    extension.SQLAlchemy.db = property(_extension_itself)


def _extension_itself(extension):
    if not _State.active:
        raise AttributeError("db")
    return extension


def _patch_alembic_operations(module):
    """Migrations an app runs itself through alembic's Operations (CTFd's plugins replay theirs
    at start, outside Flask-Migrate) on a database the audit substituted: an operation alembic's
    SQLite dialect refuses (ALTER of constraints, NotImplementedError in alembic/ddl/sqlite.py) was
    written for production's database; it is skipped and noted, the tables being the models'."""
    original = module.Operations.invoke
    if hasattr(original, "_prodready_original"):
        return

    def invoke(self, operation):
        try:
            return original(self, operation)
        except NotImplementedError:
            stands_for = _stands_for(self.migration_context.bind)
            if not _State.active or stands_for is None:
                raise
            _note(
                f"a migration's {type(operation).__name__} was written for {stands_for}; SQLite, the audit's database, "
                "cannot run it: skipped"
            )
            return None

    invoke._prodready_original = original
    module.Operations.invoke = invoke


def _patch_alembic_migration(module):
    """A migration context opened on a substituted database, after Flask-Migrate's upgrade gave the
    models' tables: the models imported since get theirs too, as production's migrations made them."""
    configure = module.MigrationContext.configure.__func__
    if hasattr(configure, "_prodready_original"):
        return

    def configure_after_models(cls, connection=None, *args, **kwargs):
        # The models' tables first, as production's earlier migrations made them: the ones
        # `flask_migrate.upgrade()` gave (below) lack the models imported since (a plugin's).
        if _State.active and _stands_for(connection) is not None:
            from flask import has_app_context

            if has_app_context():
                for db in _State.migrated:
                    db.create_all()
        return configure(cls, connection, *args, **kwargs)

    configure_after_models._prodready_original = configure
    module.MigrationContext.configure = classmethod(configure_after_models)


def _patch_alembic_scripts(util):
    """A migration script an app replays itself (CTFd's plugins, outside Flask-Migrate) on a database
    the audit substituted is written for production's schema, revision by revision (it copies
    columns the models dropped since); the audit's database has the models' tables instead
    (above), so the script's upgrade does not run, noted, as Flask-Migrate's upgrade does not."""
    original = util.load_python_file
    if hasattr(original, "_prodready_original"):
        return

    def load_python_file(dir_, filename):
        module = original(dir_, filename)
        upgrade = getattr(module, "upgrade", None)
        if callable(upgrade) and hasattr(module, "revision"):
            module.upgrade = _unless_substituted(module, upgrade)
        return module

    load_python_file._prodready_original = original
    util.load_python_file = load_python_file


def _unless_substituted(module, upgrade):
    def replayed(*args, **kwargs):
        operations = kwargs.get("op") or (args[0] if args else None)
        bind = getattr(getattr(operations, "migration_context", None), "bind", None)
        if bind is None:
            try:
                from alembic import context

                bind = context.get_bind()
            except Exception:  # no migration context: not one the audit substituted
                bind = None
        stands_for = _stands_for(bind)
        if not _State.active or stands_for is None:
            return upgrade(*args, **kwargs)
        _note(
            f"migrations the app replays itself on {stands_for} at start were not run: the audit's database has the "
            "models' tables instead"
        )
        return None

    return replayed


def _stands_for(connection):
    """What a substituted database stands for (its URL, password hidden), or None."""
    return getattr(getattr(connection, "engine", None), "_prodready_stands_for", None)


# What a TCP connection's class takes that fakeredis's connection does not: the unix socket's path
# (`unix://` URLs) and TLS options (`rediss://`); the fake server is picked by host:port alone.
def _tcp_options(kwargs):
    return {key: value for key, value in kwargs.items() if key != "path" and not key.startswith("ssl_")}


def _describe_redis(kwargs):
    where = kwargs.get("path") or f"{kwargs.get('host', 'localhost')}:{kwargs.get('port', 6379)}"
    return f"the Redis server {where} cannot be reached from the audit: the app ran on an empty in-memory Redis (fakeredis)"


def _patch_redis(redis):
    import redis.connection

    pool = redis.connection.ConnectionPool
    original = pool.__init__
    if hasattr(original, "_prodready_original"):
        return

    def __init__(self, connection_class=redis.connection.Connection, *args, **kwargs):
        if _State.active:
            from fakeredis import FakeConnection

            _note(_describe_redis(kwargs))
            connection_class, kwargs = FakeConnection, _tcp_options(kwargs)
        return original(self, connection_class, *args, **kwargs)

    __init__._prodready_original = original
    pool.__init__ = __init__


def _patch_flask_migrate(flask_migrate):
    """Migrations an app replays at start (`flask_migrate.upgrade()` in create_app) are written for
    production's database (MySQL's ALTERs, PostgreSQL's types) and read a migrations folder and
    alembic.ini beside the code: on the audit's in-memory SQLite the schema they lead to is the
    models', so `upgrade` and `stamp` create the models' tables instead, noted."""
    for name in ("upgrade", "stamp"):
        original = getattr(flask_migrate, name, None)
        if original is None or hasattr(original, "_prodready_original"):
            continue
        flask_migrate.__dict__[name] = _instead_of_migrations(name, original)


def _instead_of_migrations(name, original):
    def replay(*args, **kwargs):
        if not _State.active:
            return original(*args, **kwargs)
        from flask import current_app

        migrate = current_app.extensions.get("migrate")
        db = getattr(migrate, "db", None)
        if db is None:
            return original(*args, **kwargs)
        _note(f"flask_migrate.{name}() at start: the audit created the models' tables instead of replaying the migrations (written for production's database)")
        db.create_all()
        if db not in _State.migrated:
            _State.migrated.append(db)
        return None

    replay._prodready_original = original
    replay.__doc__ = original.__doc__
    return replay


_PATCHES = {
    "sqlalchemy": _patch_sqlalchemy,
    "flask_sqlalchemy": _patch_flask_sqlalchemy,
    "alembic.operations.base": _patch_alembic_operations,
    "alembic.migration": _patch_alembic_migration,
    "alembic.util": _patch_alembic_scripts,
    "flask_migrate": _patch_flask_migrate,
    "redis": _patch_redis,
}


class _AfterImport(importlib.abc.MetaPathFinder):
    """First on sys.meta_path: finds the patched packages with the real finders, and patches each
    right after it has run (SQLAlchemy takes a second to import; a project without it never pays)."""

    def find_spec(self, fullname, path=None, target=None):
        patch = _PATCHES.get(fullname)
        if patch is None:
            return None
        spec = None
        for finder in sys.meta_path:  # the real finders, wherever the package lives
            if finder is not self and hasattr(finder, "find_spec"):
                spec = finder.find_spec(fullname, path, target)
                if spec is not None:
                    break
        if spec is None or spec.loader is None or spec.origin is None:
            return None  # not there, or a stand-in: nothing to patch
        run = spec.loader.exec_module

        def exec_module(module):
            run(module)
            patch(module)

        spec.loader.exec_module = exec_module
        return spec


def _install():
    if not any(isinstance(finder, _AfterImport) for finder in sys.meta_path):
        sys.meta_path.insert(0, _AfterImport())
    for name, patch in _PATCHES.items():
        if name in sys.modules:
            patch(sys.modules[name])
