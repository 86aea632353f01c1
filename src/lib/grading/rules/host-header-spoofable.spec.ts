import { describe, expect, test } from 'vitest';
import { hostHeaderSpoofable } from './host-header-spoofable';
import { NO_PYTHON, SITE, SITE_FILE, edit, expectFinding, expectNoFinding, judge, lineOf } from './test-support';

const check = (site: string) => judge(hostHeaderSpoofable, NO_PYTHON, { files: { [SITE_FILE]: site } });

/** The lesson site without its two default_server catch-alls. */
const NO_CATCH_ALL = SITE.replace(
  /server \{\n {4}listen 80 default_server;[\s\S]*?ssl_reject_handshake on;\n\}\n\n/,
  '',
);

describe('host-header-spoofable', () => {
  test('without a catch-all, a request for another name reaches the app with that Host', async () => {
    expect(NO_CATCH_ALL).not.toContain('default_server');
    const finding = expectFinding(await check(NO_CATCH_ALL), hostHeaderSpoofable);
    expect(finding.message).toBe(
      'A request for Host: evil.example on port 443 reaches the app with that host: no catch-all server refuses names that are not yours.',
    );
    const lines = NO_CATCH_ALL.split('\n');
    const appServer = lines.findIndex((line, i) => line === 'server {' && lines[i + 1]?.includes('443 ssl')) + 1;
    expect(finding).toMatchObject({ file: SITE_FILE, line: appServer });
  });

  test('a catch-all on port 80 only: port 443 still hands unknown names to the app', async () => {
    const site = SITE.replace(
      /server \{\n {4}listen 443 ssl default_server;[\s\S]*?ssl_reject_handshake on;\n\}\n\n/,
      '',
    );
    const finding = expectFinding(await check(site), hostHeaderSpoofable);
    expect(finding.message).toContain('on port 443');
  });

  test('a plain-HTTP-only site proxying Host $host with no catch-all', async () => {
    const site = `server {
    listen 80;
    server_name shop.example;
    location / {
        proxy_pass http://127.0.0.1:8000;
        proxy_set_header Host $host;
    }
}
`;
    const finding = expectFinding(await check(site), hostHeaderSpoofable);
    expect(finding.message).toContain('on port 80');
    expect(finding.line).toBe(lineOf(site, 'server {'));
  });

  test('no finding: catch-all default servers on 80 (return 444) and 443 (ssl_reject_handshake; the lesson solution)', async () => {
    expectNoFinding(await check(SITE));
  });

  test("found: no catch-all and no Host set, so the request reaches the app under nginx's default Host", async () => {
    const finding = expectFinding(
      await check(edit(NO_CATCH_ALL, 'proxy_set_header Host $host;', '')),
      hostHeaderSpoofable,
    );
    expect(finding.message).toContain('reaches the app (nginx passes it on as Host: 127.0.0.1:8000)');
  });

  test('no finding: without a catch-all, but the upstream Host is fixed to the real name', async () => {
    expectNoFinding(
      await check(edit(NO_CATCH_ALL, 'proxy_set_header Host $host;', 'proxy_set_header Host shop.example;')),
    );
  });
});
