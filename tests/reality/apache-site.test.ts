/**
 * Lesson 12 on the real servers: each Apache solution and alternative in lessons/, in front of the lesson's own
 * Gunicorn (from a venv of the pinned packages), served by Debian's apache2 (`apache2 -D FOREGROUND` on a
 * ServerRoot laid out as Debian's /etc/apache2 in a temp dir, never the system service), all on loopback. It
 * replays what the lesson's checks judge through the virtual Apache, and what lesson 05 judges through nginx:
 * HTTP redirects to https, TLS 1.0 is refused, HSTS is on error pages too, no version in Server, no open forward
 * proxy (tried on loopback only), a name that is not the site's never reaches the app, and the app sees the client, https and the real host
 * whatever X-Forwarded-* the client forges.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import tls from 'node:tls';
import { after, before, describe, test } from 'node:test';
import type { ServerRoot } from './lib/apache';
import { request, type Reply } from './lib/http';
import { entrypoints, lessonIds, variants } from './lib/lessons';
import { freePort, type Started } from './lib/processes';
import {
  SERVER_NAME,
  apacheSiteOf,
  startApacheSite,
  startAppServer,
  venvAndCertificate,
  writeWorkDir,
} from './lib/stack';

/** The test client's own loopback address: distinct from 127.0.0.1, which is Apache's when it calls the app. */
const CLIENT = '127.0.0.2';

const subjects = lessonIds()
  .flatMap((lesson) => variants(lesson))
  .filter((variant) => apacheSiteOf(variant.files) !== undefined && entrypoints(variant.files).length > 0);

const shared = venvAndCertificate();

test('lesson 12 is found: an Apache site with a production entrypoint', () => {
  assert.ok(
    subjects.some((variant) => variant.lesson === '12-apache-proxy' && variant.name === 'solution'),
    `found ${subjects.map((v) => `${v.lesson} ${v.name}`).join(', ') || 'none'}`,
  );
});

