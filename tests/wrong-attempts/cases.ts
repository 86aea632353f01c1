/**
 * The wrong attempts and correct variants of tests/wrong-attempts.spec.ts. Each changes a lesson's
 * solution with `edit`, which fails when the text it replaces is missing, so a case never quietly
 * turns into the solution itself.
 */
import type { WorkspaceFiles } from '../../src/lib/runtime/protocol';

export interface Expected {
  /** Text the failure message must contain. */
  message: string;
  /** Where the marker must sit, when it matters: the file, and its line in the attempt's files. */
  file?: string;
  line?: number | ((files: WorkspaceFiles) => number);
}

export interface Attempt {
  lesson: string;
  name: string;
  /** The files this attempt changes or adds, computed from the solution's files. */
  files: (solution: WorkspaceFiles) => WorkspaceFiles;
  remove?: string[];
  /** 'pass': a correct variant, every check passes. Else: checks that must fail, with what. */
  expect: 'pass' | Record<string, Expected>;
  /** No other check may fail: one cause, one failure (the rest pass or are not run). */
  onlyFailure?: boolean;
}

/** `text` with `from` replaced by `to`; throws when `from` is not in it. */
export function edit(text: string | undefined, from: string, to: string): string {
  if (text === undefined || !text.includes(from)) throw new Error(`edit: ${JSON.stringify(from)} is not in the text`);
  return text.replace(from, to);
}

/** The 1-based line of the first line containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`lineOf: ${JSON.stringify(needle)} is not in the text`);
  return index + 1;
}

const FLASK_PATH = '/lib/python3.14/site-packages/flask/app.py';
const FINDINGS_WITH_FLASK_PATH = `# Findings

- Secret key: sk_live_4f9a7c21e8b35d60
- Source file path on the server: ${FLASK_PATH}
`;

const TRUTHY_ZERO = 'app.run(debug=os.environ.get("FLASK_DEBUG"))';
const NO_SECRET_CHECK = 'app.config["SECRET_KEY"] = os.environ.get("SECRET_KEY")';
const CRASHING_READ = 'app.config["SECRET_KEY"] = required_settings("SECRET_KEY")';
/** Lesson 04's solution line: workers from WEB_CONCURRENCY, else from the CPU count with a cap. */
const SOLUTION_WORKERS =
  'workers = int(os.environ.get("WEB_CONCURRENCY", min(multiprocessing.cpu_count() * 2 + 1, 12)))';
const GUNICORN_NAME_ERROR = 'workers = cpu_count() * 2 + 1';
const SITE = 'nginx/shop.conf';
const HSTS = '    add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;\n';

/** The https server's HSTS line moved up under a server_name that lost its `;`. */
function swallowedHsts(site: string | undefined): string {
  const withoutHsts = edit(site, HSTS, '');
  return edit(
    withoutHsts,
    '    server_name shop.example;\n\n    ssl_certificate',
    `    server_name shop.example\n${HSTS}\n    ssl_certificate`,
  );
}

