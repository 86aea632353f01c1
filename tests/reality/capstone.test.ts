/**
 * Lesson 14 (the capstone) on the real servers, in both tracks: its solution (Gunicorn started as
 * shop.service says, behind Debian's nginx) and its alternative (Waitress started as the Supervisor
 * program says, behind Debian's apache2), each from the reality venv of the pinned packages, on
 * loopback, with the lesson's own site config (ports, certificate and upstream rewritten only). What
 * the grader's red team replays through the virtual proxies is replayed here against the real ones,
 * and what its blue team checks (the site works over https, https links, the visitor's address in the
 * app server's log) is checked the same way.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import tls from 'node:tls';
import { after, before, describe, test } from 'node:test';
import type { ServerRoot } from './lib/apache';
import { request, type Reply } from './lib/http';
import { entrypoints, nginxConfigs, variants } from './lib/lessons';
import { installSite, makePrefix, nginxTest, startNginx } from './lib/nginx';
import { freePort, waitUntil, type Started } from './lib/processes';
import {
  SERVER_NAME,
  apacheSiteOf,
  startApacheSite,
  startAppServer,
  venvAndCertificate,
  waitForHttps,
  writeWorkDir,
} from './lib/stack';

/** The test client's own loopback address: distinct from 127.0.0.1, which is the proxy's when it calls the app. */
const CLIENT = '127.0.0.2';
const FORGED = '10.6.6.6';
const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };

const tracks = variants('14-capstone').map((variant) => ({
  variant,
  entry: entrypoints(variant.files)[0],
  front: apacheSiteOf(variant.files) ? ('apache2' as const) : ('nginx' as const),
}));

const shared = venvAndCertificate();

test('both tracks are found: Gunicorn + systemd + nginx, Waitress + Supervisor + Apache', () => {
  const found = tracks.map(
    ({ variant, entry, front }) => `${variant.name}: ${entry?.kind} ${entry?.command} / ${front}`,
  );
  assert.ok(
    tracks.some(({ entry, front }) => entry?.kind === 'systemd' && /gunicorn/.test(entry.command) && front === 'nginx'),
    found.join('\n'),
  );
  assert.ok(
    tracks.some(({ entry, front }) => entry?.kind === 'supervisor' && front === 'apache2'),
    found.join('\n'),
  );
});

