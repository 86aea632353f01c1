import { describe, expect, test } from 'vitest';
import { unlimitedRequestBody } from './unlimited-request-body';
import { NO_PYTHON, SITE, SITE_FILE, edit, expectFinding, expectNoFinding, judge, lineOf } from './test-support';

const check = (site: string) => judge(unlimitedRequestBody, NO_PYTHON, { files: { [SITE_FILE]: site } });

const sized = (size: string) =>
  edit(
    SITE,
    '        proxy_pass http://127.0.0.1:8000;\n',
    `        proxy_pass http://127.0.0.1:8000;\n        client_max_body_size ${size};\n`,
  );

describe('unlimited-request-body', () => {
  test('client_max_body_size 0 in the app location: the marker is on it', async () => {
    const site = sized('0');
    const finding = expectFinding(await check(site), unlimitedRequestBody);
    expect(finding.message).toContain('location /');
    expect(finding).toMatchObject({ file: SITE_FILE, line: lineOf(site, 'client_max_body_size 0;') });
  });

  test('0m is zero too', async () => {
    expectFinding(await check(sized('0m')), unlimitedRequestBody);
  });

  test("no finding: a limit written out (10m), or nginx's default (1m)", async () => {
    expectNoFinding(await check(sized('10m')));
    expectNoFinding(await check(sized('100')));
    expectNoFinding(await check(SITE));
  });
});
