import { describe, expect, it } from 'vitest';
import { formatCombined, timeLocal } from './access-log';
import { parseSite } from './debian-site';
import { virtualProxy } from './proxy';

describe('access log', () => {
  const time = new Date(Date.UTC(2025, 10, 28, 13, 5, 9));

  it('formats $time_local', () => {
    expect(timeLocal(time)).toBe('28/Nov/2025:13:05:09 +0000');
    expect(timeLocal(time, 60)).toBe('28/Nov/2025:14:05:09 +0100');
    expect(timeLocal(time, -330)).toBe('28/Nov/2025:07:35:09 -0530');
  });

  it('writes the combined format with dashes for missing values and escapes quotes', () => {
    expect(
      formatCombined({
        remoteAddr: '203.0.113.9',
        time,
        request: 'GET /x HTTP/1.1',
        status: 200,
        bodyBytesSent: 612,
        userAgent: 'curl/8.1 "quoted"',
      }),
    ).toBe('203.0.113.9 - - [28/Nov/2025:13:05:09 +0000] "GET /x HTTP/1.1" 200 612 "-" "curl/8.1 \\x22quoted\\x22"');
  });
});

describe("a config's log_format and access_log", () => {
  const time = new Date(Date.UTC(2025, 10, 28, 13, 5, 9));
  const site = (http: string, server: string) =>
    parseSite(`${http}\nserver {\n    listen 80;\n    server_name shop.example;\n${server}\n    location / { proxy_pass http://127.0.0.1:8000; }\n    location /quiet { access_log off; proxy_pass http://127.0.0.1:8000; }\n}\n`, 'nginx/site.conf'); // prettier-ignore
  const decide = (config: ReturnType<typeof site>, path = '/', headers: [string, string][] = []) =>
    virtualProxy(config, {
      scheme: 'http',
      port: 80,
      method: 'GET',
      path,
      headers: [['Host', 'shop.example'], ...headers],
      client: '198.51.100.7',
      requestId: 'a'.repeat(32),
    });

  it('writes $remote_addr and $request_id, the same id nginx passes upstream', () => {
    const config = site(`log_format ids '$remote_addr $request_id "$request" $status';`, '    access_log /var/log/nginx/shop.log ids;\n    proxy_set_header X-Request-ID $request_id;'); // prettier-ignore
    const decision = decide(config);
    expect(decision.accessLog(200, 10, time)).toBe(`198.51.100.7 ${'a'.repeat(32)} "GET / HTTP/1.1" 200`);
    expect(decision.kind === 'proxy' && decision.headers).toContainEqual(['X-Request-ID', 'a'.repeat(32)]);
  });

  it("uses Debian's http-level access_log in combined when the site sets none, and nothing with access_log off", () => {
    const config = site('', '');
    const entries = decide(config).accessLogEntries(200, 5, time);
    expect(entries.map((e) => e.path)).toEqual(['/var/log/nginx/access.log']);
    expect(entries[0]!.line).toBe('198.51.100.7 - - [28/Nov/2025:13:05:09 +0000] "GET / HTTP/1.1" 200 5 "-" "-"');
    expect(decide(config, '/quiet').accessLogEntries(200, 5, time)).toEqual([]);
  });

  it('writes - for a missing header by default and nothing under escape=json, and escapes as each mode says', () => {
    const config = site(
      `log_format d '$http_x_absent|$http_user_agent';\nlog_format j escape=json '$http_x_absent|$http_user_agent';`,
      '    access_log /var/log/nginx/d.log d;\n    access_log /var/log/nginx/j.log j;',
    );
    const lines = decide(config, '/', [['User-Agent', 'a "b" \\ c']]).accessLogEntries(200, 0, time).map((e) => e.line); // prettier-ignore
    expect(lines).toEqual(['-|a \\x22b\\x22 \\x5C c', '|a \\"b\\" \\\\ c']);
  });

  it('skips a line whose if= condition is empty or 0', () => {
    const config = site(`map $uri $loggable { /skip 0; default 1; }`, '    access_log /var/log/nginx/shop.log combined if=$loggable;'); // prettier-ignore
    expect(decide(config, '/skip').accessLogEntries(200, 0, time)).toEqual([]);
    expect(decide(config, '/x').accessLogEntries(200, 0, time)).toHaveLength(1);
  });
});
