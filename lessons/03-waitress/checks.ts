import { defineChecks } from '../../src/lib/content/define-checks';

const SECRET = { SECRET_KEY: 'a-long-random-value-from-the-secret-store' };

export default defineChecks([
  { kind: 'python-syntax', id: 'parses', title: 'Every Python file parses' },
  {
    kind: 'rule',
    id: 'production-server',
    title: 'Production runs Waitress, not the development server',
    rule: 'dev-server-in-production',
    env: SECRET,
    hint: 'The Procfile says what production starts: make its web process run serve.py.',
  },
  {
    kind: 'rule',
    id: 'loopback-only',
    title: 'Waitress listens on 127.0.0.1 only',
    rule: 'bind-all-interfaces',
    env: SECRET,
    hint: 'serve(app) with no host listens on every interface. Pass listen="127.0.0.1:8080".',
  },
  {
    kind: 'server-settings',
    id: 'threads-set',
    title: 'The thread count is chosen, not left to the default',
    server: 'waitress',
    env: SECRET,
    require: [{ setting: 'threads', check: 'explicit' }],
  },
  {
    kind: 'client-view',
    id: 'proxy-headers-trusted',
    title: "Behind nginx the app sees the client's address and https",
    env: SECRET,
    client: '127.0.0.1',
    headers: { 'X-Forwarded-For': '198.51.100.23', 'X-Forwarded-Proto': 'https' },
    expect: { remoteAddr: '198.51.100.23', scheme: 'https' },
    because: 'nginx on 127.0.0.1 passes the real client and scheme in X-Forwarded-*; trust it with trusted_proxy',
    hint: 'trusted_proxy="127.0.0.1" and trusted_proxy_headers naming x-forwarded-for and x-forwarded-proto.',
  },
  {
    kind: 'rule',
    id: 'forged-headers-ignored',
    title: 'Forwarded headers from anyone but nginx are ignored',
    rule: 'proxy-trust-wildcard',
    env: SECRET,
  },
  {
    kind: 'rule',
    id: 'no-tracebacks',
    title: 'No traceback reaches the client',
    rule: 'traceback-exposed',
    env: SECRET,
  },
  {
    kind: 'http',
    id: 'generic-500',
    title: 'The attack from lesson 1 gets a generic 500 through Waitress',
    env: SECRET,
    request: { path: '/orders/abc' },
    expect: { status: 500, noTraceback: true, noSecret: true, logIncludes: ['Traceback (most recent call last)'] },
  },
]);
