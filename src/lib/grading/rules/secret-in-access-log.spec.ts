import { describe, expect, test } from 'vitest';
import { secretInAccessLog } from './secret-in-access-log';
import { NO_PYTHON, SITE, SITE_FILE, edit, expectFinding, expectNoFinding, judge, lineOf } from './test-support';

const check = (site: string) => judge(secretInAccessLog, NO_PYTHON, { files: { [SITE_FILE]: site } });

const withLog = (format: string, accessLog = 'access_log /var/log/nginx/shop.log audit;') =>
  edit(SITE, 'server_tokens off;\n', `server_tokens off;\nlog_format audit ${format};\n`).replace(
    '    ssl_protocols TLSv1.2 TLSv1.3;\n\n    add_header',
    `    ssl_protocols TLSv1.2 TLSv1.3;\n    ${accessLog}\n\n    add_header`,
  );

describe('secret-in-access-log', () => {
  test('a format an access_log uses logs the Cookie and Authorization headers: the marker is on the log_format', async () => {
    const site = withLog(`'$remote_addr "$request" $status "$http_cookie" "$http_authorization"'`);
    const finding = expectFinding(await check(site), secretInAccessLog);
    expect(finding.message).toContain('$http_cookie, $http_authorization');
    expect(finding.message).toContain(`${SITE_FILE}:${lineOf(site, 'access_log /var/log/nginx/shop.log audit;')}`);
    expect(finding).toMatchObject({ file: SITE_FILE, line: lineOf(site, 'log_format audit') });
  });

  test('one cookie by name, or the request body (a login form), is a credential too', async () => {
    expectFinding(await check(withLog(`'$remote_addr $cookie_session'`)), secretInAccessLog);
    expectFinding(await check(withLog(`'$remote_addr \${request_body}'`)), secretInAccessLog);
  });

  test('no finding: the same format defined but written by no access_log', async () => {
    expectNoFinding(await check(withLog(`'$remote_addr "$http_cookie"'`, 'access_log /var/log/nginx/shop.log;')));
  });

  test("no finding: a format with the request line, user agent and X-Forwarded-For (nginx's `main`)", async () => {
    const main = `'$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" "$http_x_forwarded_for"'`;
    expectNoFinding(await check(withLog(main)));
  });

  test('no finding: access_log off', async () => {
    expectNoFinding(await check(withLog(`'$remote_addr "$http_cookie"'`, 'access_log off;')));
  });
});
