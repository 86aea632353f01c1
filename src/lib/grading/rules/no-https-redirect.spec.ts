import { describe, expect, test } from 'vitest';
import { noHttpsRedirect } from './no-https-redirect';
import { NO_PYTHON, SITE, SITE_FILE, edit, expectFinding, expectNoFinding, judge, lineOf } from './test-support';

const check = (site: string) => judge(noHttpsRedirect, NO_PYTHON, { files: { [SITE_FILE]: site } });

const TLS_SERVER = `server {
    listen 443 ssl;
    server_name shop.example;
    ssl_certificate /etc/ssl/shop.pem;
    ssl_certificate_key /etc/ssl/shop.key;
    location / {
        proxy_pass http://127.0.0.1:8000;
    }
}
`;

describe('no-https-redirect', () => {
  test('port 80 proxies to the app too: the marker is on its location', async () => {
    const site = `server {
    listen 80;
    server_name shop.example;
    location / {
        proxy_pass http://127.0.0.1:8000;
    }
}

${TLS_SERVER}`;
    const finding = expectFinding(await check(site), noHttpsRedirect);
    expect(finding.message).toBe(
      'A request for http://shop.example/ on port 80: nginx passes it to the app over plain HTTP.',
    );
    expect(finding).toMatchObject({ file: SITE_FILE, line: lineOf(site, 'location / {') });
  });

  test('a redirect to http:// is not a redirect to https', async () => {
    const site = edit(SITE, 'return 301 https://$host$request_uri;', 'return 301 http://www.shop.example$request_uri;');
    const finding = expectFinding(await check(site), noHttpsRedirect);
    expect(finding.message).toContain('answers 301 with Location: http://www.shop.example/, not a redirect to https');
    // The return is at server level: the marker is on that server (the first one named shop.example).
    const lines = site.split('\n');
    expect(lines[(finding.line as number) - 1]).toBe('server {');
    expect(lines[(finding.line as number) + 2]).toContain('server_name shop.example;');
  });

  test('no TLS server at all: the app is only reachable over plain HTTP', async () => {
    const site = edit(TLS_SERVER, 'listen 443 ssl;', 'listen unix:/run/nginx-shop.sock;');
    const finding = expectFinding(await check(site), noHttpsRedirect);
    expect(finding.message).toBe('No server listens with TLS: the app is only reachable over plain HTTP.');
  });

  test('no finding: port 80 says return 301 https://… (with a catch-all answering 444; the lesson solution)', async () => {
    expectNoFinding(await check(SITE));
  });

  test('no finding: a plain redirect server without a catch-all', async () => {
    const site = `server {
    listen 80;
    server_name shop.example;
    return 301 https://shop.example$request_uri;
}

${TLS_SERVER}`;
    expectNoFinding(await check(site));
  });

  test('no finding: only port 443 is served', async () => {
    expectNoFinding(await check(TLS_SERVER));
  });
});
