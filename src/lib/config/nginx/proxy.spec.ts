import { describe, expect, it } from 'vitest';
import { etcTree, fixture } from './fixtures/load';
import { parseNginx } from './parse';
import { virtualProxy, type ClientRequest, type ProxyDecision } from './proxy';
import type { NginxConfig } from './types';

const CLIENT = '203.0.113.9';

function request(overrides: Partial<ClientRequest> & { host?: string }): ClientRequest {
  const { host = 'example.com', ...rest } = overrides;
  return {
    scheme: 'https',
    port: 443,
    method: 'GET',
    path: '/',
    headers: [
      ['Host', host],
      ['User-Agent', 'curl/8.5.0'],
    ],
    client: CLIENT,
    ...rest,
  };
}

function header(headers: readonly [string, string][], name: string): string | undefined {
  return headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
}

function expectKind<K extends ProxyDecision['kind']>(d: ProxyDecision, kind: K): Extract<ProxyDecision, { kind: K }> {
  expect(d.kind).toBe(kind);
  return d as Extract<ProxyDecision, { kind: K }>;
}

describe('virtual proxy: Mozilla intermediate site', () => {
  const config = parseNginx(fixture('mozilla-intermediate.conf'), 'site.conf');

  it('redirects plain HTTP to HTTPS with $host$request_uri', () => {
    const d = expectKind(virtualProxy(config, request({ scheme: 'http', port: 80, path: '/login?next=/a' })), 'return');
    expect(d.status).toBe(301);
    expect(header(d.headers, 'Location')).toBe('https://example.com/login?next=/a');
    expect(header(d.headers, 'Server')).toBe('nginx/1.22.1');
    expect(d.body).toContain('<head><title>301 Moved Permanently</title></head>');
    expect(d.body).toContain('<hr><center>nginx/1.22.1</center>');
  });

  it('closes the connection for unknown hosts through the default server', () => {
    const d = expectKind(virtualProxy(config, request({ scheme: 'http', port: 80, host: 'evil.test' })), 'return');
    expect(d.status).toBe(444);
    expect(d.headers).toEqual([]);
    expect(virtualProxy(config, request({ host: 'evil.test' }))).toMatchObject({ kind: 'return', status: 444 });
  });

  it('proxies HTTPS to the upstream with the forwarding headers the app needs', () => {
    const d = expectKind(
      virtualProxy(
        config,
        request({
          path: '/account?tab=1',
          headers: [
            ['Host', 'Example.com'],
            ['X-Forwarded-For', '6.6.6.6'],
            ['Connection', 'keep-alive'],
            ['Upgrade', 'h2c'],
            ['Accept', '*/*'],
          ],
        }),
      ),
      'proxy',
    );
    expect(d.upstream).toBe('http://127.0.0.1:8000');
    expect(d.path).toBe('/account?tab=1');
    expect(d.headers).toEqual([
      ['Host', 'example.com'],
      ['X-Forwarded-For', '6.6.6.6, 203.0.113.9'],
      ['X-Forwarded-Proto', 'https'],
      ['X-Forwarded-Host', 'example.com'],
      ['Connection', 'close'],
      ['Accept', '*/*'],
    ]);
    expect(d.unknownVariables).toEqual([]);
  });

  it('adds the security headers with always, and hides the version', () => {
    const d = virtualProxy(config, request({}));
    for (const status of [200, 404, 502]) {
      expect(d.responseHeaders(status)).toEqual([
        ['Server', 'nginx'],
        ['Strict-Transport-Security', 'max-age=63072000'],
        ['X-Content-Type-Options', 'nosniff'],
        ['Referrer-Policy', 'strict-origin-when-cross-origin'],
      ]);
    }
  });

  it('serves static files through alias with matching trailing slashes', () => {
    const d = expectKind(virtualProxy(config, request({ path: '/static/css/app.css' })), 'static');
    expect(d.path).toBe('/srv/app/static/css/app.css');
    expect(virtualProxy(config, request({ path: '/static../x' })).kind).toBe('proxy');
  });

  it('answers like nginx when the client speaks the wrong protocol or port', () => {
    const plainToTls = expectKind(virtualProxy(config, request({ scheme: 'http', port: 443 })), 'return');
    expect(plainToTls.status).toBe(400);
    expect(plainToTls.body).toBe('The plain HTTP request was sent to HTTPS port');
    expect(virtualProxy(config, request({ scheme: 'https', port: 80 }))).toMatchObject({
      kind: 'error',
      reason: 'tls-handshake-failed',
    });
    expect(virtualProxy(config, request({ port: 8443 }))).toMatchObject({
      kind: 'error',
      reason: 'connection-refused',
    });
  });

  it('rejects a request without Host and a path escaping the root with 400', () => {
    const noHost = virtualProxy(config, { ...request({}), headers: [] });
    expect(noHost).toMatchObject({ kind: 'return', status: 400 });
    expect(virtualProxy(config, request({ path: '/../etc/passwd' }))).toMatchObject({ kind: 'return', status: 400 });
  });

  it('writes the access log line in combined format', () => {
    const d = virtualProxy(config, request({ path: '/x' }));
    const line = d.accessLog(200, 5, new Date(Date.UTC(2025, 0, 2, 3, 4, 5)));
    expect(line).toBe('203.0.113.9 - - [02/Jan/2025:03:04:05 +0000] "GET /x HTTP/1.1" 200 5 "-" "curl/8.5.0"');
  });
});

