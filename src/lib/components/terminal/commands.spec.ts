import { describe, expect, it } from 'vitest';
import { HELP_TEXT, parseCommandLine, parseCurl, tokenize, toPath, toUrl, type Command } from './commands';

function curl(line: string) {
  const command = parseCommandLine(line);
  if (command.name !== 'curl') throw new Error(`expected curl, got ${JSON.stringify(command)}`);
  return command;
}

function errorOf(command: Command): string {
  if (command.name !== 'error') throw new Error(`expected an error, got ${JSON.stringify(command)}`);
  return command.message;
}

describe('tokenize', () => {
  it('splits on runs of whitespace', () => {
    expect(tokenize('  curl   -i\t/  ')).toEqual({ ok: true, tokens: ['curl', '-i', '/'] });
  });

  it('keeps single-quoted text literally', () => {
    expect(tokenize(`curl -H 'X-A: "b" \\n $HOME'`)).toEqual({
      ok: true,
      tokens: ['curl', '-H', 'X-A: "b" \\n $HOME'],
    });
  });

  it('honours escapes inside double quotes', () => {
    expect(tokenize('echo "a \\"b\\" c\\\\ \\n"')).toEqual({ ok: true, tokens: ['echo', 'a "b" c\\ \\n'] });
  });

  it('joins adjacent quoted and bare parts into one word', () => {
    expect(tokenize(`a'b c'"d e"f`)).toEqual({ ok: true, tokens: ['ab cd ef'] });
  });

  it('keeps empty quoted arguments', () => {
    expect(tokenize(`export A='' B=""`)).toEqual({ ok: true, tokens: ['export', 'A=', 'B='] });
    expect(tokenize(`x ''`)).toEqual({ ok: true, tokens: ['x', ''] });
  });

  it('escapes a space with a backslash outside quotes', () => {
    expect(tokenize('a\\ b c')).toEqual({ ok: true, tokens: ['a b', 'c'] });
  });

  it('reports unterminated quotes', () => {
    expect(tokenize("curl -H 'X: y")).toEqual({ ok: false, error: expect.stringContaining('single quote') });
    expect(tokenize('curl -d "a')).toEqual({ ok: false, error: expect.stringContaining('double quote') });
  });

  it('returns no tokens for a blank line', () => {
    expect(tokenize('   ')).toEqual({ ok: true, tokens: [] });
  });
});

describe('parseCommandLine', () => {
  it('recognises the simple commands', () => {
    expect(parseCommandLine('help')).toEqual({ name: 'help' });
    expect(parseCommandLine(' clear ')).toEqual({ name: 'clear' });
    expect(parseCommandLine('run')).toEqual({ name: 'run' });
    expect(parseCommandLine('stop')).toEqual({ name: 'stop' });
    expect(parseCommandLine('env')).toEqual({ name: 'env' });
    expect(parseCommandLine('')).toEqual({ name: 'empty' });
  });

  it('rejects arguments to commands that take none', () => {
    expect(errorOf(parseCommandLine('run now'))).toBe('run: takes no arguments');
  });

  it('names an unknown command', () => {
    expect(errorOf(parseCommandLine('wget /'))).toContain('wget: command not found');
  });

  it('reports a quoting problem as a syntax error', () => {
    expect(errorOf(parseCommandLine("curl '/"))).toContain('syntax error');
  });

  it('parses export with one or more assignments, values may hold = and spaces', () => {
    expect(parseCommandLine("export FLASK_DEBUG=0 SECRET_KEY='a b=c'")).toEqual({
      name: 'export',
      assignments: [
        ['FLASK_DEBUG', '0'],
        ['SECRET_KEY', 'a b=c'],
      ],
    });
    expect(parseCommandLine('export EMPTY=')).toEqual({ name: 'export', assignments: [['EMPTY', '']] });
  });

  it('lists the environment on a bare export', () => {
    expect(parseCommandLine('export')).toEqual({ name: 'env' });
  });

  it('rejects export without a value or with a bad name', () => {
    expect(errorOf(parseCommandLine('export FLASK_DEBUG'))).toContain('export NAME=value');
    expect(errorOf(parseCommandLine('export 1A=2'))).toContain('not a valid variable name');
  });

  it('parses unset', () => {
    expect(parseCommandLine('unset A B_2')).toEqual({ name: 'unset', names: ['A', 'B_2'] });
    expect(errorOf(parseCommandLine('unset'))).toContain('unset NAME');
    expect(errorOf(parseCommandLine('unset A-B'))).toContain('not a valid variable name');
  });
});

