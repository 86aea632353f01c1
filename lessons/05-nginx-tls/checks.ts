import { defineChecks } from '../../src/lib/content/define-checks';

const SECRET = { SECRET_KEY: 'a-long-random-value-from-the-secret-store' };

export default defineChecks([
  { kind: 'nginx-syntax', id: 'nginx-parses', title: 'nginx/shop.conf parses' },
  {
    kind: 'rule',
    id: 'https-redirect',
    title: 'Plain HTTP redirects to https',
    rule: 'no-https-redirect',
    env: SECRET,
    hint: 'A server on port 80 with: return 301 https://$host$request_uri;',
  },
  {
    kind: 'rule',
    id: 'modern-tls',
    redTeam: 'TLS 1.0',
    title: "TLS follows Mozilla's intermediate profile",
    rule: 'weak-tls',
    env: SECRET,
    hint: 'In the TLS server: ssl_protocols TLSv1.2 TLSv1.3; at the top: the six ECDHE ssl_ciphers of Mozilla 6.0 intermediate (listed in the lesson).',
  },
  { kind: 'rule', id: 'no-version', title: 'nginx does not announce its version', rule: 'server-tokens', env: SECRET },
  {
    kind: 'rule',
    id: 'headers-kept',
    title: 'No location drops the security headers',
    rule: 'add-header-dropped',
    env: SECRET,
    hint: '`expires 1d;` sets Cache-Control without an add_header of its own.',
  },
  {
    kind: 'rule',
    id: 'headers-always',
    title: 'Security headers are sent on error responses too',
    rule: 'header-missing-always',
    env: SECRET,
  },
  { kind: 'rule', id: 'static-safe', redTeam: 'alias traversal', title: 'The static files alias cannot be escaped', rule: 'alias-traversal', env: SECRET },
  {
    kind: 'proxy-request',
    id: 'attack-through-nginx',
    title: 'The attack through nginx gets a generic 500, with HSTS',
    env: SECRET,
    request: { scheme: 'https', path: '/orders/abc' },
    expect: { status: 500, noTraceback: true, headers: ['Strict-Transport-Security'] },
    because: 'errors must stay on the server, and error pages need the security headers too',
  },
]);
