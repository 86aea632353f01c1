import { defineChecks } from '../../src/lib/content/define-checks';

const SECRET = { SECRET_KEY: 'a-long-random-value-from-the-secret-store' };

export default defineChecks([
  { kind: 'python-syntax', id: 'parses', title: 'Every Python file parses' },
  {
    kind: 'rule',
    id: 'production-server',
    title: 'Production runs Gunicorn, not the development server',
    rule: 'dev-server-in-production',
    env: SECRET,
  },
  {
    kind: 'rule',
    id: 'loopback-only',
    title: 'Gunicorn listens on 127.0.0.1 or a unix socket',
    rule: 'bind-all-interfaces',
    env: SECRET,
    hint: 'bind = "127.0.0.1:8000"',
  },
  {
    kind: 'server-settings',
    id: 'workers-from-cpus',
    title: 'The worker count follows the CPU count',
    server: 'gunicorn',
    env: SECRET,
    require: [{ setting: 'workers', check: 'scales-with-cpus' }],
    hint: 'workers = int(os.environ.get("WEB_CONCURRENCY", min(multiprocessing.cpu_count() * 2 + 1, 12)))',
  },
  {
    kind: 'rule',
    id: 'worker-timeout',
    title: 'A stuck worker is replaced',
    rule: 'worker-timeout-disabled',
    env: SECRET,
  },
  {
    kind: 'rule',
    id: 'no-reload',
    title: 'No code reloader in production',
    rule: 'gunicorn-reload',
    env: SECRET,
  },
  {
    kind: 'server-settings',
    id: 'logs',
    title: 'Access and error logs go where the process manager collects them',
    server: 'gunicorn',
    env: SECRET,
    require: [
      { setting: 'accesslog', check: 'set' },
      { setting: 'errorlog', check: 'set' },
    ],
    hint: 'accesslog = "-" and errorlog = "-" write to standard output and error, into the journal.',
  },
  {
    kind: 'rule',
    id: 'forged-headers-ignored',
    title: 'Forwarded headers from anyone but nginx are ignored',
    rule: 'proxy-trust-wildcard',
    env: SECRET,
  },
  {
    kind: 'client-view',
    id: 'https-from-proxy',
    title: 'Behind nginx the app sees https',
    env: SECRET,
    client: '127.0.0.1',
    headers: { 'X-Forwarded-Proto': 'https' },
    expect: { scheme: 'https' },
    because: 'nginx on 127.0.0.1 says the client used https; forwarded_allow_ips must include it',
  },
  {
    kind: 'http',
    id: 'generic-500',
    title: 'The attack from lesson 1 gets a generic 500 through Gunicorn',
    env: SECRET,
    request: { path: '/orders/abc' },
    expect: { status: 500, noTraceback: true, noSecret: true, logIncludes: ['Traceback (most recent call last)'] },
  },
]);
