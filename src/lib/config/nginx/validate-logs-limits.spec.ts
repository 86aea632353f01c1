/**
 * nginx -t's refusals of log_format, access_log, limit_req_zone, limit_req, limit_req_status and allow/deny, in its
 * words and at its line (each checked against Debian's nginx 1.22.1; tests/reality/trustworthy-logs.test.ts and
 * nginx-differential.test.ts hold them to the real binary).
 */
import { describe, expect, test } from 'vitest';
import { parseSite } from './debian-site';
import { NginxSyntaxError } from './types';

function verdict(text: string): string {
  try {
    parseSite(text, 'nginx/site.conf');
    return 'accepted';
  } catch (error) {
    if (error instanceof NginxSyntaxError) return `${error.reason} :${error.line}`;
    throw error;
  }
}

const zone = 'limit_req_zone $binary_remote_addr zone=login:10m rate=5r/s;\n';

describe('nginx -t on logs and limits', () => {
  test.each([
    ['an unknown log format', 'server { listen 80; access_log /tmp/a.log nope; }', 'unknown log format "nope" :1'],
    [
      'a format used before it is defined',
      "server { listen 80; access_log /tmp/a.log later; }\nlog_format later '$remote_addr';",
      'unknown log format "later" :1',
    ],
    [
      'a format name looked up regardless of case',
      "log_format Main '$remote_addr';\nserver { listen 80; access_log /tmp/a.log main; }",
      'accepted',
    ],
    [
      'combined defined again',
      "log_format combined '$remote_addr';\nserver { listen 80; }",
      'duplicate "log_format" name "combined" :1',
    ],
    ['a $ that starts no variable', "log_format a 'x $-y';\nserver { listen 80; }", 'invalid parameter "$-y" :1'],
    ['${} empty', "log_format a 'x ${} y';\nserver { listen 80; }", 'invalid parameter "${} y" :1'],
    [
      'an unclosed ${',
      "log_format a 'x ${remote_addr';\nserver { listen 80; }",
      'the closing bracket in "remote_addr" variable is missing :1',
    ],
    [
      'an unknown escape',
      "log_format a escape=xml '$remote_addr';\nserver { listen 80; }",
      'unknown log format escaping "xml" :1',
    ],
    [
      'access_log off with a format',
      'server { listen 80; access_log off combined; }',
      'invalid parameter "combined" :1',
    ],
    [
      'flush without a buffer',
      'server { listen 80; access_log /tmp/a.log combined flush=5s; }',
      'no buffer is defined for access_log "/tmp/a.log" :1',
    ],
    [
      'a gzip level above 9',
      'server { listen 80; access_log /tmp/a.log combined gzip=10; }',
      'invalid compression level "10" :1',
    ],
    [
      'a rate per hour',
      'limit_req_zone $binary_remote_addr zone=z:10m rate=5r/h;\nserver { listen 80; }',
      'invalid rate "rate=5r/h" :1',
    ],
    [
      'a zone without a size',
      'limit_req_zone $binary_remote_addr zone=z rate=5r/s;\nserver { listen 80; }',
      'invalid zone size "zone=z" :1',
    ],
    [
      'a zone below 32k',
      'limit_req_zone $binary_remote_addr zone=z:1k rate=5r/s;\nserver { listen 80; }',
      'zone "zone=z:1k" is too small :1',
    ],
    [
      'one zone bound twice',
      `${zone}${zone}server { listen 80; }`,
      'limit_req_zone "login" is already bound to key "$binary_remote_addr" :2',
    ],
    [
      'a zone name ssl_session_cache has',
      `ssl_session_cache shared:login:10m;\n${zone}server { listen 80; }`,
      'the shared memory zone "login" is already declared for a different use :2',
    ],
    [
      'limit_req with a zone never defined',
      'server { listen 80; location / { limit_req zone=nope; } }',
      'zero size shared memory zone "nope" :1',
    ],
    [
      'limit_req before its zone is defined',
      `server { listen 80; location / { limit_req zone=login; } }\n${zone}`,
      'accepted',
    ],
    [
      'a bad burst',
      `${zone}server { listen 80; location / { limit_req zone=login burst=x; } }`,
      'invalid burst value "burst=x" :2',
    ],
    [
      'limit_req without zone=',
      'server { listen 80; location / { limit_req burst=5; } }',
      '"limit_req" must have "zone" parameter :1',
    ],
    [
      'one zone twice in a block',
      `${zone}server { listen 80; location / { limit_req zone=login; limit_req zone=login burst=2; } }`,
      '"limit_req" directive is duplicate :2',
    ],
    [
      'limit_req_status outside 400-599',
      'server { listen 80; limit_req_status 200; }',
      'value must be between 400 and 599 :1',
    ],
    ['an address allow cannot read', 'server { listen 80; allow foo; }', 'invalid parameter "foo" :1'],
    ['a prefix longer than 32 bits', 'server { listen 80; allow 10.0.0.0/33; }', 'invalid parameter "10.0.0.0/33" :1'],
    [
      'allow unix: and IPv6',
      'server { listen 80; allow unix:; allow ::1; allow 2001:db8::/32; deny all; }',
      'accepted',
    ],
  ])('%s', (_what, text, expected) => {
    expect(verdict(text)).toBe(expected);
  });
});
