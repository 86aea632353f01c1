import { defineChecks } from '../../src/lib/content/define-checks';

const SECRET = { SECRET_KEY: 'a-long-random-value-from-the-secret-store' };

export default defineChecks([
  { kind: 'nginx-syntax', id: 'nginx-parses', title: 'nginx/shop.conf parses' },
  { kind: 'python-syntax', id: 'parses', title: 'Every Python file parses' },
  {
    kind: 'rule',
    id: 'proxy-headers',
    title: 'The proxied location passes Host, X-Forwarded-For and X-Forwarded-Proto',
    rule: 'proxy-headers-missing',
    env: SECRET,
  },
  {
    kind: 'rule',
    id: 'catch-all',
    title: 'Unknown host names never reach the app',
    rule: 'host-header-spoofable',
    env: SECRET,
    hint: 'default_server blocks with server_name _: return 444 on port 80, ssl_reject_handshake on 443.',
  },
  {
    kind: 'rule',
    id: 'proxyfix',
    title: 'The app sees the visitor and https, not nginx',
    rule: 'proxyfix-missing',
    env: SECRET,
    hint: 'from werkzeug.middleware.proxy_fix import ProxyFix; app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1)',
  },
  {
    kind: 'rule',
    id: 'forged-xff-ignored',
    redTeam: 'forged X-Forwarded-For',
    title: 'A forged X-Forwarded-For does not become the client address',
    rule: 'proxyfix-miscounted',
    env: SECRET,
  },
  {
    kind: 'proxy-request',
    id: 'https-urls',
    title: 'url_for(..., _external=True) builds https URLs for the real host',
    env: SECRET,
    request: { scheme: 'https', path: '/', probe: true },
    expect: { status: 200, scheme: 'https', remoteAddr: '198.51.100.23', host: 'shop.example', externalUrlPrefix: 'https://shop.example/' },
    because: 'links and redirects the app builds must point at the https site',
  },
]);
