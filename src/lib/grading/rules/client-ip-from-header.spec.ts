import { describe, expect, test } from 'vitest';
import { clientIpFromHeader } from './client-ip-from-header';
import { NO_PYTHON, SITE, SITE_FILE, edit, expectFinding, expectNoFinding, judge, lineOf } from './test-support';

const check = (site: string) => judge(clientIpFromHeader, NO_PYTHON, { files: { [SITE_FILE]: site } });

/** The solution site with a zone at the http level and a limit on the app's location. */
const limited = (key: string, limit = 'limit_req zone=login burst=5;') =>
  edit(SITE, 'server_tokens off;\n', `server_tokens off;\nlimit_req_zone ${key} zone=login:10m rate=5r/m;\n`).replace(
    '        proxy_pass http://127.0.0.1:8000;\n',
    `        proxy_pass http://127.0.0.1:8000;\n        ${limit}\n`,
  );

const logged = (format: string) =>
  edit(
    SITE,
    'server_tokens off;\n',
    `server_tokens off;\nlog_format who '${format}';\naccess_log /var/log/nginx/shop.log who;\n`,
  );

describe('client-ip-from-header', () => {
  test('limit_req_zone keyed on X-Forwarded-For, applied by a limit_req: the marker is on the zone', async () => {
    const site = limited('$http_x_forwarded_for');
    const verdict = await check(site);
    const finding = expectFinding(verdict, clientIpFromHeader);
    expect(verdict.findings).toHaveLength(1);
    expect(finding.message).toContain('limit_req_zone login is keyed on $http_x_forwarded_for');
    expect(finding).toMatchObject({ file: SITE_FILE, line: lineOf(site, 'limit_req_zone') });
  });

  test('limit_conn_zone keyed on X-Real-IP', async () => {
    const site = edit(
      SITE,
      'server_tokens off;\n',
      'server_tokens off;\nlimit_conn_zone $http_x_real_ip zone=conns:10m;\n',
    ).replace(
      '        proxy_pass http://127.0.0.1:8000;\n',
      '        proxy_pass http://127.0.0.1:8000;\n        limit_conn conns 10;\n',
    );
    expect(expectFinding(await check(site), clientIpFromHeader).line).toBe(lineOf(site, 'limit_conn_zone'));
  });

  test('a log_format whose client column is X-Forwarded-For', async () => {
    const site = logged('$http_x_forwarded_for - [$time_local] "$request" $status');
    expect(expectFinding(await check(site), clientIpFromHeader).line).toBe(lineOf(site, 'log_format who'));
  });

  test('no finding: keyed on $binary_remote_addr; or a header zone no limit_req applies', async () => {
    expectNoFinding(await check(limited('$binary_remote_addr')));
    expectNoFinding(await check(limited('$http_x_forwarded_for', 'proxy_set_header X-Request-Id $request_id;')));
  });

  test("no finding: X-Forwarded-For logged after $remote_addr (nginx's `main` format)", async () => {
    expectNoFinding(await check(logged('$remote_addr - [$time_local] "$request" $status "$http_x_forwarded_for"')));
  });
});