describe('virtual proxy: the classic broken config', () => {
  const config = parseNginx(fixture('broken.conf'), 'broken.conf');
  const http = (path: string, headers: [string, string][] = []): ProxyDecision =>
    virtualProxy(config, {
      scheme: 'http',
      port: 80,
      method: 'GET',
      path,
      headers: [['Host', 'shop.example'], ...headers],
      client: CLIENT,
    });

  it('alias without a trailing slash on the location lets /static../ escape the directory', () => {
    const d = expectKind(http('/static../app.py'), 'static');
    expect(d.path).toBe('/srv/shop/static/../app.py');
    expect(d.alias).toBe('/srv/shop/static/');
    expect(expectKind(http('/static/a.css'), 'static').path).toBe('/srv/shop/static//a.css');
  });

  it('a location with one proxy_set_header inherits none: Host is the upstream, forged XFF passes', () => {
    const d = expectKind(http('/api/orders', [['X-Forwarded-For', '6.6.6.6']]), 'proxy');
    expect(d.path).toBe('/api/orders');
    expect(d.requestId).toMatch(/^[0-9a-f]{32}$/);
    expect(d.headers).toEqual([
      ['X-Request-Id', d.requestId],
      ['Host', '127.0.0.1:8000'],
      ['Connection', 'close'],
      ['X-Forwarded-For', '6.6.6.6'],
    ]);
  });

  it('the server-level headers reach locations without their own proxy_set_header', () => {
    const d = expectKind(http('/', [['X-Forwarded-For', '6.6.6.6']]), 'proxy');
    expect(header(d.headers, 'Host')).toBe('shop.example');
    expect(header(d.headers, 'X-Forwarded-For')).toBe('6.6.6.6, 203.0.113.9');
    expect(header(d.headers, 'X-Forwarded-Proto')).toBe('http');
  });

  it('add_header in a location drops the server-level headers', () => {
    const downloads = http('/downloads/a.zip');
    expect(downloads.responseHeaders(200)).toEqual([
      ['Server', 'nginx/1.22.1'],
      ['Cache-Control', 'no-store'],
    ]);
    const root = http('/');
    expect(root.responseHeaders(200)).toEqual([
      ['Server', 'nginx/1.22.1'],
      ['X-Frame-Options', 'DENY'],
      ['Content-Security-Policy', "default-src 'self'"],
    ]);
    // Without `always`, X-Frame-Options is not sent on errors.
    expect(root.responseHeaders(502)).toEqual([
      ['Server', 'nginx/1.22.1'],
      ['Content-Security-Policy', "default-src 'self'"],
    ]);
  });

  it('replaces the location prefix when proxy_pass has a URI part', () => {
    expect(expectKind(http('/downloads/2024/a%20b.zip?x=1'), 'proxy').path).toBe('/files/2024/a%20b.zip?x=1');
  });

  it('passes the client URI unchanged when proxy_pass has none', () => {
    expect(expectKind(http('/a//b/%7Euser?q=1'), 'proxy').path).toBe('/a//b/%7Euser?q=1');
  });

  it('drops client headers with underscores, as nginx does by default', () => {
    const d = expectKind(http('/', [['X_Forwarded_For', '6.6.6.6']]), 'proxy');
    expect(d.headers.map(([n]) => n)).not.toContain('X_Forwarded_For');
  });

  it('sends Content-Length for a body and drops the client framing headers', () => {
    const d = expectKind(
      virtualProxy(config, {
        scheme: 'http',
        port: 80,
        method: 'POST',
        path: '/form',
        headers: [
          ['Host', 'shop.example'],
          ['Content-Length', '99'],
          ['Transfer-Encoding', 'chunked'],
          ['Content-Type', 'application/x-www-form-urlencoded'],
        ],
        body: 'a=é',
        client: CLIENT,
      }),
      'proxy',
    );
    expect(header(d.headers, 'Content-Length')).toBe('4');
    expect(header(d.headers, 'Transfer-Encoding')).toBeUndefined();
    expect(header(d.headers, 'Content-Type')).toBe('application/x-www-form-urlencoded');
    expect(d.body).toBe('a=é');
    expect(d.method).toBe('POST');
  });
});

