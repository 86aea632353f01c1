/**
 * The virtual Apache's ProxyPass and <Proxy> access against Debian's apache2 2.4.71, on generated variants: every
 * slash/no-slash pairing of a ProxyPass path and backend URL asked for a few paths (mod_proxy joins the backend URL
 * and the rest of the path as written: `ProxyPass / http://127.0.0.1:8000` sends /orders to the host
 * "127.0.0.1:8000orders"), and <Proxy>/<ProxyMatch> sections guarding forward and reverse proxied requests. A
 * small Node server stands for the app and reports the path it got; apache2 runs as `apache2 -D FOREGROUND` on a
 * ServerRoot laid out as Debian's /etc/apache2 in a temp dir, loopback only.
 */
import assert from 'node:assert/strict';
import { writeFileSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseApacheSite, virtualApache, type ApacheDecision } from '../../src/lib/config/apache';
import { APACHE, makeServerRoot } from './lib/apache';
import { request, tryRequest } from './lib/http';
import { freePort, start, waitUntil } from './lib/processes';

const ALIASES = ['/', '/app', '/app/'];
const BACKENDS = ['', '/', '/base', '/base/'];
/** `/a%2Fb`: AllowEncodedSlashes Off (the default) makes httpd answer 404 itself, before ProxyPass. */
const PATHS = ['/', '/orders/abc', '/app', '/app/x', '/appx?q=1', '/app/a%2Fb'];

/**
 * What a client can see of an answer: the path the app got, or the status of an error Apache made itself
 * (a request ProxyPass does not take is served from DocumentRoot, which the sandbox does not have: "not proxied").
 */
interface Outcome {
  status: number | 'not proxied';
  appGot?: string;
  errorLog?: string;
}

function virtualOutcome(decision: ApacheDecision): Outcome {
  if (decision.kind === 'proxy') return { status: 200, appGot: decision.path };
  if (decision.kind === 'forward') return { status: 200, appGot: new URL(decision.url).pathname };
  if (decision.kind === 'answer' && decision.status !== 403 && decision.at?.name !== 'ProxyPass')
    return { status: 'not proxied' };
  if (decision.kind === 'answer') return { status: decision.status, errorLog: decision.errorLog };
  return { status: 0 };
}

function realOutcome(status: number, body: string): Outcome {
  const app = /^\{"path":/.test(body) ? (JSON.parse(body) as { path: string }) : undefined;
  if (app) return { status, appGot: app.path };
  return status >= 500 || status === 403 ? { status } : { status: 'not proxied' };
}

function startApp(port: number): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ path: req.url }));
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

test('ProxyPass joins path and backend URL as written, as apache2 does', { timeout: 120_000 }, async () => {
  const appPort = await freePort();
  const port = await freePort();
  const app = await startApp(appPort);
  const variants = ALIASES.flatMap((alias) =>
    BACKENDS.map((tail) => ({ alias, url: `http://127.0.0.1:${appPort}${tail}` })),
  );
  const vhost = (listen: string, name: string, alias: string, url: string) =>
    `<VirtualHost ${listen}>\n    ServerName ${name}\n    ProxyPass ${alias} ${url}\n</VirtualHost>\n`;
  const root = makeServerRoot();
  writeFileSync(join(root.dir, 'ports.conf'), `Listen 127.0.0.1:${port}\n`);
  writeFileSync(
    join(root.dir, 'sites-enabled', 'shop.conf'),
    variants.map((v, i) => vhost(`*:${port}`, `v${i}.example`, v.alias, v.url)).join(''),
  );
  const server = start('apache2', APACHE, ['-D', 'FOREGROUND', '-d', root.dir, '-f', join(root.dir, 'apache2.conf')], { cwd: root.dir, env: root.env }); // prettier-ignore
  try {
    await waitUntil(server, `apache2 on port ${port}`, () => tryRequest({ port, path: '/' }));
    const disagreements: string[] = [];
    let asked = 0;
    for (const [i, v] of variants.entries()) {
      const config = parseApacheSite(vhost('*:80', `v${i}.example`, v.alias, v.url), 'apache/shop.conf');
      for (const path of PATHS) {
        asked++;
        const reply = await request({ port, path, headers: { Host: `v${i}.example` } });
        const real = realOutcome(reply.status, reply.body);
        const log = readFileSync(join(root.dir, 'log', 'error.log'), 'utf8');
        const virtual = virtualOutcome(
          virtualApache(config, { scheme: 'http', port: 80, method: 'GET', path, headers: [['Host', `v${i}.example`]], client: '127.0.0.1' }), // prettier-ignore
        );
        if (virtual.errorLog !== undefined && !log.includes(virtual.errorLog)) real.errorLog = 'not in error.log';
        const { errorLog: _said, ...said } = virtual;
        if (JSON.stringify(real) !== JSON.stringify(said))
          disagreements.push(`ProxyPass ${v.alias} ${v.url}, GET ${path}: apache2 ${JSON.stringify(real)}, virtual ${JSON.stringify(virtual)}`); // prettier-ignore
      }
    }
    console.log(`apache proxy paths: ${asked} requests, ${asked - disagreements.length} agree`);
    assert.deepEqual(disagreements, []);
    // Lesson 12's banner attack: an answer Apache makes itself shows Debian's ServerTokens OS, as the virtual says.
    const own = await request({ port, path: '/%2f', headers: { Host: 'v0.example' } });
    const config = parseApacheSite(vhost('*:80', 'v0.example', variants[0]!.alias, variants[0]!.url), 'apache/shop.conf'); // prettier-ignore
    const decision = virtualApache(config, { scheme: 'http', port: 80, method: 'GET', path: '/%2f', headers: [['Host', 'v0.example']], client: '127.0.0.1' }); // prettier-ignore
    assert.equal(own.status, 404);
    assert.equal(decision.kind === 'answer' && decision.status, 404);
    assert.equal(own.headers.server, new Map(decision.responseHeaders(404)).get('Server'));
    assert.match(own.body, /Apache\/2\.4\.\d+ \(Debian\) Server at/);
    assert.match(decision.kind === 'answer' ? decision.body : '', /Apache\/2\.4\.\d+ \(Debian\) Server at/);
  } finally {
    await server.stop();
    app.close();
    root.remove();
  }
});

