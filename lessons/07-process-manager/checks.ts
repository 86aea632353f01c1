import { defineChecks } from '../../src/lib/content/define-checks';

const SECRET = { SECRET_KEY: 'a-long-random-value-from-the-secret-store' };

export default defineChecks([
  {
    kind: 'managed-command',
    id: 'absolute-command',
    title: "The unit starts the virtual environment's server by absolute path",
    hint: 'ExecStart=/srv/shop/venv/bin/gunicorn -c /srv/shop/gunicorn.conf.py wsgi:app',
  },
  {
    kind: 'rule',
    id: 'production-server',
    title: 'The unit runs a production server',
    rule: 'dev-server-in-production',
    env: SECRET,
  },
  { kind: 'rule', id: 'not-root', title: 'The service does not run as root', rule: 'unit-runs-as-root', hint: 'User=shop and Group=shop' },
  { kind: 'rule', id: 'restarts', redTeam: 'a crash, then no restart', title: 'A crashed app is restarted', rule: 'unit-no-restart', hint: 'Restart=on-failure' },
  {
    kind: 'rule',
    id: 'secret-outside-unit',
    redTeam: 'the secret in systemctl show',
    title: 'No secret in the unit file',
    rule: 'secret-in-unit-environment',
    hint: 'EnvironmentFile=/etc/shop/shop.env (chmod 600, owned by root), or LoadCredential=.',
  },
  {
    kind: 'rule',
    id: 'sandboxed',
    title: 'Basic sandboxing is on',
    rule: 'unit-not-hardened',
    hint: 'NoNewPrivileges=yes, ProtectSystem=strict, PrivateTmp=yes',
  },
  {
    kind: 'http',
    id: 'serves',
    title: 'What the unit starts serves the shop, and the attack gets a generic 500',
    env: SECRET,
    request: { path: '/orders/abc' },
    expect: { status: 500, noTraceback: true, noSecret: true },
  },
]);
