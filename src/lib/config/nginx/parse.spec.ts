import { describe, expect, it } from 'vitest';
import { etcTree, fixture } from './fixtures/load';
import { parseNginx } from './parse';
import { blocks, directive, serverBlocks } from './query';
import { NginxSyntaxError, type Directive } from './types';

function parse(text: string, file = 'site.conf'): Directive[] {
  return parseNginx(text, file).directives;
}

function syntaxError(text: string, options = {}): NginxSyntaxError {
  try {
    parseNginx(text, 'site.conf', options);
  } catch (e) {
    if (e instanceof NginxSyntaxError) return e;
    throw e;
  }
  throw new Error('expected a syntax error');
}

describe('parseNginx: tokens', () => {
  it('builds a tree with file, line and column for every directive', () => {
    const [server] = parse('server {\n  listen 80;\n    location / { return 200; }\n}\n');
    expect(server).toMatchObject({ name: 'server', args: [], file: 'site.conf', line: 1, column: 1 });
    const [listen, location] = server?.block ?? [];
    expect(listen).toMatchObject({ name: 'listen', args: ['80'], block: null, line: 2, column: 3 });
    expect(location).toMatchObject({ name: 'location', args: ['/'], line: 3, column: 5 });
    expect(location?.block?.[0]).toMatchObject({ name: 'return', args: ['200'], line: 3, column: 18 });
  });

  it('removes quotes, resolves nginx escapes and records which arguments were quoted', () => {
    const [d] = parse(`add_header X "a \\"b\\" c" 'it\\'s' "" plain\\;x "\\t\\n\\d";`);
    // Only \" \' \\ \t \r \n are escapes; `\;` keeps its backslash (and does not end the directive).
    expect(d?.args).toEqual(['X', 'a "b" c', "it's", '', 'plain\\;x', '\t\n\\d']);
    expect(d?.quoted).toEqual([false, true, true, true, false, true]);
  });

  it('keeps ; and # inside quotes and # inside a word', () => {
    const [a, b] = parse('location ~ "^/a;b#c$" { }\nreturn 200 foo#bar;\n');
    expect(a?.args).toEqual(['~', '^/a;b#c$']);
    expect(b?.args).toEqual(['200', 'foo#bar']);
  });

  it('skips comments to the end of the line', () => {
    const d = parse('# top\nlisten 80; # trailing } ;\n# server {\nroot /x;');
    expect(d.map((x) => x.name)).toEqual(['listen', 'root']);
    expect(d[1]?.line).toBe(4);
  });

  it('keeps ${var} braces inside a word instead of opening a block', () => {
    const [d] = parse('return 200 "${scheme}://${host}";\nset $a ${uri}x;');
    expect(d?.args).toEqual(['200', '${scheme}://${host}']);
    expect(parse('set $a ${uri}x;')[0]?.args).toEqual(['$a', '${uri}x']);
  });

  it('parses if conditions and quoted regexes with parentheses', () => {
    const [d] = parse('if ($http_x ~* "^(a|b);") { return 403; }\nif ( $x ) { }');
    expect(d?.args).toEqual(['($http_x', '~*', '^(a|b);', ')']);
    expect(d?.block?.[0]?.name).toBe('return');
  });

  it('reads map entries as directives named by their first token', () => {
    const [map] = parse('map $uri $t {\n default 0;\n "~^/x" 1;\n server 2;\n include_me 3;\n}');
    expect(map?.block?.map((e) => [e.name, ...e.args])).toEqual([
      ['default', '0'],
      ['~^/x', '1'],
      ['server', '2'],
      ['include_me', '3'],
    ]);
  });

  it('treats an unquoted { inside a regex as a block start, as nginx does', () => {
    // nginx reports `unknown directive "2}"` for this; syntactically it is a block holding that directive.
    const [loc] = parse('location ~ ^/x{2}; }');
    expect(loc?.args).toEqual(['~', '^/x']);
    expect(loc?.block?.[0]?.name).toBe('2}');
    expect(() => parse('location ~ ^/x{2} { return 200; }')).toThrow('unexpected end of file, expecting "}"');
    const [quoted] = parse('location ~ "^/x{2}$" { return 200; }');
    expect(quoted?.args).toEqual(['~', '^/x{2}$']);
  });
});