/** Access sections for proxied requests, each in a vhost of its own port (a forward request gets the port's first). */
const ACCESS: Record<string, (app: string) => string> = {
  'ProxyRequests On, <Proxy *> Require all denied': () =>
    'ProxyRequests On\n<Proxy *>\n    Require all denied\n</Proxy>',
  'ProxyRequests On, <Proxy *> Require ip 10.0.0.0/8': () => 'ProxyRequests On\n<Proxy *>\n    Require ip 10.0.0.0/8\n</Proxy>', // prettier-ignore
  'ProxyRequests On, <Proxy *> Require ip 10.0.0.0/255.0.0.0': () => 'ProxyRequests On\n<Proxy *>\n    Require ip 10.0.0.0/255.0.0.0\n</Proxy>', // prettier-ignore
  'ProxyRequests On, <Proxy *> Require ip 127': () => 'ProxyRequests On\n<Proxy *>\n    Require ip 127\n</Proxy>',
  'ProxyRequests On, <Proxy *> Require local': () => 'ProxyRequests On\n<Proxy *>\n    Require local\n</Proxy>',
  'ProxyRequests On, <Proxy *> Require all granted': () => 'ProxyRequests On\n<Proxy *>\n    Require all granted\n</Proxy>', // prettier-ignore
  'ProxyRequests On alone': () => 'ProxyRequests On',
  'ProxyRequests On, <Location /> Require all denied': () => 'ProxyRequests On\n<Location />\n    Require all denied\n</Location>', // prettier-ignore
  '<Proxy app/admin> Require all denied': (app) => `<Proxy "${app}/admin">\n    Require all denied\n</Proxy>`,
  '<ProxyMatch /admin> Require all denied': () => '<ProxyMatch "/admin">\n    Require all denied\n</ProxyMatch>',
  '<Proxy *> denied, <Location /> granted': () => '<Proxy *>\n    Require all denied\n</Proxy>\n<Location />\n    Require all granted\n</Location>', // prettier-ignore
};

test(
  '<Proxy> and <ProxyMatch> sections guard forward and reverse proxied requests, as apache2 does',
  { timeout: 120_000 },
  async () => {
    const appPort = await freePort();
    const app = await startApp(appPort);
    const appUrl = `http://127.0.0.1:${appPort}`;
    const names = Object.keys(ACCESS);
    const ports = await Promise.all(names.map(() => freePort()));
    const vhost = (port: number | string, name: string) =>
      `<VirtualHost *:${port}>\n    ServerName shop.example\n    ProxyPass / ${appUrl}/\n${ACCESS[name]!(appUrl).replace(/^/gm, '    ')}\n</VirtualHost>\n`;
    const root = makeServerRoot();
    writeFileSync(join(root.dir, 'ports.conf'), ports.map((p) => `Listen 127.0.0.1:${p}\n`).join(''));
    writeFileSync(
      join(root.dir, 'sites-enabled', 'shop.conf'),
      names.map((name, i) => vhost(ports[i]!, name)).join(''),
    );
    const server = start('apache2', APACHE, ['-D', 'FOREGROUND', '-d', root.dir, '-f', join(root.dir, 'apache2.conf')], { cwd: root.dir, env: root.env }); // prettier-ignore
    try {
      await waitUntil(server, `apache2 on port ${ports[0]}`, () => tryRequest({ port: ports[0]!, path: '/' }));
      const asks: Array<{ path: string; host: string }> = [
        { path: '/orders/1', host: 'shop.example' },
        { path: '/admin/x', host: 'shop.example' },
        { path: `${appUrl}/fwd`, host: `127.0.0.1:${appPort}` },
      ];
      const disagreements: string[] = [];
      for (const [i, name] of names.entries()) {
        const config = parseApacheSite(vhost(80, name), 'apache/shop.conf');
        for (const ask of asks) {
          const reply = await request({ port: ports[i]!, path: ask.path, headers: { Host: ask.host } });
          const real = realOutcome(reply.status, reply.body);
          const virtual = virtualOutcome(
            virtualApache(config, { scheme: 'http', port: 80, method: 'GET', path: ask.path, headers: [['Host', ask.host]], client: '127.0.0.1' }), // prettier-ignore
          );
          if (JSON.stringify(real) !== JSON.stringify(virtual))
          disagreements.push(`${name}, GET ${ask.path}: apache2 ${JSON.stringify(real)}, virtual ${JSON.stringify(virtual)}`); // prettier-ignore
        }
      }
      console.log(`apache proxy access: ${names.length * asks.length} requests, ${names.length * asks.length - disagreements.length} agree`); // prettier-ignore
      assert.deepEqual(disagreements, []);
    } finally {
      await server.stop();
      app.close();
      root.remove();
    }
  },
);