for (const variant of subjects) {
  describe(`${variant.lesson} ${variant.name} on Debian's apache2`, { timeout: 120_000 }, () => {
    const secret = `reality-secret-${randomBytes(12).toString('hex')}`;
    const dirs: string[] = [];
    let app: Started | undefined;
    let apache: Started | undefined;
    let root: ServerRoot | undefined;
    const ports = { http: 0, https: 0 };
    let appPort = 0;

    const viaHttps = (path: string, headers: Record<string, string> = {}, servername = SERVER_NAME): Promise<Reply> =>
      request({
        port: ports.https,
        path,
        tls: { ca: readFileSync(shared.cert().cert, 'utf8'), servername },
        headers: { Host: SERVER_NAME, ...headers },
        localAddress: CLIENT,
      });
    const viaHttp = (path: string, headers: Record<string, string> = {}): Promise<Reply> =>
      request({ port: ports.http, path, headers: { Host: SERVER_NAME, ...headers }, localAddress: CLIENT });

    before(async () => {
      const workDir = writeWorkDir(variant.files, variant.lesson);
      dirs.push(workDir);
      ports.http = await freePort();
      ports.https = await freePort();
      const server = await startAppServer(
        variant.lesson,
        entrypoints(variant.files)[0]!,
        workDir,
        shared.venv().bin,
        secret,
      );
      app = server.app;
      appPort = server.port;
      ({ apache, root } = await startApacheSite(
        variant.files[apacheSiteOf(variant.files)!]!,
        ports,
        shared.cert(),
        server.endpoint,
      ));
    });

    after(async () => {
      await apache?.stop();
      await app?.stop();
      root?.remove();
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    });

    test('/ answers 200 through Apache over TLS 1.2 or 1.3, with HSTS and no version in Server', async () => {
      const reply = await viaHttps('/');
      assert.equal(reply.status, 200, reply.body);
      assert.match(reply.protocol ?? '', /^TLSv1\.[23]$/);
      assert.ok(reply.headers['strict-transport-security'], 'no Strict-Transport-Security');
      assert.doesNotMatch(String(reply.headers.server ?? ''), /Apache\/\d/);
    });

    test('an error page carries HSTS too (Header always), and says no version', async () => {
      const reply = await viaHttps('/nothing-here');
      assert.equal(reply.status, 404);
      assert.ok(reply.headers['strict-transport-security'], 'the 404 has no Strict-Transport-Security');
      assert.doesNotMatch(`${String(reply.headers.server ?? '')}\n${reply.body}`, /Apache\/\d/);
    });

    test('a TLS 1.0 handshake is refused', async () => {
      const outcome = await new Promise<string>((resolve) => {
        const socket = tls.connect({
          host: '127.0.0.1',
          port: ports.https,
          servername: SERVER_NAME,
          minVersion: 'TLSv1',
          maxVersion: 'TLSv1',
          rejectUnauthorized: false,
        });
        socket.once('secureConnect', () => resolve(`connected with ${socket.getProtocol()}`));
        socket.once('error', (error) => resolve(`refused: ${error.message}`));
        socket.setTimeout(5_000, () => resolve('timed out'));
      }).finally(() => undefined);
      assert.match(outcome, /^refused/);
    });

    test('plain HTTP redirects permanently to https, before anything reaches the app', async () => {
      const reply = await viaHttp('/orders/1001?x=1', { 'X-Forwarded-Proto': 'https' });
      assert.equal(reply.status, 301);
      assert.equal(reply.headers.location, `https://${SERVER_NAME}/orders/1001?x=1`);
    });

    test("not an open proxy: an absolute URL naming the app server's own address is not fetched", async () => {
      // The attack's 169.254.169.254 stands for any address only the server can reach; the test names one on
      // loopback (the app server itself), so an open proxy would answer 200 from it, and nothing leaves the host.
      const target = `http://127.0.0.1:${appPort}/__probe__`;
      const reply = await request({ port: ports.http, path: target, headers: { Host: `127.0.0.1:${appPort}` }, localAddress: CLIENT }); // prettier-ignore
      assert.equal(
        reply.status,
        403,
        `GET ${target} through Apache answered ${reply.status}: ${reply.body.slice(0, 200)}`,
      );
    });

    test('a name that is not the site gets the catch-all, never the app, on both ports', async () => {
      const plain = await viaHttp('/__probe__', { Host: 'evil.example' });
      assert.equal(plain.status, 403, plain.body);
      // SNI and Host both evil.example (the certificate is shop.example's: a browser would warn, an attacker goes on).
      const secure = await new Promise<number>((resolve, reject) => {
        const req = https.request(
          {
            host: '127.0.0.1',
            port: ports.https,
            path: '/__probe__',
            servername: 'evil.example',
            headers: { Host: 'evil.example' },
            rejectUnauthorized: false,
            localAddress: CLIENT,
            agent: false,
          },
          (response) => {
            response.resume();
            response.on('end', () => resolve(response.statusCode ?? 0));
          },
        );
        req.setTimeout(10_000, () => req.destroy(new Error('timed out')));
        req.on('error', reject);
        req.end();
      });
      assert.equal(secure, 403);
    });

    test('the app sees the client, https and the real host, whatever X-Forwarded-* the client forges', async (t) => {
      const reply = await viaHttps('/__probe__', { 'X-Forwarded-For': '10.6.6.6', 'X-Forwarded-Host': 'evil.example' });
      assert.equal(reply.status, 200, reply.body);
      const seen = JSON.parse(reply.body) as {
        remote_addr: string;
        scheme: string;
        host: string;
        external_url: string;
      };
      t.diagnostic(`the app saw ${JSON.stringify(seen)}`);
      assert.equal(seen.remote_addr, CLIENT);
      assert.equal(seen.scheme, 'https');
      assert.equal(seen.host, SERVER_NAME);
      assert.match(seen.external_url, /^https:\/\/shop\.example\//);
    });
  });
}