describe('parseNginx: errors worded like nginx -t', () => {
  // Each expectation was checked against nginx 1.22.1's `nginx -t`.
  it.each([
    ['server {\n listen 8080;\n', 'unexpected end of file, expecting "}" in site.conf:3', 3],
    ['server {\n listen 8080;\n}\n}\n', 'unexpected "}" in site.conf:4', 4],
    ['server {\n listen 8080\n', 'unexpected end of file, expecting ";" or "}" in site.conf:3', 3],
    ['server {\n listen 8080 }\n', 'unexpected "}" in site.conf:2', 2],
    ['server {\n listen "8080"x;\n}\n', 'unexpected "x" in site.conf:2', 2],
    ['server;\n', 'directive "server" has no opening "{" in site.conf:1', 1],
    ['server {\n include a b; }\n', 'invalid number of arguments in "include" directive in site.conf:2', 2],
    [';', 'unexpected ";" in site.conf:1', 1],
    ['{ }', 'unexpected "{" in site.conf:1', 1],
    ['return 200 "abc;\n', 'unexpected end of file, expecting ";" or "}" in site.conf:2', 2],
  ])('%j', (text, message, line) => {
    const error = syntaxError(text);
    expect(error.message).toBe(message);
    expect(error.line).toBe(line);
    expect(error.file).toBe('site.conf');
  });

  it('gives the column of the offending character', () => {
    const error = syntaxError('server {\n  listen 80 }\n');
    expect([error.line, error.column]).toEqual([2, 13]);
    expect(error.reason).toBe('unexpected "}"');
  });

  it('rejects include without a way to read files', () => {
    expect(syntaxError('include other.conf;').message).toMatch(/^open\(\) "other.conf" failed/);
  });

  it('rejects include terminated by a block', () => {
    expect(syntaxError('include a.conf { }').message).toBe(
      'directive "include" is not terminated by ";" in site.conf:1',
    );
  });
});

describe('parseNginx: include', () => {
  const files = new Map([
    ['/etc/nginx/nginx.conf', 'http {\n  include conf.d/*.conf;\n  include /etc/nginx/mime.types;\n}\n'],
    ['/etc/nginx/mime.types', 'types { text/html html; }\n'],
    ['/etc/nginx/conf.d/b.conf', 'server { listen 81; }\n'],
    ['/etc/nginx/conf.d/a.conf', 'server { listen 80; }\n'],
    ['/etc/nginx/conf.d/.hidden.conf', 'broken {'],
    ['/etc/nginx/conf.d/notes.txt', 'broken {'],
  ]);
  const options = { readFile: (p: string) => files.get(p), files: [...files.keys()] };

  it('expands globs in sorted order relative to the main file directory, skipping hidden files', () => {
    const config = parseNginx(files.get('/etc/nginx/nginx.conf') as string, '/etc/nginx/nginx.conf', options);
    const servers = serverBlocks(config);
    expect(servers.map((s) => [s.file, directive(s, 'listen')?.args[0]])).toEqual([
      ['/etc/nginx/conf.d/a.conf', '80'],
      ['/etc/nginx/conf.d/b.conf', '81'],
    ]);
    expect(config.files).toEqual([
      '/etc/nginx/nginx.conf',
      '/etc/nginx/conf.d/a.conf',
      '/etc/nginx/conf.d/b.conf',
      '/etc/nginx/mime.types',
    ]);
    expect(blocks(config.directives[0] as Directive, 'types')[0]?.file).toBe('/etc/nginx/mime.types');
  });

  it('accepts a glob that matches nothing, like nginx', () => {
    const config = parseNginx('include sites-enabled/*;', '/etc/nginx/nginx.conf', options);
    expect(config.directives).toEqual([]);
  });

  it('reports a missing file at the include line', () => {
    const error = syntaxError('\ninclude missing.conf;', { ...options, prefix: '/etc/nginx' });
    expect(error.message).toBe('open() "/etc/nginx/missing.conf" failed (2: No such file or directory) in site.conf:2');
  });

  it('reports errors inside an included file with that file and line', () => {
    const bad = new Map([['/x/inc.conf', 'a 1;\nb 2 }\n']]);
    const error = syntaxError('include /x/inc.conf;', { readFile: (p: string) => bad.get(p) });
    expect(error.message).toBe('unexpected "}" in /x/inc.conf:2');
  });

  it('reports include cycles', () => {
    const loop = new Map([
      ['/c/a.conf', 'include /c/b.conf;'],
      ['/c/b.conf', 'root /x;\ninclude /c/a.conf;'],
    ]);
    try {
      parseNginx(loop.get('/c/a.conf') as string, '/c/a.conf', { readFile: (p) => loop.get(p) });
      throw new Error('expected a cycle');
    } catch (e) {
      expect(e).toBeInstanceOf(NginxSyntaxError);
      expect((e as Error).message).toBe('include cycle: /c/a.conf -> /c/b.conf -> /c/a.conf in /c/b.conf:2');
    }
  });

  it('a `}` in an included file cannot close the including block', () => {
    const inc = new Map([['/i.conf', '}']]);
    expect(syntaxError('server { include /i.conf; }', { readFile: (p: string) => inc.get(p) }).message).toBe(
      'unexpected "}" in /i.conf:1',
    );
  });
});