describe('curl', () => {
  it('sends a GET for a bare path', () => {
    expect(curl('curl /')).toEqual({
      name: 'curl',
      include: false,
      headOnly: false,
      request: { method: 'GET', path: '/', headers: [] },
    });
  });

  it('shows headers with -i and --include', () => {
    expect(curl('curl -i /orders/42').include).toBe(true);
    expect(curl('curl --include /orders/42').include).toBe(true);
  });

  it('takes the method from -X in every spelling', () => {
    expect(curl('curl -X DELETE /a').request.method).toBe('DELETE');
    expect(curl('curl -XPUT /a').request.method).toBe('PUT');
    expect(curl('curl --request PATCH /a').request.method).toBe('PATCH');
    expect(curl('curl --request=OPTIONS /a').request.method).toBe('OPTIONS');
  });

  it('collects headers in order, trimming around the colon', () => {
    const { request } = curl(`curl -H 'X-Forwarded-For: 10.0.0.1' --header "Host:evil.example" -H 'X-Empty:' /`);
    expect(request.headers).toEqual([
      ['X-Forwarded-For', '10.0.0.1'],
      ['Host', 'evil.example'],
      ['X-Empty', ''],
    ]);
  });

  it('keeps colons in header values', () => {
    expect(curl(`curl -H 'Referer: http://a:1/b' /`).request.headers).toEqual([['Referer', 'http://a:1/b']]);
  });

  it('turns -d into a form POST, joining several with &', () => {
    const { request } = curl("curl -d 'a=1' --data b=2 /login");
    expect(request).toEqual({
      method: 'POST',
      path: '/login',
      headers: [['Content-Type', 'application/x-www-form-urlencoded']],
      body: 'a=1&b=2',
    });
  });

  it('keeps an explicit Content-Type and method with -d', () => {
    const { request } = curl(`curl -X PUT -H 'content-type: application/json' -d '{"a": 1}' /api`);
    expect(request).toEqual({
      method: 'PUT',
      path: '/api',
      headers: [['content-type', 'application/json']],
      body: '{"a": 1}',
    });
  });

  it('accepts bundled flags and ignores -s', () => {
    const command = curl('curl -si /');
    expect(command.include).toBe(true);
    expect(curl('curl -s /').include).toBe(false);
  });

  it('sends HEAD with -I and prints headers only', () => {
    const command = curl('curl -I /');
    expect(command).toMatchObject({ include: true, headOnly: true, request: { method: 'HEAD' } });
  });

  it('accepts full URLs and host:port forms, reduced to the path', () => {
    expect(curl('curl http://localhost:5000/orders/1?x=2').request.path).toBe('/orders/1?x=2');
    expect(curl('curl https://127.0.0.1').request.path).toBe('/');
    expect(curl('curl localhost:8000/a').request.path).toBe('/a');
    expect(curl('curl -- /-odd').request.path).toBe('/-odd');
  });

  it('explains a missing path', () => {
    expect(errorOf(parseCommandLine('curl -i'))).toContain('curl: no path given');
  });

  it('explains an unknown option with the usage', () => {
    const message = errorOf(parseCommandLine('curl -v /'));
    expect(message).toContain('curl: unknown option -v');
    expect(message).toContain('usage: curl');
    expect(errorOf(parseCommandLine('curl --verbose /'))).toContain('unknown option --verbose');
    expect(errorOf(parseCommandLine('curl -iX POST /'))).toContain('unknown option -iX');
  });

  it('explains options missing their value', () => {
    expect(errorOf(parseCommandLine('curl / -X'))).toContain('-X needs a method');
    expect(errorOf(parseCommandLine('curl / -H'))).toContain('-H needs a header');
    expect(errorOf(parseCommandLine('curl / -d'))).toContain('-d needs data');
  });

  it('rejects a malformed header', () => {
    expect(errorOf(parseCommandLine(`curl -H 'NoColon' /`))).toContain(`must look like 'Name: value'`);
    expect(errorOf(parseCommandLine(`curl -H ': v' /`))).toContain('must look like');
  });

  it('rejects something that is not a path, and more than one path', () => {
    expect(errorOf(parseCommandLine('curl orders'))).toContain('"orders" is not a path');
    expect(errorOf(parseCommandLine('curl / /b'))).toContain('one path at a time');
  });

  it('never throws on odd input', () => {
    for (const line of [
      'curl',
      'curl ""',
      "curl ''",
      'curl -',
      'curl --',
      'curl -H',
      '"',
      "'",
      '\\',
      'curl -X ""  /',
    ]) {
      expect(() => parseCommandLine(line)).not.toThrow();
    }
    expect(errorOf(parseCurl(['-X', '', '/']))).toContain('-X needs a method');
  });
});

describe('toPath', () => {
  it('maps targets to paths', () => {
    expect(toPath('/x')).toBe('/x');
    expect(toPath('http://example.com')).toBe('/');
    expect(toPath('http://example.com?q=1')).toBe('/?q=1');
    expect(toPath('example.com/x')).toBeNull();
    expect(toPath('')).toBeNull();
  });
});

describe('toUrl', () => {
  it('keeps scheme, host and port of a full URL, for the route through nginx', () => {
    expect(toUrl('/x')).toBeNull();
    expect(toUrl('http://shop.example/x')).toEqual({ scheme: 'http', host: 'shop.example', port: 80 });
    expect(toUrl('HTTPS://shop.example')).toEqual({ scheme: 'https', host: 'shop.example', port: 443 });
    expect(toUrl('https://shop.example:8443/')).toEqual({ scheme: 'https', host: 'shop.example:8443', port: 8443 });
    expect(toUrl('localhost:5000/x')).toEqual({ scheme: 'http', host: 'localhost:5000', port: 5000 });
  });

  it('is set on a curl request only for a URL', () => {
    const bare = parseCurl(['/x']);
    const full = parseCurl(['https://shop.example/x']);
    expect(bare.name === 'curl' && bare.request.url).toBeUndefined();
    expect(full.name === 'curl' && full.request).toMatchObject({ path: '/x', url: { scheme: 'https', port: 443 } });
  });
});

describe('programs registered in programs.ts', () => {
  it('openssl and systemctl parse as programs with their arguments, and help lists them', () => {
    const command = parseCommandLine("openssl s_client -tls1 -connect 'shop.example:443'");
    expect(command.name === 'program' && command.program.name).toBe('openssl');
    expect(command.name === 'program' && command.args).toEqual(['s_client', '-tls1', '-connect', 'shop.example:443']);
    expect(parseCommandLine('systemctl kill shop').name).toBe('program');
    expect(HELP_TEXT).toContain('openssl s_client');
    expect(HELP_TEXT).toContain('systemctl show|status|kill');
  });
});
