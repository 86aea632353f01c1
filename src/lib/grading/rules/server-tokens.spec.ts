import { describe, expect, test } from 'vitest';
import { serverTokens } from './server-tokens';
import { NO_PYTHON, SITE, SITE_FILE, edit, expectFinding, expectNoFinding, judge, lineOf } from './test-support';

const check = (files: Record<string, string>) => judge(serverTokens, NO_PYTHON, { files });

const SIMPLE = `server {
    listen 80;
    server_name shop.example;
    location / {
        proxy_pass http://127.0.0.1:8000;
    }
}
`;

describe('server-tokens', () => {
  test("nginx's default (server_tokens on): the version is disclosed; the marker is on the server", async () => {
    const verdict = await check({ [SITE_FILE]: SIMPLE });
    const finding = expectFinding(verdict, serverTokens);
    expect(verdict.findings).toHaveLength(1);
    expect(finding.message).toMatch(/^Responses carry Server: nginx\/\d+\.\d+\.\d+; set server_tokens off\.$/);
    expect(finding).toMatchObject({ file: SITE_FILE, line: lineOf(SIMPLE, 'server {') });
  });

  test('server_tokens on written out: the marker is on that line', async () => {
    const site = edit(SITE, 'server_tokens off;', 'server_tokens on;');
    const finding = expectFinding(await check({ [SITE_FILE]: site }), serverTokens);
    expect(finding.message).toContain('Server: nginx/');
    expect(finding).toMatchObject({ file: SITE_FILE, line: lineOf(site, 'server_tokens on;') });
  });

  test('off in one server only: the catch-all still tells its version', async () => {
    const site = edit(SITE, 'server_tokens off;\n', '').replace(
      '    server_name shop.example;\n\n',
      '    server_name shop.example;\n    server_tokens off;\n\n',
    );
    const finding = expectFinding(await check({ [SITE_FILE]: site }), serverTokens);
    expect(finding.line).toBe(lineOf(site, 'server {'));
  });

  test('no finding: server_tokens off at http level in a site snippet (the lesson solution)', async () => {
    expectNoFinding(await check({ [SITE_FILE]: SITE }));
  });

  test("no finding: server_tokens off in nginx.conf's http block", async () => {
    const conf = `events {}
http {
    server_tokens off;
${SIMPLE}}
`;
    expectNoFinding(await check({ 'nginx.conf': conf }));
  });
});