export const ATTEMPTS: Attempt[] = [
  {
    lesson: '01-the-open-door',
    name: "Flask's own file instead of the app's",
    files: () => ({ 'FINDINGS.md': FINDINGS_WITH_FLASK_PATH }),
    expect: {
      'names-the-leak': {
        message: `names ${FLASK_PATH}, the path of Flask's own file, not your app's`,
        file: 'FINDINGS.md',
        line: lineOf(FINDINGS_WITH_FLASK_PATH, FLASK_PATH),
      },
    },
  },
  {
    lesson: '02-debug-off',
    name: 'debug= the raw FLASK_DEBUG string: "0" is true',
    files: (s) => ({ 'app.py': edit(s['app.py'], '    app.run()', `    ${TRUTHY_ZERO}`) }),
    expect: { 'debug-opt-in': { message: 'The string "0" is true in Python' } },
  },
  {
    lesson: '02-debug-off',
    name: 'SECRET_KEY read without a check: the app starts without it',
    files: (s) => ({
      'app.py': edit(s['app.py'], 'app.config["SECRET_KEY"] = required_setting("SECRET_KEY")', NO_SECRET_CHECK),
    }),
    expect: {
      'refuses-without-secret': {
        message: 'the app starts anyway',
        file: 'app.py',
        line: 19,
      },
    },
  },
  {
    lesson: '02-debug-off',
    name: 'a NameError at start: one error, told as it is',
    files: (s) => ({
      'app.py': edit(s['app.py'], 'app.config["SECRET_KEY"] = required_setting("SECRET_KEY")', CRASHING_READ),
    }),
    expect: {
      'debug-off-in-production': {
        message: "The app does not start: NameError: name 'required_settings' is not defined",
        file: 'app.py',
        line: 19,
      },
    },
    onlyFailure: true,
  },
  {
    lesson: '02-debug-off',
    name: 'correct: app.config.from_prefixed_env() reads FLASK_DEBUG as JSON',
    files: (s) => ({
      'app.py': edit(
        s['app.py'],
        'app = Flask(__name__)\n',
        'app = Flask(__name__)\n# FLASK_DEBUG=0 becomes DEBUG=0 (JSON), FLASK_DEBUG=1 DEBUG=1.\napp.config.from_prefixed_env()\n',
      ),
    }),
    expect: 'pass',
  },
  {
    lesson: '04-gunicorn',
    name: 'a NameError in gunicorn.conf.py: one error, the rest not run',
    files: (s) => ({
      'gunicorn.conf.py': edit(s['gunicorn.conf.py'], SOLUTION_WORKERS, GUNICORN_NAME_ERROR),
    }),
    expect: {
      'production-server': {
        message: "NameError: name 'cpu_count' is not defined",
        file: 'gunicorn.conf.py',
        line: (files) => lineOf(files['gunicorn.conf.py']!, GUNICORN_NAME_ERROR),
      },
    },
    onlyFailure: true,
  },
  {
    lesson: '04-gunicorn',
    name: 'correct: workers from WEB_CONCURRENCY when set and not empty, capped CPU count otherwise',
    files: (s) => ({
      'gunicorn.conf.py': edit(
        s['gunicorn.conf.py'],
        SOLUTION_WORKERS,
        'workers = int(os.environ.get("WEB_CONCURRENCY") or min(multiprocessing.cpu_count() * 2 + 1, 12))',
      ),
    }),
    expect: 'pass',
  },
  {
    lesson: '04-gunicorn',
    name: 'correct: a unix socket (Gunicorn trusts forwarded headers on it)',
    files: (s) => ({
      'gunicorn.conf.py': edit(
        s['gunicorn.conf.py'],
        'bind = "127.0.0.1:8000"',
        'bind = "unix:/run/shop/gunicorn.sock"',
      ),
    }),
    expect: 'pass',
  },
  {
    lesson: '06-nginx-proxy',
    name: 'correct: a unix-socket Gunicorn behind nginx',
    files: (s) => ({
      'gunicorn.conf.py': edit(
        s['gunicorn.conf.py'],
        'bind = "127.0.0.1:8000"',
        'bind = "unix:/run/shop/gunicorn.sock"',
      ),
      [SITE]: edit(s[SITE], 'proxy_pass http://127.0.0.1:8000;', 'proxy_pass http://unix:/run/shop/gunicorn.sock;'),
    }),
    expect: 'pass',
  },
  {
    lesson: '06-nginx-proxy',
    name: 'correct: the TLS catch-all refuses the handshake',
    files: (s) => ({ [SITE]: s[SITE]! }),
    expect: 'pass',
  },
  {
    lesson: '06-nginx-proxy',
    name: 'a misspelled directive',
    files: (s) => ({
      [SITE]: edit(s[SITE], 'proxy_set_header X-Forwarded-Host $host;', 'proxy_set_headr X-Forwarded-Host $host;'),
    }),
    expect: { 'nginx-parses': { message: 'unknown directive "proxy_set_headr"' } },
  },
  {
    lesson: '05-nginx-tls',
    name: 'a missing ; after server_name swallows the next add_header',
    files: (s) => ({ [SITE]: swallowedHsts(s[SITE]) }),
    expect: {
      'headers-always': {
        message: 'has no `;` at the end of line',
        file: SITE,
        line: (files) => files[SITE]!.split('\n').findIndex((text) => text.trim() === 'server_name shop.example') + 1,
      },
      'attack-through-nginx': { message: 'without Strict-Transport-Security' },
    },
  },
  {
    lesson: '05-nginx-tls',
    name: 'TLS 1.0 still in the protocols list',
    files: (s) => ({ [SITE]: edit(s[SITE], 'ssl_protocols TLSv1.2 TLSv1.3;', 'ssl_protocols TLSv1 TLSv1.2 TLSv1.3;') }),
    expect: {
      'modern-tls': {
        message: 'ssl_protocols allows TLSv1',
        file: SITE,
        line: (files) => lineOf(files[SITE]!, 'ssl_protocols TLSv1 TLSv1.2'),
      },
    },
  },
  {
    lesson: '05-nginx-tls',
    name: 'X-Frame-Options without always',
    files: (s) => ({
      [SITE]: edit(s[SITE], 'add_header X-Frame-Options DENY always;', 'add_header X-Frame-Options DENY;'),
    }),
    expect: { 'headers-always': { message: 'add_header X-Frame-Options has no `always`' } },
  },
  {
    lesson: '07-process-manager',
    name: 'the secret as docker-style -e on ExecStart=',
    files: (s) => ({
      'shop.service': edit(
        s['shop.service'],
        'ExecStart=/srv/shop/venv/bin/gunicorn',
        'ExecStart=/usr/bin/env SECRET_KEY=sk_live_4f9a7c21e8b35d60 /srv/shop/venv/bin/gunicorn',
      ),
    }),
    expect: { 'secret-outside-unit': { message: 'SECRET_KEY' } },
  },
  {
    lesson: '07-process-manager',
    name: 'LoadCredential= for an app that reads os.environ',
    files: (s) => ({
      'shop.service': edit(
        s['shop.service'],
        'EnvironmentFile=/etc/shop/shop.env',
        'LoadCredential=secret_key:/etc/shop/secret_key',
      ),
    }),
    expect: {
      'production-server': {
        message:
          'LoadCredential= hands secret_key over as a file in $CREDENTIALS_DIRECTORY (/run/credentials/shop.service)',
        file: 'app.py',
        line: 17,
      },
    },
  },
  {
    lesson: '07-process-manager',
    name: 'correct: LoadCredential= and an app that reads the credential file',
    files: (s) => ({
      'shop.service': edit(
        s['shop.service'],
        'EnvironmentFile=/etc/shop/shop.env',
        'LoadCredential=secret_key:/etc/shop/secret_key',
      ),
      'app.py': edit(
        s['app.py'],
        'app.config["SECRET_KEY"] = required_setting("SECRET_KEY")',
        '# systemd hands credentials over as files in $CREDENTIALS_DIRECTORY (LoadCredential=).\n' +
          'with open(os.path.join(os.environ["CREDENTIALS_DIRECTORY"], "secret_key")) as handle:\n' +
          '    app.config["SECRET_KEY"] = handle.read().strip()',
      ),
    }),
    expect: 'pass',
  },
];
