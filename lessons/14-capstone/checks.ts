import { defineChecks } from '../../src/lib/content/define-checks';

const SECRET = { SECRET_KEY: 'a-long-random-value-from-the-secret-store' };
const LOGIN = {
  method: 'POST',
  path: '/login',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
};

export default defineChecks([
  {
    kind: 'service-starts',
    id: 'service-starts',
    title: 'The process manager finds every path it is given on the server',
    // The server as the provisioning left it: the virtual environment (pip install --require-hashes -r
    // requirements.txt, with Gunicorn or Waitress) and the env file the secret store writes.
    machine: [
      '/srv/shop/venv/bin/python',
      '/srv/shop/venv/bin/gunicorn',
      '/srv/shop/venv/bin/waitress-serve',
      '/etc/shop/shop.env',
    ],
    hint: 'The secret store writes /etc/shop/shop.env; the venv is /srv/shop/venv; the app is in /srv/shop.',
  },
  {
    kind: 'managed-command',
    id: 'absolute-command',
    title: "The unit or program starts the virtual environment's server by absolute path",
  },
  {
    kind: 'rule',
    id: 'production-server',
    title: 'Production runs Gunicorn or Waitress, not the development server',
    rule: 'dev-server-in-production',
    env: SECRET,
  },
  {
    kind: 'rule',
    id: 'loopback-only',
    title: 'The app server listens on 127.0.0.1 or a unix socket, for the proxy only',
    rule: 'bind-all-interfaces',
    env: SECRET,
  },
  {
    kind: 'rule',
    id: 'not-root',
    title: 'The app does not run as root',
    rule: 'unit-runs-as-root',
    hint: 'User=shop (systemd) or user=shop (Supervisor).',
  },
  {
    kind: 'requirements-pinned',
    id: 'pinned-with-hashes',
    title: 'Every requirement is one version, with its hash',
  },
  {
    kind: 'blue-team',
    id: 'site-works',
    title: 'Blue team: the shop works over https, with https links and the visitor in the logs',
    env: SECRET,
    visits: [
      { path: '/', status: 200, bodyIncludes: ['Corner Shop'] },
      { ...LOGIN, body: 'user=ann&password=wrong', status: 401, logsClient: true },
      // A form with no fields is no password: an unknown user must never match a missing one.
      { ...LOGIN, body: '', status: 401 },
      { ...LOGIN, body: 'user=admin&password=a-very-long-admin-passphrase', status: 302 },
      { path: '/admin', status: 200, bodyIncludes: ['price-list.txt'] },
      { path: '/download?name=price-list.txt', status: 200, bodyIncludes: ['Espresso beans'] },
    ],
    hint: 'A 502 means the proxy and the app server disagree on where the app listens; 127.0.0.1 in the log means the app does not believe the one proxy in front.',
  },
  {
    kind: 'audit-clean',
    id: 'audit-clean',
    title: 'Every rule runs on the deployment and finds nothing',
    env: SECRET,
    hint: 'Each finding names its rule: docs/rules.md says what it means and how to fix it.',
  },
  {
    kind: 'red-team',
    id: 'red-team',
    title: "Red team: every earlier lesson's attack fails",
    env: SECRET,
    hint: 'Each attack that still works names its lesson: open it, the fix is there.',
  },
]);