describe('virtual proxy: include, map, if, regex locations, upstream on a unix socket', () => {
  const tree = etcTree();
  const config: NginxConfig = parseNginx(tree.get('/etc/nginx/nginx.conf') as string, '/etc/nginx/nginx.conf', {
    readFile: (p) => tree.get(p),
    files: [...tree.keys()],
  });
  const get = (path: string, host = 'app.test', extra: [string, string][] = [], method = 'GET'): ProxyDecision =>
    virtualProxy(config, {
      scheme: 'http',
      port: 8080,
      method,
      path,
      headers: [['Host', host], ...extra],
      client: CLIENT,
    });

  it('answers exact locations with return text and the default type', () => {
    const d = expectKind(get('/healthz'), 'return');
    expect(d.status).toBe(200);
    expect(d.body).toBe('ok\n');
    expect(header(d.headers, 'Content-Type')).toBe('application/octet-stream');
  });

  it('runs server-level if before location selection', () => {
    expect(get('/healthz', 'app.test', [], 'TRACE')).toMatchObject({ kind: 'return', status: 405 });
  });

  it('rewrites through a map with a named capture, then proxies to the unix socket upstream', () => {
    const d = expectKind(get('/api/v1/users?page=2'), 'proxy');
    expect(d.upstream).toBe('unix:/run/gunicorn/app.sock');
    expect(d.path).toBe('/v2/users?page=2');
    expect(d.uri).toBe('/api/v2/users');
    expect(d.headers).toEqual([
      ['Host', 'app.test'],
      ['X-Real-IP', CLIENT],
      ['X-Forwarded-For', CLIENT],
      ['X-Forwarded-Proto', 'http'],
      ['Connection', 'close'],
    ]);
    expect(expectKind(get('/old-login'), 'proxy').uri).toBe('/old-login');
  });

  it('searches nested regex locations', () => {
    expect(get('/api/x.php')).toMatchObject({ kind: 'return', status: 403 });
  });

  it('passes Upgrade only where the config asks, with the map-derived Connection', () => {
    const ws = expectKind(get('/ws/chat', 'app.test', [['Upgrade', 'websocket']]), 'proxy');
    expect(header(ws.headers, 'Upgrade')).toBe('websocket');
    expect(header(ws.headers, 'Connection')).toBe('upgrade');
    expect(ws.path).toBe('/ws/chat');
    expect(header(expectKind(get('/ws/chat'), 'proxy').headers, 'Connection')).toBe('close');
    const api = expectKind(get('/api/x', 'app.test', [['Upgrade', 'h2c']]), 'proxy');
    expect(header(api.headers, 'Upgrade')).toBeUndefined();
  });

  it('serves regex and alias locations with captures', () => {
    expect(expectKind(get('/img/logo.PNG'), 'static').path).toBe('/srv/app/public/img/logo.PNG');
    expect(expectKind(get('/download/report.zip'), 'static').path).toBe('/srv/files/report.zip');
  });

  it('keeps ^~ locations away from the regexes and applies try_files', () => {
    expect(get('/assets/app.js')).toMatchObject({ kind: 'return', status: 404 });
    const found = virtualProxy(
      config,
      {
        scheme: 'http',
        port: 8080,
        method: 'GET',
        path: '/assets/app.js',
        headers: [['Host', 'app.test']],
        client: CLIENT,
      },
      { fileExists: (p) => p === '/srv/app/public/assets/app.js' },
    );
    expect(expectKind(found, 'static').path).toBe('/srv/app/public/assets/app.js');
  });

  it('falls back to a named location from try_files, with nginx default headers', () => {
    const d = expectKind(get('/dashboard'), 'proxy');
    expect(d.location?.args).toEqual(['@app']);
    expect(d.upstream).toBe('http://127.0.0.1:5000');
    expect(header(d.headers, 'Host')).toBe('127.0.0.1:5000');
  });

  it('selects servers by wildcard and regex names, and the first server as default', () => {
    expect(get('/api/x', 'eu.app.test').server?.file).toBe('/etc/nginx/conf.d/app.conf');
    const moved = expectKind(get('/a/b?c=1', 'shop.old.test'), 'return');
    expect(moved.status).toBe(301);
    expect(header(moved.headers, 'Location')).toBe('http://shop.app.test/a/b?c=1');
    expect(get('/api/x', 'nobody.test').server?.file).toBe('/etc/nginx/conf.d/app.conf');
  });
});