for (const { variant, entry, front } of tracks) {
  describe(`14-capstone ${variant.name}: ${entry?.source} behind ${front}`, { timeout: 120_000 }, () => {
    const secret = `reality-secret-${randomBytes(12).toString('hex')}`;
    const dirs: string[] = [];
    let app: Started | undefined;
    let proxy: Started | undefined;
    let root: ServerRoot | undefined;
    const ports = { http: 0, https: 0 };

    const viaHttps = (
      path: string,
      options: { method?: string; body?: string; headers?: Record<string, string> } = {},
    ): Promise<Reply> =>
      // prettier-ignore
      request({
        port: ports.https,
        path,
        method: options.method,
        body: options.body,
        tls: { ca: readFileSync(shared.cert().cert, 'utf8'), servername: SERVER_NAME },
        headers: { Host: SERVER_NAME, ...options.headers },
        localAddress: CLIENT,
      });

    before(async () => {
      assert.ok(entry, `${variant.name} has no unit or program to start`);
      const workDir = writeWorkDir(variant.files, '14-capstone');
      dirs.push(workDir);
      ports.http = await freePort();
      ports.https = await freePort();
      const server = await startAppServer(`14-capstone ${variant.name}`, entry, workDir, shared.venv().bin, secret);
      app = server.app;
      if (front === 'nginx') {
        const prefix = makePrefix();
        dirs.push(prefix.root);
        installSite(prefix, variant.files, nginxConfigs(variant.files), { httpPort: ports.http, httpsPort: ports.https, cert: shared.cert(), app: server.endpoint }); // prettier-ignore
        const checked = nginxTest(prefix);
        assert.ok(checked.ok, `nginx -t refused the site:\n${checked.output}`);
        proxy = startNginx(prefix);
        await waitForHttps(proxy, ports.https, shared.cert());
      } else {
        ({ apache: proxy, root } = await startApacheSite(variant.files[apacheSiteOf(variant.files)!]!, ports, shared.cert(), server.endpoint)); // prettier-ignore
      }
    });

    after(async () => {
      await proxy?.stop();
      await app?.stop();
      root?.remove();
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    });

    describe('blue team: the shop still works', () => {
      test('/ answers 200 over TLS 1.2 or 1.3', async () => {
        const reply = await viaHttps('/');
        assert.equal(reply.status, 200, reply.body);
        assert.match(reply.body, /Corner Shop/);
        assert.match(reply.protocol ?? '', /^TLSv1\.[23]$/);
      });

      test("a failed login is logged with the visitor's address, not the proxy's", async () => {
        const before = app!.output().length;
        const reply = await viaHttps('/login', { method: 'POST', body: 'user=ann&password=wrong', headers: FORM });
        assert.equal(reply.status, 401);
        const line = await waitUntil(
          app!,
          'the login line in its log',
          () =>
            app!
              .output()
              .slice(before)
              .split('\n')
              .find((text) => text.includes("login failed for 'ann'")),
          5_000,
        );
        assert.match(line, new RegExp(`from ${CLIENT.replaceAll('.', '\\.')}\\b`), line);
      });

      test('the admin logs in (a Secure session cookie), sees the uploads and downloads one', async () => {
        const login = await viaHttps('/login', {
          method: 'POST',
          body: 'user=admin&password=a-very-long-admin-passphrase',
          headers: FORM,
        });
        assert.equal(login.status, 302);
        const cookie = [login.headers['set-cookie'] ?? []].flat().find((value) => value.startsWith('session='));
        assert.ok(cookie, 'no session cookie');
        assert.match(cookie, /; Secure/i);
        assert.match(String(login.headers.location), /^(https:\/\/shop\.example)?\/account$/);
        const admin = await viaHttps('/admin', { headers: { Cookie: cookie.split(';')[0]! } });
        assert.equal(admin.status, 200, admin.body);
        assert.match(admin.body, /price-list\.txt/);
        const download = await viaHttps('/download?name=price-list.txt');
        assert.equal(download.status, 200);
        assert.match(download.body, /Espresso beans/);
      });

      test('the links the app builds are https links to the site', async () => {
        const reply = await viaHttps('/__probe__');
        assert.equal(reply.status, 200, reply.body);
        const seen = JSON.parse(reply.body) as { remote_addr: string; scheme: string; external_url: string };
        assert.equal(seen.scheme, 'https');
        assert.match(seen.external_url, /^https:\/\/shop\.example\//);
        assert.equal(seen.remote_addr, CLIENT);
      });
    });

    describe("red team: the earlier lessons' attacks fail", () => {
      test('02 a traceback for a crash: a plain 500, nothing of the exception', async () => {
        const reply = await viaHttps('/orders/abc');
        assert.equal(reply.status, 500);
        for (const leak of ['Traceback', 'File "', 'ValueError', secret]) assert.ok(!reply.body.includes(leak), leak);
      });

      test('05 TLS 1.0: the handshake is refused', async () => {
        const outcome = await new Promise<string>((resolve) => {
          const socket = tls.connect({ host: '127.0.0.1', port: ports.https, servername: SERVER_NAME, minVersion: 'TLSv1', maxVersion: 'TLSv1', rejectUnauthorized: false }); // prettier-ignore
          socket.once('secureConnect', () => {
            resolve(`connected with ${socket.getProtocol()}`);
            socket.destroy();
          });
          socket.once('error', (error) => resolve(`refused: ${error.message}`));
          socket.setTimeout(5_000, () => {
            resolve('timed out');
            socket.destroy();
          });
        });
        assert.match(outcome, /^refused/);
      });

      test('05 alias traversal: /static../app.py does not serve the code', async () => {
        const reply = await viaHttps('/static../app.py');
        assert.notEqual(reply.status, 200, reply.body.slice(0, 200));
        assert.ok(!reply.body.includes('required_setting'), 'the source of app.py came back');
      });

      test("06/12 forged X-Forwarded-For: the app keeps the visitor's address", async () => {
        const reply = await viaHttps('/__probe__', { headers: { 'X-Forwarded-For': FORGED } });
        assert.equal(reply.status, 200, reply.body);
        const seen = JSON.parse(reply.body) as { remote_addr: string };
        assert.equal(seen.remote_addr, CLIENT);
      });

      test('08 the debugger with a forged Host: no console, no file outside the uploads', async () => {
        const console = await viaHttps('/console', { headers: { Host: '127.0.0.1' } });
        assert.ok(!/Werkzeug Debugger|__debugger__/.test(console.body), 'a debugger answered');
        const read = await viaHttps('/download?name=../app.py');
        assert.equal(read.status, 404);
      });

      test('10 HSTS over plain http: port 80 redirects without it', async () => {
        const reply = await request({
          port: ports.http,
          path: '/',
          headers: { Host: SERVER_NAME },
          localAddress: CLIENT,
        });
        assert.equal(reply.status, 301);
        assert.equal(reply.headers.location, `https://${SERVER_NAME}/`);
        assert.equal(reply.headers['strict-transport-security'], undefined);
        const secure = await viaHttps('/');
        assert.ok(secure.headers['strict-transport-security'], 'https answers carry HSTS');
      });
    });
  });
}
