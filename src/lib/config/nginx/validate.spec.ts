/**
 * The strict checks, one case per kind of refusal, with nginx -t's words and line (each message checked
 * against Debian's nginx 1.22.1; tests/reality/nginx-differential.test.ts compares hundreds more live).
 */
import { describe, expect, test } from 'vitest';
import { parseSite } from './debian-site';
import { EMULATED_NGINX, versionAtLeast } from './emulated';
import { NginxSyntaxError } from './types';
import { DIRECTIVES } from './data/directives.generated';

const FILE = 'nginx/shop.conf';
const server = (body: string) => `server {\n    listen 80;\n    server_name shop.example;\n${body}}\n`;

function refusal(text: string): { reason: string; file: string; line: number } {
  try {
    parseSite(text, FILE);
  } catch (error) {
    if (error instanceof NginxSyntaxError) return { reason: error.reason, file: error.file, line: error.line };
    throw error;
  }
  throw new Error('accepted');
}

describe('the virtual nginx -t', () => {
  test.each([
    [
      'a misspelled directive',
      server('    proxy_set_headr X-Real-IP $remote_addr;\n'),
      'unknown directive "proxy_set_headr"',
      4,
    ],
    [
      'a directive in the wrong block',
      server('    location / {\n        server_name x;\n    }\n'),
      '"server_name" directive is not allowed here',
      5,
    ],
    [
      'too many arguments',
      server('    server_tokens off on;\n'),
      'invalid number of arguments in "server_tokens" directive',
      4,
    ],
    ['a block directive without its block', 'server;\n', 'directive "server" has no opening "{"', 1],
    [
      'an on/off value',
      server('    ssl_reject_handshake yes;\n'),
      'invalid value "yes" in "ssl_reject_handshake" directive, it must be "on" or "off"',
      4,
    ],
    ['an enum value', server('    server_tokens hidden;\n'), 'invalid value "hidden"', 4],
    [
      'a directive set twice in one block',
      server('    location / {\n        proxy_pass http://a;\n        proxy_pass http://b;\n    }\n'),
      '"proxy_pass" directive is duplicate',
      6,
    ],
    [
      'a flag set twice',
      server('    server_tokens off;\n    server_tokens off;\n'),
      '"server_tokens" directive is duplicate',
      5,
    ],
    [
      "a directive Debian's nginx.conf already sets at http level",
      'ssl_prefer_server_ciphers off;\n',
      '"ssl_prefer_server_ciphers" directive is duplicate',
      1,
    ],
    ['a return code above 999', server('    return 1000;\n'), 'invalid return code "1000"', 4],
    ['a return code that is a word', server('    return moved;\n'), 'invalid return code "moved"', 4],
    [
      'a regex PCRE refuses',
      server('    location ~ ^/(static {\n    }\n'),
      'pcre2_compile() failed: missing closing parenthesis in "^/(static"',
      4,
    ],
    [
      'a regex PCRE refuses, with where',
      server('    location ~ [z-a] {\n    }\n'),
      'pcre2_compile() failed: range out of order in character class in "[z-a]" at "a]"',
      4,
    ],
    [
      'two default servers on one address',
      `${server('').replace('listen 80;', 'listen 80 default_server;')}${server('').replace('listen 80;', 'listen 80 default_server;')}`,
      'a duplicate default server for 0.0.0.0:80',
      6,
    ],
    [
      'an unknown listen parameter',
      server('').replace('listen 80;', 'listen 80 defualt_server;'),
      'invalid parameter "defualt_server"',
      2,
    ],
    ['an unknown variable', server('    add_header X-Id $reqest_id;\n'), 'unknown "reqest_id" variable', 4],
    [
      'a TLS server without a certificate',
      server('').replace('listen 80;', 'listen 443 ssl;'),
      'no "ssl_certificate" is defined for the "listen ... ssl" directive',
      1,
    ],
    ['a missing }', server('    location / {\n'), 'unexpected end of file, expecting "}"', 6],
    [
      'a server_name regex PCRE refuses',
      server('').replace('server_name shop.example;', 'server_name ~^(bad\\.example$;'),
      'pcre2_compile() failed: missing closing parenthesis in "^(bad\\.example$"',
      3,
    ],
    [
      'a directive newer than the emulated nginx',
      server('    add_header_inherit merge;\n'),
      'unknown directive "add_header_inherit"',
      4,
    ],
  ])('%s', (_name, text, reason, line) => {
    expect(refusal(text)).toEqual({ reason, file: FILE, line });
  });

  test('a missing ; is reported where nginx reports it: the line the statement ends on', () => {
    const text = server('    location / {\n        proxy_pass http://a b\n        # a comment\n        ;\n    }\n');
    expect(refusal(text)).toMatchObject({ reason: 'invalid number of arguments in "proxy_pass" directive', line: 7 });
  });

  test('what nginx accepts: variables from set, map and named captures; prefixes; captures by number', () => {
    const text =
      'map $http_upgrade $connection_upgrade {\n    default upgrade;\n    "" close;\n}\n' +
      'server {\n    listen 8080;\n    server_name ~^(?<sub>[a-z]+)\\.example$;\n    return 200 $sub;\n}\n' +
      server(
        '    set $target backend;\n' +
          '    location ~ ^/(?<file>[a-z]+)/(.*)$ {\n' +
          '        add_header X-File "$file $1 $target $connection_upgrade $http_x_custom $arg_page $cookie_id";\n' +
          '        return 200;\n    }\n',
      );
    expect(() => parseSite(text, FILE)).not.toThrow();
  });

  test("the site's directives keep their workspace file; Debian's nginx.conf is around them", () => {
    const config = parseSite(server('    return 444;\n'), FILE);
    const http = config.directives.find((d) => d.name === 'http');
    expect(http?.file).toBe('/etc/nginx/nginx.conf');
    const site = http?.block?.find((d) => d.name === 'server');
    expect(site).toMatchObject({ file: FILE, line: 1 });
    expect(config.files[0]).toBe(FILE);
  });

  test('the directive table is the emulated release: 1.22 directives in, newer ones out', () => {
    expect(EMULATED_NGINX.version).toBe('1.22.1');
    expect(DIRECTIVES.ssl_reject_handshake).toBeDefined(); // 1.19.4
    expect(DIRECTIVES.add_header_inherit).toBeUndefined(); // 1.29.3
    expect(DIRECTIVES.http3).toBeUndefined(); // 1.25.0
    expect(DIRECTIVES.stream).toBeUndefined(); // a dynamic module Debian's nginx package does not load
    expect(versionAtLeast('1.22.1', '1.23.4')).toBe(false);
    expect(versionAtLeast('1.29.3', '1.29.3')).toBe(true);
  });
});
