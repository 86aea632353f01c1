import { defineChecks } from '../../src/lib/content/define-checks';

const SECRET = { SECRET_KEY: 'a-long-random-value-from-the-secret-store' };

export default defineChecks([
  { kind: 'nginx-syntax', id: 'nginx-parses', title: 'nginx/shop.conf parses' },
  {
    kind: 'certificate-chain',
    id: 'full-chain',
    title: 'A client that trusts only the root accepts the certificate',
    // The grader's clock: inside the lesson certificate's 90 days (2026-01-05 to 2026-04-05), fixed so the
    // tests do not expire with it (lessons/_templates/shop-letsencrypt/README-certificates.md).
    clock: '2026-02-01T00:00:00Z',
    trustedRoot: { file: 'ca/root.pem', sha256: '8097c9764ff424340a9595eb441f77c13b0521555051eddcf32ba976f2ceea48' },
    hint: 'ssl_certificate /etc/letsencrypt/live/shop.example/fullchain.pem; and no ssl_stapling: the certificate names no OCSP responder.',
  },
  {
    kind: 'acme-challenge',
    id: 'acme-on-port-80',
    title: "Let's Encrypt's challenge is answered from certbot's webroot",
    hint: 'In the port-80 server: location ^~ /.well-known/acme-challenge/ { root /var/www/letsencrypt; } and the redirect inside location / { }.',
  },
  {
    kind: 'renewal-hook',
    id: 'reload-after-renewal',
    title: 'nginx is reloaded after certbot renews',
    hint: 'letsencrypt/renewal-hooks/deploy/reload-nginx: #!/bin/sh, then systemctl reload nginx',
  },
  {
    kind: 'proxy-request',
    id: 'csp-no-inline-script',
    title: 'The Content-Security-Policy does not allow inline scripts',
    env: SECRET,
    request: { scheme: 'https', path: '/' },
    expect: {
      // script-src decides for scripts; without one, default-src does (CSP Level 3, "script-src").
      headersExclude: { 'Content-Security-Policy': "script-src[^;]*'unsafe-inline'|^(?!.*script-src).*default-src[^;]*'unsafe-inline'" }, // prettier-ignore
    },
    because: "with 'unsafe-inline', a script injected into a page runs: the policy stops nothing",
  },
  {
    kind: 'proxy-request',
    id: 'headers-on-errors',
    title: 'Error pages carry every security header',
    env: SECRET,
    request: { scheme: 'https', path: '/orders/abc' },
    expect: {
      status: 500,
      noTraceback: true,
      headers: [
        'Strict-Transport-Security',
        'Content-Security-Policy',
        'X-Content-Type-Options',
        'Referrer-Policy',
        'Permissions-Policy',
      ],
    },
    because: "add_header without `always` is left off error responses, and an error page is a page an attacker can aim at",
  },
  {
    kind: 'proxy-request',
    id: 'no-hsts-on-http',
    redTeam: 'HSTS over plain http',
    title: 'Strict-Transport-Security only over https',
    env: SECRET,
    request: { scheme: 'http', path: '/' },
    expect: { status: 301, redirectTo: 'https://shop.example/', absentHeaders: ['Strict-Transport-Security'] },
    because:
      'RFC 6797 §7.2: a server must not send HSTS over plain http (a man in the middle could send or strip it); it belongs in the https server only',
  },
]);