describe('virtual proxy: smaller cases', () => {
  const proxy = (conf: string, path = '/', headers: [string, string][] = [['Host', 'a.test']]): ProxyDecision =>
    virtualProxy(parseNginx(conf, 'site.conf'), {
      scheme: 'http',
      port: 80,
      method: 'GET',
      path,
      headers,
      client: CLIENT,
    });

  it('removes a header set to ""', () => {
    const d = expectKind(
      proxy('server { location / { proxy_set_header Accept-Encoding ""; proxy_pass http://127.0.0.1:8000; } }', '/', [
        ['Host', 'a.test'],
        ['Accept-Encoding', 'gzip'],
      ]),
      'proxy',
    );
    expect(header(d.headers, 'Accept-Encoding')).toBeUndefined();
  });

  it('picks the default_server over the first server, and exact names over it', () => {
    const conf =
      'server { listen 80; server_name one.test; return 201; }\n' +
      'server { listen 80 default_server; server_name two.test; return 202; }';
    expect(proxy(conf, '/', [['Host', 'x.test']])).toMatchObject({ status: 202 });
    expect(proxy(conf, '/', [['Host', 'ONE.test:80']])).toMatchObject({ status: 201 });
  });

  it('prefers the longest leading wildcard, then trailing wildcards, then regexes', () => {
    const conf =
      'server { server_name ~^www\\.; return 203; }\n' +
      'server { server_name www.*; return 202; }\n' +
      'server { server_name *.a.test; return 201; }\n' +
      'server { server_name *.b.a.test .c.test; return 200; }';
    expect(proxy(conf, '/', [['Host', 'x.b.a.test']])).toMatchObject({ status: 200 });
    expect(proxy(conf, '/', [['Host', 'www.a.test']])).toMatchObject({ status: 201 });
    expect(proxy(conf, '/', [['Host', 'www.z.test']])).toMatchObject({ status: 202 });
    expect(proxy(conf, '/', [['Host', 'c.test']])).toMatchObject({ status: 200 });
  });

  it('inherits proxy_pass into if blocks and uses the if block headers', () => {
    const conf = `server { location / {
      proxy_set_header X-Outer 1;
      if ($http_x_debug) { proxy_set_header X-Inner 1; }
      proxy_pass http://127.0.0.1:8000;
    } }`;
    const inner = expectKind(
      proxy(conf, '/', [
        ['Host', 'a.test'],
        ['X-Debug', '1'],
      ]),
      'proxy',
    );
    expect(header(inner.headers, 'X-Inner')).toBe('1');
    expect(header(inner.headers, 'X-Outer')).toBeUndefined();
    const outer = expectKind(proxy(conf), 'proxy');
    expect(header(outer.headers, 'X-Outer')).toBe('1');
  });

  it('uses set variables and rewrite break with the changed URI going upstream', () => {
    const conf = `server { location /app/ {
      set $backend 127.0.0.1:9000;
      rewrite ^/app/(.*)$ /$1 break;
      proxy_pass http://$backend;
    } }`;
    const d = expectKind(proxy(conf, '/app/x?y=1'), 'proxy');
    expect(d.upstream).toBe('http://127.0.0.1:9000');
    expect(d.path).toBe('/x?y=1');
    expect(header(d.headers, 'Host')).toBe('127.0.0.1:9000');
  });

  it('makes relative redirects absolute and turns `return URL` into a 302', () => {
    const rel = expectKind(proxy('server { return 301 /new; }', '/old', [['Host', 'a.test:8080']]), 'return');
    expect(header(rel.headers, 'Location')).toBe('http://a.test/new');
    const url = expectKind(proxy('server { return https://b.test$request_uri; }', '/p'), 'return');
    expect([url.status, header(url.headers, 'Location')]).toEqual([302, 'https://b.test/p']);
  });

  it('stops rewrite loops after 10 cycles with a 500', () => {
    expect(proxy('server { location / { rewrite ^ /x last; } }', '/a')).toMatchObject({ kind: 'return', status: 500 });
  });

  it('serves from the default root without a location', () => {
    expect(expectKind(proxy('server { }', '/a/'), 'static').path).toBe('/usr/share/nginx/html/a/index.html');
  });

  it('reports unknown variables', () => {
    const d = proxy('server { location / { proxy_set_header X $nope; proxy_pass http://127.0.0.1:1; } }');
    expect(d.unknownVariables).toContain('nope');
  });
});
