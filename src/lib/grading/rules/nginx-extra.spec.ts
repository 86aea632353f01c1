/** proxy-ssrf, h2c-smuggling and allow-without-deny: static nginx rules, judged without Python. */
import { describe, expect, test } from 'vitest';
import { allowWithoutDeny } from './allow-without-deny';
import { h2cSmuggling } from './h2c-smuggling';
import { proxySsrf } from './proxy-ssrf';
import { NO_PYTHON, expectFinding, expectNoFinding, judge, lineOf } from './test-support';
import type { Rule } from '../rule';

const FILE = 'nginx/site.conf';
const site = (body: string) => `server {\n    listen 80;\n    server_name shop.example;\n${body}}\n`;
const check = (rule: Rule, text: string) => judge(rule, NO_PYTHON, { files: { [FILE]: text } });

describe('proxy-ssrf', () => {
  test('the upstream host from a query argument', async () => {
    const text = site('    location /fetch {\n        proxy_pass http://$arg_target;\n    }\n');
    const finding = expectFinding(await check(proxySsrf, text), proxySsrf);
    expect(finding.message).toContain('proxies to http://$arg_target');
    expect(finding.line).toBe(lineOf(text, 'proxy_pass'));
  });

  test('the upstream host from a regex capture of the URI', async () => {
    const text = site('    location ~ ^/proxy/(.*)$ {\n        proxy_pass http://$1;\n    }\n');
    expectFinding(await check(proxySsrf, text), proxySsrf);
  });

  test('no finding: a fixed upstream, with the client URI only in the path', async () => {
    expectNoFinding(
      await check(proxySsrf, site('    location / {\n        proxy_pass http://127.0.0.1:8000$request_uri;\n    }\n')),
    );
    expectNoFinding(
      await check(proxySsrf, site('    location / {\n        proxy_pass http://127.0.0.1:8000;\n    }\n')),
    );
  });
});

describe('h2c-smuggling', () => {
  test("the client's Upgrade and Connection headers passed through", async () => {
    const text = site(
      '    location / {\n        proxy_pass http://127.0.0.1:8000;\n        proxy_set_header Upgrade $http_upgrade;\n        proxy_set_header Connection $http_connection;\n    }\n',
    );
    const finding = expectFinding(await check(h2cSmuggling, text), h2cSmuggling);
    expect(finding.line).toBe(lineOf(text, 'proxy_set_header Upgrade'));
  });

  test('no finding: Connection from a map that only allows websocket', async () => {
    // The map nginx's WebSocket guide uses; without it nginx -t refuses the unknown $connection_upgrade.
    const text =
      'map $http_upgrade $connection_upgrade {\n    default upgrade;\n    "" close;\n}\n' +
      site(
        '    location /ws {\n        proxy_pass http://127.0.0.1:8000;\n        proxy_set_header Upgrade $http_upgrade;\n        proxy_set_header Connection $connection_upgrade;\n    }\n',
      );
    expectNoFinding(await check(h2cSmuggling, text));
  });

  test('no finding: no Upgrade forwarded', async () => {
    expectNoFinding(
      await check(h2cSmuggling, site('    location / {\n        proxy_pass http://127.0.0.1:8000;\n    }\n')),
    );
  });
});

describe('allow-without-deny', () => {
  test('an allow list without deny all', async () => {
    const text = site(
      '    location /admin {\n        allow 10.0.0.0/8;\n        proxy_pass http://127.0.0.1:8000;\n    }\n',
    );
    const finding = expectFinding(await check(allowWithoutDeny, text), allowWithoutDeny);
    expect(finding.message).toContain('allows 10.0.0.0/8 but has no `deny all;`');
    expect(finding.line).toBe(lineOf(text, 'allow 10.0.0.0/8'));
  });

  test("a server's deny all does not reach a location with its own allow list", async () => {
    const text = site('    deny all;\n    location /admin {\n        allow 10.0.0.0/8;\n    }\n');
    expectFinding(await check(allowWithoutDeny, text), allowWithoutDeny);
  });

  test('no finding: allow list closed with deny all, or no access rules', async () => {
    expectNoFinding(
      await check(
        allowWithoutDeny,
        site('    location /admin {\n        allow 10.0.0.0/8;\n        deny all;\n    }\n'),
      ),
    );
    expectNoFinding(
      await check(allowWithoutDeny, site('    location / {\n        proxy_pass http://127.0.0.1:8000;\n    }\n')),
    );
  });
});
