import { describe, expect, test } from 'vitest';
import { parseNginx, responseHeadersFor, serverBlocks, type VariableContext } from '../../config/nginx';
import { headerMissingAlways } from './header-missing-always';
import { NO_PYTHON, SITE, SITE_FILE, edit, expectFinding, expectNoFinding, judge, lineOf } from './test-support';

const check = (site: string) => judge(headerMissingAlways, NO_PYTHON, { files: { [SITE_FILE]: site } });

describe('header-missing-always', () => {
  test('HSTS without always: error responses go without it', async () => {
    const site = edit(
      SITE,
      'add_header Strict-Transport-Security "max-age=63072000" always;',
      'add_header Strict-Transport-Security "max-age=63072000";',
    );
    const verdict = await check(site);
    const finding = expectFinding(verdict, headerMissingAlways);
    expect(verdict.findings).toHaveLength(1);
    expect(finding.message).toBe(
      'add_header Strict-Transport-Security has no `always`: 404 and 500 responses go without it.',
    );
    expect(finding).toMatchObject({ file: SITE_FILE, line: lineOf(site, 'add_header Strict-Transport-Security') });
  });

  test('every security header without always is reported, in a location too', async () => {
    const site = edit(
      edit(SITE, 'add_header X-Frame-Options DENY always;', 'add_header X-Frame-Options DENY;'),
      '        expires 1d;\n',
      '        add_header Content-Security-Policy "default-src \'self\'";\n',
    );
    const verdict = await check(site);
    expectFinding(verdict, headerMissingAlways);
    expect(verdict.findings.map((f) => [f.line, f.message.split(' has')[0]])).toEqual([
      [lineOf(site, 'X-Frame-Options DENY'), 'add_header X-Frame-Options'],
      [lineOf(site, 'Content-Security-Policy'), 'add_header Content-Security-Policy'],
    ]);
  });

  test('no finding: every security header has always (the lesson solution)', async () => {
    expectNoFinding(await check(SITE));
  });

  test('no finding: a header that is not a security header may go without always', async () => {
    const site = edit(
      SITE,
      '        expires 1d;\n',
      '        add_header Cache-Control public;\n        add_header X-Content-Type-Options nosniff always;\n',
    );
    expectNoFinding(await check(site));
  });

  test('always matters for exactly the statuses other than 200, 201, 204, 206, 301, 302, 303, 304, 307, 308', () => {
    const config = parseNginx(
      'server {\n    add_header X-Plain yes;\n    add_header X-Always yes always;\n}\n',
      'site.conf',
    );
    const server = serverBlocks(config)[0]!;
    const context = { scheme: 'https', headers: [], vars: new Map() } as unknown as VariableContext;
    const headers = responseHeadersFor([config, server], context);
    const plain = (status: number) => headers(status).some(([name]) => name === 'X-Plain');
    const withoutAlways = [200, 201, 204, 206, 301, 302, 303, 304, 307, 308];
    for (const status of withoutAlways) expect(plain(status), `status ${status}`).toBe(true);
    for (const status of [202, 203, 300, 305, 400, 404, 500, 502])
      expect(plain(status), `status ${status}`).toBe(false);
    for (const status of [202, 404, 500]) expect(headers(status).some(([name]) => name === 'X-Always')).toBe(true);
    expect(headerMissingAlways.explanation).toContain(withoutAlways.join(', '));
  });
});