describe('parseNginx: real-world fixtures (each accepted by nginx -t 1.22.1)', () => {
  it('parses the Mozilla intermediate site', () => {
    const config = parseNginx(fixture('mozilla-intermediate.conf'), 'mozilla-intermediate.conf');
    const servers = serverBlocks(config);
    expect(servers).toHaveLength(3);
    const tls = servers[2] as Directive;
    expect(directive(tls, 'ssl_protocols')?.args).toEqual(['TLSv1.2', 'TLSv1.3']);
    expect(directive(tls, 'add_header')?.args).toEqual(['Strict-Transport-Security', 'max-age=63072000', 'always']);
    expect(blocks(tls, 'location').map((l) => l.args)).toEqual([['/static/'], ['/']]);
  });

  it('parses the nginx.conf tree with includes, maps, if and regex locations', () => {
    const tree = etcTree();
    const config = parseNginx(tree.get('/etc/nginx/nginx.conf') as string, '/etc/nginx/nginx.conf', {
      readFile: (p) => tree.get(p),
      files: [...tree.keys()],
    });
    expect(config.files).toEqual([
      '/etc/nginx/nginx.conf',
      '/etc/nginx/conf.d/app.conf',
      '/etc/nginx/snippets/proxy-headers.conf',
      '/etc/nginx/snippets/proxy-headers.conf',
      '/etc/nginx/conf.d/redirect.conf',
    ]);
    const [app, redirect] = serverBlocks(config);
    const api = blocks(app as Directive, 'location').find((l) => l.args[0] === '/api/') as Directive;
    expect(api.block?.map((d) => d.name)).toEqual([
      'proxy_set_header',
      'proxy_set_header',
      'proxy_set_header',
      'proxy_set_header',
      'if',
      'location',
      'proxy_pass',
    ]);
    expect(api.block?.[0]).toMatchObject({ file: '/etc/nginx/snippets/proxy-headers.conf', line: 2 });
    const download = blocks(app as Directive, 'location').find((l) => l.args[1]?.startsWith('^/download'));
    expect(download?.args[1]).toBe('^/download/(?P<name>[a-z]{1,16})\\.(zip|tar)$');
    expect(directive(redirect as Directive, 'server_name')?.args).toEqual(['~^(?<sub>[a-z]+)\\.old\\.test$']);
  });

  it('parses the broken config without complaint (its faults are semantic)', () => {
    expect(serverBlocks(parseNginx(fixture('broken.conf'), 'broken.conf'))).toHaveLength(1);
  });
});
