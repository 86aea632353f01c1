/**
 * Audit runs against real packages in Pyodide (Node): the Flask extensions of audit-packages.zip
 * import, a missing package gets a stand-in only where production would have it, databases run in
 * memory, and a pinned Flask's semantics decide FLASK_ENV. A lesson's run gets none of it.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { NodeRuntime } from '../../cli/node-runtime';
import type { RunOutcome, WorkspaceFiles } from '../runtime/protocol';

let runtime: NodeRuntime;
beforeAll(async () => {
  runtime = await NodeRuntime.start();
}, 120_000);

function run(
  files: WorkspaceFiles,
  options: { env?: Record<string, string>; audit?: boolean; command?: string; directories?: string[] } = {},
) {
  return runtime.call('run', {
    session: 'audit-spec',
    files,
    command: options.command ?? 'gunicorn app:app',
    env: options.env ?? {},
    audit: options.audit ?? true,
    ...(options.directories ? { directories: options.directories } : {}),
  });
}

async function get(path: string) {
  return runtime.call('request', { session: 'audit-spec', request: { method: 'GET', path, headers: [] } });
}

const serving = (outcome: RunOutcome) => expect(outcome.exit, outcome.log.slice(-1500)).toBeNull();

const EXTENSIONS = `import os
from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from flask_migrate import Migrate
from flask_login import LoginManager, login_required
from flask_wtf import FlaskForm
from wtforms import StringField
from flask_mail import Mail
from dotenv import load_dotenv
from flask_caching import Cache
from flask_cors import CORS
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

load_dotenv()
app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = os.environ.get("DATABASE_URL", "postgresql://shop:pw@db:5432/shop")
db = SQLAlchemy(app)
Migrate(app, db)
LoginManager(app)
Mail(app)
Cache(app, config={"CACHE_TYPE": "SimpleCache"})
CORS(app)
limiter = Limiter(get_remote_address, app=app)

class Order(db.Model):
    id = db.Column(db.Integer, primary_key=True)

with app.app_context():
    db.create_all()
    db.session.add(Order())
    db.session.commit()

@app.route("/")
@limiter.limit("5/minute")
def home():
    return f"orders: {db.session.query(Order).count()}"
`;

describe('audit runs', () => {
  test('the common Flask extensions import, and a PostgreSQL URL runs on in-memory SQLite, said in a note', async () => {
    const outcome = await run({ 'app.py': EXTENSIONS });
    serving(outcome);
    expect(outcome.standIns).toEqual([]);
    expect(outcome.notes).toContain(
      'the database postgresql://shop:***@db:5432/shop cannot be reached from the audit: the app ran on an in-memory SQLite database',
    );
    expect(outcome.notes?.some((note) => note.startsWith('background threads do not run in the audit'))).toBe(true);
    expect((await get('/')).body).toBe('orders: 1');
  });

  test('a lesson run does not see the audit packages: the import fails as it would in production', async () => {
    const outcome = await run({ 'app.py': EXTENSIONS }, { audit: false });
    expect(outcome.exit?.code).not.toBe(0);
    expect(outcome.log).toContain("No module named 'flask_sqlalchemy'");
    expect(outcome.standIns).toBeUndefined();
  });

  test('Flask-SQLAlchemy without a URI (left to the environment) runs on in-memory SQLite', async () => {
    const app = `import os
from flask import Flask
from flask_sqlalchemy import SQLAlchemy
app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = os.environ.get("DATABASE_URL")
db = SQLAlchemy(app)
with app.app_context():
    db.create_all()
`;
    const outcome = await run({ 'app.py': app });
    serving(outcome);
    expect(outcome.notes).toContain(
      "SQLALCHEMY_DATABASE_URI is not set in the audit's environment: the app ran on an in-memory SQLite database",
    );
  });

  test('stand-ins import, take attributes, calls, subclassing and exceptions; decorators hand the view back', async () => {
    const app = `from flask import Flask
import stripe
from stripe.error import CardError
from celery import Celery
import sentry_sdk
sentry_sdk.init(dsn="https://key@sentry.example/1", traces_sample_rate=0.1)
app = Flask(__name__)
celery = Celery(app.name, broker="redis://cache:6379/0")

class Customer(stripe.Customer):
    def label(self):
        return "customer"

@celery.task
def send():
    return "sent"

@app.route("/")
def home():
    try:
        raise CardError("declined")
    except stripe.error.CardError as error:
        return f"{Customer().label()} {send()} {type(error).__name__}"
`;
    const outcome = await run({ 'app.py': app });
    serving(outcome);
    expect(outcome.standIns).toEqual(['stripe', 'celery', 'sentry_sdk']);
    expect((await get('/')).body).toBe('customer sent CardError');
  });

  test('an import whose absence the code handles keeps its fallback, unless the requirements declare the package', async () => {
    const app = `from flask import Flask
try:
    import ujson as json
except ImportError:
    import json
app = Flask(__name__)
@app.route("/")
def home():
    return json.__name__
`;
    const fallback = await run({ 'app.py': app });
    serving(fallback);
    expect(fallback.standIns).toEqual([]);
    expect((await get('/')).body).toBe('json');

    const declared = await run({ 'app.py': app, 'requirements.txt': 'flask==3.1.0\nujson==5.10.0\n' });
    serving(declared);
    expect(declared.standIns).toEqual(['ujson']);
  });

  test('a handler that re-raises is no fallback (Flask-Bcrypt needs bcrypt): bcrypt gets a stand-in', async () => {
    const app = `from flask import Flask
from flask_bcrypt import Bcrypt
app = Flask(__name__)
bcrypt = Bcrypt(app)
`;
    const outcome = await run({ 'app.py': app });
    serving(outcome);
    expect(outcome.standIns).toEqual(['bcrypt']);
  });
});

describe('what production has beside the app', () => {
  test('a stand-in unpacked into names gives one stand-in per name; a loop over one sees nothing', async () => {
    const app = `from flask import Flask
from redis_sentinel_url import connect
app = Flask(__name__)
_, conn = connect("redis://cache:6379")
first, *rest, last = connect("redis://cache:6379")
seen = [item for item in connect("redis://cache:6379")]
@app.route("/")
def home():
    return f"{type(conn).__name__} {type(last).__name__} {rest} {seen}"
`;
    const outcome = await run({ 'app.py': app });
    serving(outcome);
    expect(outcome.standIns).toEqual(['redis_sentinel_url']);
    expect((await get('/')).body).toBe('connect()[] connect()[] [] []');
  });

  test("a project module the operator writes from the project's example runs the example, said in a note", async () => {
    const app = `from flask import Flask
from shop.settings import GREETING
app = Flask(__name__)
@app.route("/")
def home():
    return GREETING
`;
    const files = {
      'app.py': app,
      'shop/__init__.py': '',
      'shop/settings_example.py': 'GREETING = "from the example"\n',
    };
    const outcome = await run(files);
    serving(outcome);
    expect(outcome.standIns).toEqual([]);
    expect(outcome.notes).toContain(
      'the project has no module shop.settings (the operator writes it): the audit ran its example, shop/settings_example.py, in its place',
    );
    expect((await get('/')).body).toBe('from the example');

    // Without an example the import fails as it does in production: nothing is invented.
    const bare = await run({ 'app.py': app, 'shop/__init__.py': '' });
    expect(bare.exit?.code).not.toBe(0);
    expect(bare.log).toContain("No module named 'shop.settings'");
  });

  test('Redis at start runs on an empty in-memory Redis, one per host:port, said in a note', async () => {
    const app = `import os
from flask import Flask
from redis import Redis
app = Flask(__name__)
cache = Redis.from_url(os.environ.get("REDIS_URL", "redis://:secret@cache:6379/0"))
cache.ping()
cache.set("visits", 0)
other = Redis(host="queue", port=6379)
@app.route("/")
def home():
    cache.incr("visits")
    return f"{int(cache.get('visits'))} {other.get('visits')}"
`;
    const outcome = await run({ 'app.py': app });
    serving(outcome);
    expect(outcome.notes).toContain(
      'the Redis server cache:6379 cannot be reached from the audit: the app ran on an empty in-memory Redis (fakeredis)',
    );
    expect((await get('/')).body).toBe('1 None');
  });

  test("production's folders outside the project exist empty for the run, and are gone after it", async () => {
    const app = `import os
from flask import Flask
app = Flask(__name__)
configs = os.listdir("/etc/shop-wg")
@app.route("/")
def home():
    return f"{configs} {os.path.isdir('/var/lib/shop-state/uploads')}"
`;
    const outcome = await run({ 'app.py': app }, { directories: ['/etc/shop-wg', '/var/lib/shop-state/uploads'] });
    serving(outcome);
    expect(outcome.notes).toContain(
      'folders production has outside the project, created empty for the run: /etc/shop-wg, /var/lib/shop-state/uploads',
    );
    expect((await get('/')).body).toBe('[] True');

    const without = await run({ 'app.py': app });
    expect(without.exit?.code).not.toBe(0);
    expect(without.log).toContain("No such file or directory: '/etc/shop-wg'");
  });

  test("migrations replayed at start give the models' tables instead, said in a note", async () => {
    const app = `from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from flask_migrate import Migrate, upgrade
app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = "mysql+pymysql://shop:pw@db/shop"
db = SQLAlchemy(app)
Migrate(app, db)
class Order(db.Model):
    id = db.Column(db.Integer, primary_key=True)
with app.app_context():
    upgrade()
@app.route("/")
def home():
    return str(db.session.query(Order).count())
`;
    const outcome = await run({ 'app.py': app });
    serving(outcome);
    expect(outcome.notes).toContain(
      "flask_migrate.upgrade() at start: the audit created the models' tables instead of replaying the migrations (written for production's database)",
    );
    expect((await get('/')).body).toBe('0');
  });

  test('a submodule the bundled release dropped, asked for by the project, answers with the names that moved into its package', async () => {
    const app = `from flask import Flask
from wtforms.fields.html5 import EmailField, TelField
from wtforms.fields.html5 import GoneField
from flask_sqlalchemy import BaseQuery
import wtforms.fields
class SearchQuery(BaseQuery):
    pass
app = Flask(__name__)
@app.route("/")
def home():
    return f"{EmailField is wtforms.fields.EmailField} {TelField is wtforms.fields.TelField} {type(GoneField).__name__} {SearchQuery.__name__}"
`;
    // Imported itself by a `from … import` statement: that statement is not the one asking.
    const outcome = await run({
      'app.py': 'from shop import views\napp = views.app\n',
      'shop/__init__.py': '',
      'shop/views.py': app,
    });
    serving(outcome);
    // A name `from package import` asks for is an object, not a submodule: a class can be subclassed.
    expect(outcome.standIns).toEqual(['wtforms.fields.html5', 'flask_sqlalchemy.BaseQuery']);
    expect((await get('/')).body).toBe('True True GoneField SearchQuery');

    // The standard library's missing submodule stays an error.
    const probing = await run({ 'app.py': 'import json.nothing_here\n' });
    expect(probing.log).toContain("No module named 'json.nothing_here'");
  });

  test("a method an extension's object no longer has, written at a project module's top level, is stood in for; feature checks still see the truth", async () => {
    const app = `from flask import Flask
from flask_jwt_extended import JWTManager
from flask_marshmallow import Marshmallow
app = Flask(__name__)
jwt = JWTManager(app)
ma = Marshmallow(app)

@jwt.user_loader_callback_loader
def load_user(identity):
    return identity

class UserSchema(ma.ModelSchema):
    pass

# A column collection (a subclass of a container class the audit answers for) keeps its own lookup.
import sqlalchemy as sa
followers = sa.Table("followers", sa.MetaData(), sa.Column("follower", sa.Integer))
follower = followers.c.follower

@app.route("/")
def home():
    try:
        jwt.token_in_blacklist_loader
        at_request = "answered"
    except AttributeError:
        at_request = "AttributeError"
    return f"{load_user('me')} {getattr(jwt, 'gone', 'default')} {hasattr(ma, 'ModelSchema')} {at_request} {UserSchema.__name__} {follower.name}"
`;
    const outcome = await run({ 'app.py': app });
    serving(outcome);
    expect(outcome.standIns).toEqual([
      'flask_jwt_extended.jwt_manager.JWTManager.user_loader_callback_loader',
      'flask_marshmallow.Marshmallow.ModelSchema',
    ]);
    expect((await get('/')).body).toBe('me default False AttributeError UserSchema follower');
  });

  test('Gunicorn told to daemonize serves in the foreground (Pyodide has no fork), said in a note', async () => {
    const files = {
      'app.py': 'from flask import Flask\napp = Flask(__name__)\n@app.route("/")\ndef home():\n    return "up"\n',
      'gunicorn.conf.py': 'daemon = True\nwsgi_app = "app:app"\n',
    };
    const outcome = await run(files, { command: 'gunicorn --config gunicorn.conf.py' });
    serving(outcome);
    expect(outcome.notes).toContain(
      "Gunicorn's daemon setting forks into the background, which Pyodide cannot: the app was served in the foreground, as the daemon serves it",
    );
    expect((await get('/')).body).toBe('up');
  });

  test('an app that does not start: the settings of config classes production does not load are left out, an instance of the loaded one counts', async () => {
    const files = {
      'config.py': `import os
class ServerConfig:
    SECRET_KEY = os.environ.get("SECRET_KEY")
class TestingConfig(ServerConfig):
    SECRET_KEY = "AAAAAAAAAAAAAAAAAAAA"
    DEBUG = True
Config = ServerConfig()
`,
      'shop.py': `from flask import Flask
def create_app(config="config.Config"):
    app = Flask(__name__)
    app.config.from_object(config)
    raise RuntimeError("the database is not there")
`,
      'wsgi.py': 'from shop import create_app\napp = create_app()\n',
    };
    const outcome = await run(files, { command: 'gunicorn wsgi:app' });
    expect(outcome.serving).toBeNull();
    const facts = await runtime.call('facts', { session: 'audit-spec', files });
    expect(facts.debugSettings).toEqual([]);
    expect((facts.settingLocations?.['SECRET_KEY'] ?? []).map((at) => at.line)).toEqual([3]);
  });

  test('a model whose primary key comes from a stood-in mixin gets an Integer id; without one it still fails', async () => {
    const app = `from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from flask_dance.consumer.storage.sqla import OAuthConsumerMixin
app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = "postgresql://shop@db/shop"
db = SQLAlchemy(app)
class OAuth(OAuthConsumerMixin, db.Model):
    user_id = db.Column(db.Integer)
with app.app_context():
    db.create_all()
@app.route("/")
def home():
    return f"{OAuth.__table__.c.id.primary_key} {OAuth.query.count()}"
`;
    const outcome = await run({ 'app.py': app });
    serving(outcome);
    expect(outcome.notes).toContain(
      'the model OAuth takes its primary key from OAuthConsumerMixin, which the audit stands in for: it was given an Integer `id` primary key',
    );
    expect((await get('/')).body).toBe('True 0');

    const plain = await run({ 'app.py': app.replace('OAuthConsumerMixin, db.Model', 'db.Model') });
    expect(plain.exit?.code).not.toBe(0);
    expect(plain.log).toContain('could not assemble any primary key columns');
  });

  test('a configuration chosen by a condition on the environment: the branch it picks, both when it cannot be read', async () => {
    const settings = `class Config:
    SECRET_KEY = "from-the-base"
class DevConfig(Config):
    DEBUG = True
class ProdConfig(Config):
    DEBUG = False
class TestConfig(Config):
    DEBUG = True
`;
    const crash = (choice: string) => ({
      'settings.py': settings,
      'wsgi.py': `import os
from flask import Flask
from flask.helpers import get_debug_flag
from settings import DevConfig, ProdConfig
CONFIG = ${choice}
app = Flask(__name__)
app.config.from_object(CONFIG)
raise RuntimeError("no database")
`,
    });
    const debugLines = async (files: WorkspaceFiles, env: Record<string, string> = {}) => {
      await run(files, { command: 'gunicorn wsgi:app', env });
      const facts = await runtime.call('facts', { session: 'audit-spec', files });
      return facts.debugSettings.map((setting) => setting.line);
    };
    expect(await debugLines(crash('DevConfig if get_debug_flag() else ProdConfig'))).toEqual([]);
    expect(await debugLines(crash('DevConfig if get_debug_flag() else ProdConfig'), { FLASK_DEBUG: '1' })).toEqual([4]);
    expect(
      await debugLines(crash('ProdConfig if os.environ.get("APP_ENV") == "prod" else DevConfig'), { APP_ENV: 'prod' }),
    ).toEqual([]);
    // Undecidable: both branches may load, TestConfig never.
    expect(await debugLines(crash('DevConfig if os.path.exists("/x") else ProdConfig'))).toEqual([4]);
  });

  test("Flask-Caching takes the 1.x backend names, marshmallow 3's default= still works, decouple reads settings", async () => {
    const app = `from flask import Flask
from decouple import config
DEBUG = config("DEBUG", True, cast=bool)
from flask_caching import Cache
from marshmallow import Schema, fields
app = Flask(__name__)
cache = Cache(app, config={"CACHE_TYPE": "redis", "CACHE_REDIS_URL": "redis://cache:6379/1"})
class Profile(Schema):
    bio = fields.String(default="")
@app.route("/")
def home():
    cache.set("k", "cached")
    return f"{cache.get('k')} {Profile().dump({})} {DEBUG}"
`;
    const outcome = await run({ 'app.py': app });
    serving(outcome);
    expect((await get('/')).body).toBe("cached {'bio': ''} True");
  });
});

describe('the project pins an older Flask', () => {
  const app = `from flask import Flask
app = Flask(__name__)
@app.route("/")
def home():
    return "debug" if app.debug else "no debug"
`;

  test('Flask 2.0 pinned: FLASK_ENV=development turns debug on, and a note says which version decided', async () => {
    const outcome = await run(
      { 'app.py': app, 'requirements.txt': 'Flask==2.0.3\nWerkzeug==2.0.3\n' },
      { env: { FLASK_ENV: 'development' } },
    );
    serving(outcome);
    expect(outcome.serving?.debug).toBe(true);
    expect(outcome.versions).toContain(
      "Flask 2.0.3 is what the project installs (requirements.txt:1): there FLASK_ENV=development turns debug mode on (Flask removed FLASK_ENV in 2.3); the app ran with that version's rule",
    );
  });

  test('Flask 2.2 pinned: the config attributes 2.3 removed (app.session_cookie_name…) answer from app.config; with Flask 3 pinned they are gone', async () => {
    const reads = `from flask import Flask
app = Flask(__name__)
app.config["SESSION_COOKIE_NAME"] = "shop_session"
app.use_x_sendfile = False

@app.route("/")
def home():
    return f"{app.session_cookie_name} {app.propagate_exceptions} {app.templates_auto_reload} {app.env}"
`;
    const old = await run({ 'app.py': reads, 'requirements.txt': 'Flask==2.2.5\nWerkzeug==2.2.3\n' });
    serving(old);
    expect((await get('/')).body).toBe('shop_session False False production');
    expect(old.versions?.join(' ')).toContain('app.session_cookie_name');
    serving(await run({ 'app.py': reads, 'requirements.txt': 'Flask==3.1.3\n' }));
    const refused = await get('/');
    expect(refused.status).toBe(500);
    expect(refused.log).toContain("has no attribute 'session_cookie_name'");
  });

  test('a range below 2.3 in pyproject.toml counts too; FLASK_DEBUG=0 still wins, as in Flask 2.2', async () => {
    const pyproject = '[project]\nname = "shop"\ndependencies = ["flask>=2.0,<2.3"]\n';
    const on = await run({ 'app.py': app, 'pyproject.toml': pyproject }, { env: { FLASK_ENV: 'development' } });
    expect(on.serving?.debug).toBe(true);
    const off = await run(
      { 'app.py': app, 'pyproject.toml': pyproject },
      { env: { FLASK_ENV: 'development', FLASK_DEBUG: '0' } },
    );
    expect(off.serving?.debug).toBe(false);
  });

  test('Flask 3 pinned, or nothing pinned: FLASK_ENV does nothing, as in the bundled Flask', async () => {
    for (const requirements of ['Flask==3.0.3\n', 'gunicorn\n']) {
      const outcome = await run(
        { 'app.py': app, 'requirements.txt': requirements },
        { env: { FLASK_ENV: 'development' } },
      );
      serving(outcome);
      expect(outcome.serving?.debug).toBe(false);
      expect(outcome.versions).toEqual([]);
    }
  });
});

describe('the project pins an older Werkzeug', () => {
  const app = `from flask import Flask
app = Flask(__name__)
@app.route("/boom")
def boom():
    raise ValueError("boom")
if __name__ == "__main__":
    app.run(debug=True)
`;
  const crash = () =>
    runtime.call('request', {
      session: 'audit-spec',
      request: { method: 'GET', path: '/boom', headers: [['Host', 'shop.example']] },
    });

  test('before 3.0.3 the debugger offers its console to any Host, and a note says which version decided', async () => {
    const outcome = await run(
      { 'app.py': app, 'requirements.txt': 'flask==2.0.3\nwerkzeug==2.0.3\n' },
      { command: 'python app.py' },
    );
    serving(outcome);
    expect(
      outcome.versions?.some((v) => v.startsWith('Werkzeug 2.0.3 is what the project installs (requirements.txt:2)')),
    ).toBe(true);
    expect((await crash()).body).toContain('EVALEX = true');
  });

  test('from 3.0.3 (or unpinned) the bundled check holds: no console for a Host that is not localhost', async () => {
    const outcome = await run(
      { 'app.py': app, 'requirements.txt': 'flask==3.0.3\nwerkzeug==3.0.3\n' },
      { command: 'python app.py' },
    );
    serving(outcome);
    expect(outcome.versions).toEqual([]);
    expect((await crash()).body).toContain('EVALEX = false');
  });
});

describe('a pinned version older than the bundled one', () => {
  test('a name the bundled version dropped, imported by the project, gets a stand-in named module.Name', async () => {
    const app = `from flask import Flask
from itsdangerous import TimedJSONWebSignatureSerializer as Serializer
app = Flask(__name__)
@app.route("/")
def home():
    return type(Serializer("key", expires_in=3600)).__name__
`;
    const outcome = await run({ 'app.py': app, 'requirements.txt': 'flask==1.1.2\nitsdangerous==1.1.0\n' });
    serving(outcome);
    expect(outcome.standIns).toEqual(['itsdangerous.TimedJSONWebSignatureSerializer']);
    expect((await get('/')).status).toBe(200);
  });
});

test("stand-ins: warning classes are Warnings, a call given an app or a library's class is no decorator, strtobool works, UDP connect works", async () => {
  const app = `import socket, warnings
from flask import Flask
from flasgger import Swagger, swagger
from bs4 import MarkupResemblesLocatorWarning
from sqlalchemy import Integer
from sqlalchemy_searchable import vectorizer
from distutils.util import strtobool
warnings.filterwarnings("ignore", category=MarkupResemblesLocatorWarning)
app = Flask(__name__)
spec = swagger(app)
spec["basePath"] = "/"

@vectorizer(Integer)
def integer_vectorizer(column):
    return column

with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
    s.connect(("1.1.1.1", 80))
    ADDRESS = s.getsockname()[0]

@app.route("/")
def home():
    return f"{integer_vectorizer('c')} {ADDRESS} {strtobool('false')}"
`;
  const outcome = await run({ 'app.py': app });
  serving(outcome);
  expect((await get('/')).body).toBe('c 127.0.0.1 0');
});

test('a stood-in Flask-Babel given the app does what Flask-Babel does to Jinja: {% trans %} and _() render untranslated', async () => {
  const app = `from flask import Flask, render_template_string
from flask_babel import Babel

app = Flask(__name__)
babel = Babel()
babel.init_app(app)

@app.route("/")
def home():
    return render_template_string("{% trans %}Welcome{% endtrans %}, {{ _('shopper') }}")
`;
  const outcome = await run({ 'app.py': app });
  serving(outcome);
  expect((await get('/')).body).toBe('Welcome, shopper');
  // Without Flask-Babel, the same template is Jinja's syntax error, as in production.
  serving(
    await run({
      'app.py': app.replace('from flask_babel import Babel', 'Babel = lambda: None').replace('babel.init_app(app)', ''),
    }),
  );
  expect((await get('/')).status).toBe(500);
});

describe('servers', () => {
  test("gevent's WSGIServer without gevent serves the app where it was told, reported as gevent", async () => {
    const app = `from gevent.monkey import patch_all
from gevent.pywsgi import WSGIServer
patch_all()
from flask import Flask
app = Flask(__name__)

@app.route("/")
def home():
    return "green"

WSGIServer(("0.0.0.0", 8002), app).serve_forever()
`;
    const outcome = await run({ 'srv.py': app }, { command: 'python srv.py' });
    serving(outcome);
    expect(outcome.serving).toMatchObject({ server: 'gevent', host: '0.0.0.0', port: 8002 });
    expect((await get('/')).body).toBe('green');
  });

  test("gevent's WSGIServer passes X-Forwarded-For to the app as the client sent it (gevent reads and drops none)", async () => {
    const app = `from gevent.pywsgi import WSGIServer
from flask import Flask, request
app = Flask(__name__)

@app.route("/")
def home():
    return f"{request.headers.get('X-Forwarded-For')} {request.remote_addr}"

WSGIServer(("0.0.0.0", 8002), app).serve_forever()
`;
    serving(await run({ 'srv.py': app }, { command: 'python srv.py' }));
    const response = await runtime.call('request', {
      session: 'audit-spec',
      request: { method: 'GET', path: '/', headers: [['X-Forwarded-For', '10.6.6.6']], client: '203.0.113.66' },
    });
    expect(response.body).toBe('10.6.6.6 203.0.113.66');
  });

  test("Flask-Script's `manage.py runserver` without Flask-Script: Werkzeug's development server, debug as the app's", async () => {
    const manage = (server: string, debug: string) => `from flask import Flask
from flask_script import Manager, Server, Shell
app = Flask(__name__)
app.config["DEBUG"] = ${debug}
manager = Manager(app)
manager.add_command("shell", Shell())
${server}

@manager.command
def recreate_db():
    raise RuntimeError("not run")

@app.route("/")
def home():
    return "managed"

if __name__ == "__main__":
    manager.run()
`;
    const added = await run(
      { 'manage.py': manage('manager.add_command("runserver", Server(host="0.0.0.0"))', 'True') },
      {
        command: 'python manage.py runserver',
      },
    );
    serving(added);
    expect(added.serving).toMatchObject({ server: 'werkzeug', host: '0.0.0.0', port: 5000, debug: true });
    expect((await get('/')).body).toContain('managed');
    // Flask-Script's default runserver: 127.0.0.1:5000, the port from -p, debug off as the app's.
    const byDefault = await run(
      { 'manage.py': manage('', 'False') },
      { command: 'python manage.py runserver -p 8001' },
    );
    serving(byDefault);
    expect(byDefault.serving).toMatchObject({ host: '127.0.0.1', port: 8001, debug: false });
    // Any other command ends the program without serving, as in production.
    const other = await run({ 'manage.py': manage('', 'True') }, { command: 'python manage.py recreate_db' });
    expect(other.serving).toBeNull();
  });

  test("Gunicorn's gevent worker without gevent: served by a sync worker, said in a note; a lesson's run still fails", async () => {
    const files = { 'app.py': 'from flask import Flask\napp = Flask(__name__)\n' };
    const command = 'gunicorn -k gevent app:app';
    const audit = await run(files, { command });
    serving(audit);
    expect(audit.notes?.some((note) => note.startsWith("Gunicorn's gevent worker needs what the audit lacks"))).toBe(
      true,
    );
    const lesson = await run(files, { command, audit: false });
    expect(lesson.serving).toBeNull();
  });
});

test('Gunicorn reads a --config file relative to the project, whenever the harness imported Gunicorn', async () => {
  const files = { 'app.py': 'from flask import Flask\napp = Flask(__name__)\n', 'gunicorn_config.py': 'workers = 3\n' };
  for (const audit of [true, false]) {
    const outcome = await run(files, { command: 'gunicorn --config gunicorn_config.py app:app', audit });
    serving(outcome);
    expect(outcome.serving?.settings['workers']).toBe(3);
  }
});

describe('classes extending stood-in ones, decorator factories, libraries that keep models', () => {
  test('super().anything and cls.anything on a stood-in base give stand-ins; a name a real base defines stays its own', async () => {
    const app = `from flask import Flask
from spinach.contrib.flask_spinach import Spinach
from pydantic import BaseModel
from flask_dance.consumer.storage.sqla import OAuthConsumerMixin

class Greeter:
    def greet(self):
        return "real"

class Tasks(Spinach):
    def init_app(self, app):
        app.config["QUEUE"] = "set"
        super().init_app(app)
        self.register_tasks(app, [])

class Mixed(OAuthConsumerMixin, Greeter):
    def greet(self):
        return super().greet() + " " + type(super().token).__name__

class Response(BaseModel):
    @classmethod
    def apidoc(cls):
        schema = cls.schema()
        del schema["definitions"]["data"]
        return schema

app = Flask(__name__)
Tasks().init_app(app)
DOC = Response.apidoc()
NAMESPACE = app.extensions["spinach"].namespace

@app.route("/")
def home():
    return f"{app.config['QUEUE']} {Mixed().greet()} {DOC!r} {NAMESPACE!r} {app.extensions.get('other')}"
`;
    const outcome = await run({ 'app.py': app });
    serving(outcome);
    expect((await get('/')).body).toBe(
      "set real token <stand-in pydantic.BaseModel.schema()> <stand-in app.extensions['spinach'].namespace> None",
    );
    expect(outcome.standIns).toEqual(['spinach', 'pydantic', 'flask_dance']);
  });

  test("a decorator factory given a project class already defined (apifairy's @body(Schema)) hands back a decorator; a class being defined is decorated", async () => {
    const app = `from flask import Flask
from apifairy import body, response
from plugins import register

class LoginSchema:
    def __init__(self):
        pass

@register
class Plugin:
    pass

app = Flask(__name__)

def collection(schema):
    class Paginated:
        pass
    return Paginated

@app.route("/", methods=["GET"])
@body(LoginSchema)
@response(LoginSchema, status_code=200)
def login():
    return f"view {Plugin.__name__}"

@app.route("/list")
@response(collection(LoginSchema))
def listing():
    return "list"
`;
    const outcome = await run({ 'app.py': app });
    serving(outcome);
    expect((await get('/')).body).toBe('view Plugin');
    expect((await get('/list')).body).toBe('list');
  });

  test("a library's own declarative base (alchemical, bundled) starts afresh in the next run, as a new process", async () => {
    const app = `import sqlalchemy as sa
from sqlalchemy import orm as so
from flask import Flask
from alchemical.flask import Alchemical
from alchemical import Model

followers = sa.Table("followers", Model.metadata, sa.Column("follower_id", sa.ForeignKey("users.id")))

class User(Model):
    __tablename__ = "users"
    id: so.Mapped[int] = so.mapped_column(primary_key=True)

app = Flask(__name__)
app.config["ALCHEMICAL_DATABASE_URL"] = "postgresql://app:pw@db/app"
db = Alchemical(app)
with app.app_context():
    db.create_all()
    db.session.add(User())
    db.session.commit()

@app.route("/")
def home():
    return str(db.session.scalar(sa.select(sa.func.count(User.id))))
`;
    for (const _ of [1, 2]) {
      const outcome = await run({ 'app.py': app });
      serving(outcome);
      expect(outcome.standIns).toEqual([]);
      expect((await get('/')).body).toBe('1');
    }
  });

  test("an alembic operation SQLite refuses, run on a database the audit substituted, is skipped and said; on the project's own SQLite it fails", async () => {
    const app = (url: string) => `import sqlalchemy as sa
from alembic.migration import MigrationContext
from alembic.operations import Operations
from flask import Flask

engine = sa.create_engine("${url}")
with engine.begin() as conn:
    conn.execute(sa.text("CREATE TABLE a (id INTEGER PRIMARY KEY, b_id INTEGER)"))
    conn.execute(sa.text("CREATE TABLE b (id INTEGER PRIMARY KEY)"))
# A second engine for the same URL reaches the same database, as production's would.
migrations = sa.create_engine("${url}", poolclass=sa.pool.NullPool)
with migrations.begin() as conn:
    Operations(MigrationContext.configure(conn)).create_foreign_key("fk_a_b", "a", "b", ["b_id"], ["id"])
TABLES = sa.inspect(migrations).get_table_names()
app = Flask(__name__)

@app.route("/")
def home():
    return " ".join(TABLES)
`;
    const substituted = await run({ 'app.py': app('mysql+pymysql://ctf:pw@db/ctfd') });
    serving(substituted);
    expect((await get('/')).body).toBe('a b');
    expect(substituted.notes).toContain(
      "a migration's CreateForeignKeyOp was written for mysql+pymysql://ctf:***@db/ctfd; SQLite, the audit's database, cannot run it: skipped",
    );
    const own = await run({ 'app.py': app('sqlite://') });
    expect(own.log).toContain('No support for ALTER of constraints in SQLite dialect');
    expect(own.serving).toBeNull();
  });

  test("a migration context opened after Flask-Migrate's upgrade finds the tables of every model, those defined since too", async () => {
    const app = `import sqlalchemy as sa
from alembic.migration import MigrationContext
from flask import Flask
from flask_migrate import Migrate, upgrade
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = "postgresql://ctf:pw@db/ctf"
db = SQLAlchemy(app)
Migrate(app, db)

class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)

with app.app_context():
    upgrade()

    class Plugin(db.Model):
        id = db.Column(db.Integer, primary_key=True)

    with sa.create_engine("postgresql://ctf:pw@db/ctf").connect() as conn:
        MigrationContext.configure(conn)
        TABLES = sa.inspect(conn).get_table_names()

@app.route("/")
def home():
    return " ".join(TABLES)
`;
    const outcome = await run({ 'app.py': app });
    serving(outcome);
    expect((await get('/')).body).toBe('plugin user');
  });

  test('SQLAlchemy 1.x pinned: Connection.execute takes a string of SQL, as 1.4 did, said in a note; with 2.x pinned it is refused', async () => {
    const app = `import sqlalchemy as sa
from flask import Flask
engine = sa.create_engine("sqlite://")
with engine.connect() as conn:
    conn.execute("CREATE TABLE t (id INTEGER)")
    TABLES = sa.inspect(conn).get_table_names()
app = Flask(__name__)

@app.route("/")
def home():
    return " ".join(TABLES)
`;
    const old = await run({ 'app.py': app, 'requirements.txt': 'flask\nsqlalchemy==1.4.54\n' });
    serving(old);
    expect((await get('/')).body).toBe('t');
    expect(old.notes).toContain(
      "SQLAlchemy 1.4.54 is what the project installs (requirements.txt:2): there Connection.execute() takes a string of SQL (SQLAlchemy 2.0 refuses it); the app ran with that version's rule",
    );
    const current = await run({ 'app.py': app, 'requirements.txt': 'sqlalchemy>=2.0\n' });
    expect(current.log).toContain('ObjectNotExecutableError');
    expect(current.serving).toBeNull();
  });

  test('a migration script the app replays itself on a substituted database does not run, said; on its own SQLite it runs', async () => {
    const app = (url: string) => `import sqlalchemy as sa
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.operations import Operations
from alembic.script import ScriptDirectory
from flask import Flask

engine = sa.create_engine("${url}")
config = Config()
config.set_main_option("script_location", "plugin/migrations")
script = ScriptDirectory.from_config(config)
with engine.begin() as conn:
    op = Operations(MigrationContext.configure(conn))
    for revision in script.walk_revisions():
        revision.module.upgrade(op=op)
    TABLES = sa.inspect(conn).get_table_names()
app = Flask(__name__)

@app.route("/")
def home():
    return " ".join(TABLES) or "none"
`;
    const migration = `revision = "a1"
down_revision = None

def upgrade(op=None):
    op.create_table("made", __import__("sqlalchemy").Column("id", __import__("sqlalchemy").Integer, primary_key=True))
`;
    const files = (url: string) => ({ 'app.py': app(url), 'plugin/migrations/versions/a1_make.py': migration });
    const substituted = await run(files('postgresql://u:pw@db/app'));
    serving(substituted);
    expect((await get('/')).body).toBe('none');
    expect(substituted.notes).toContain(
      "migrations the app replays itself on postgresql://u:***@db/app at start were not run: the audit's database has the models' tables instead",
    );
    const own = await run(files('sqlite://'));
    serving(own);
    expect((await get('/')).body).toBe('made');
  });
});
