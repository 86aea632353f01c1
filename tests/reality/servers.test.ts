/**
 * Each lesson's solution (and alternatives) with a production entrypoint — a Procfile `web:` line, a
 * systemd unit's ExecStart=, a supervisor program's command= — run on the real server from a venv of
 * the pinned packages, behind Debian's nginx with a certificate made now, all on loopback. Through
 * nginx: / answers, the attack route gets a generic 500, HTTP redirects to HTTPS, the app sees https
 * (and the client's address when the lesson claims it), and a forged X-Forwarded-For is not believed.
 *
 * The app sees requests through /__probe__, added to every Flask app by fixtures/probe/sitecustomize.py
 * (on PYTHONPATH), so the lesson's files, server settings and any ProxyFix stay exactly as written.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launch, listeningAddresses, plan, type Endpoint } from './lib/launch';
import {
  entrypoints,
  lessonFacts,
  lessonIds,
  nginxConfigs,
  variants,
  type Entrypoint,
  type Variant,
} from './lib/lessons';
import { request, tryRequest, type Reply } from './lib/http';
import { copyFixture, installSite, makeCert, makePrefix, nginxTest, startNginx, type Cert } from './lib/nginx';
import { freePort, waitUntil, type Started } from './lib/processes';
import { isLoopbackSocket, listeningSockets } from './lib/sockets';
import { ensureVenv, type Venv } from './lib/venv';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const PROBE_PATH = join(FIXTURES, 'probe');
const SERVER_NAME = 'shop.example';
/** The test client's own loopback address: distinct from 127.0.0.1, which is nginx's when it calls the app. */
const CLIENT = '127.0.0.2';
const FORGED = '10.6.6.6';

interface Subject {
  variant: Variant;
  entry: Entrypoint;
}

const subjects: Subject[] = lessonIds().flatMap((lesson) =>
  variants(lesson).flatMap((variant) => entrypoints(variant.files).map((entry) => ({ variant, entry }))),
);

let venv: Venv;
let cert: Cert;

before(
  async () => {
    const started = Date.now();
    venv = await ensureVenv();
    cert = makeCert();
    process.stdout.write(
      `# venv ${venv.built ? 'built' : 'cached'} (${venv.root}) and certificate ready in ${Date.now() - started} ms\n`,
    );
  },
  { timeout: 420_000 },
);

after(() => {
  if (cert) rmSync(cert.dir, { recursive: true, force: true });
});

test('the lessons with a production entrypoint are found', () => {
  const lessons = new Set(subjects.map((subject) => subject.variant.lesson));
  assert.ok(lessons.has('03-waitress'), 'lesson 03 (Procfile: python serve.py) is picked up');
  assert.ok(lessons.has('04-gunicorn'), 'lesson 04 (Procfile: gunicorn -c gunicorn.conf.py) is picked up');
});

for (const { variant, entry } of subjects) {
  describe(`${variant.lesson} ${variant.name}: ${entry.source}`, { timeout: 120_000 }, () => {
    const secret = `reality-secret-${randomBytes(12).toString('hex')}`;
    const dirs: string[] = [];
    let app: Started | undefined;
    let nginx: Started | undefined;
    let endpoint: Endpoint;
    let listening: string[] = [];
    let httpPort = 0;
    let httpsPort = 0;
    let attackPath = '/orders/abc';
    let claimsClientAddress = false;
    let claimsHttps = false;
    let workDir = '';

    const viaNginx = (path: string, headers: Record<string, string> = {}): Promise<Reply> =>
      request({
        port: httpsPort,
        path,
        tls: { ca: readFileSync(cert.cert, 'utf8'), servername: SERVER_NAME },
        headers: { Host: SERVER_NAME, ...headers },
        localAddress: CLIENT,
      });

    before(async () => {
      ({ attackPath, claimsClientAddress, claimsHttps } = await lessonFacts(variant.lesson));
      workDir = mkdtempSync(join(tmpdir(), `prodready-${variant.lesson}-`));
      dirs.push(workDir);
      chmodSync(workDir, 0o755);
      for (const [path, text] of Object.entries(variant.files)) {
        mkdirSync(dirname(join(workDir, path)), { recursive: true });
        writeFileSync(join(workDir, path), text);
      }
      const port = await freePort();
      httpPort = await freePort();
      httpsPort = await freePort();
      const launchPlan = plan({
        entry,
        dir: workDir,
        venvBin: venv.bin,
        port,
        socketPath: join(workDir, 'app.sock'),
        env: { SECRET_KEY: secret },
      });
      process.stdout.write(`# ${variant.lesson} ${variant.name}: ${launchPlan.command} ${launchPlan.args.join(' ')}\n`);
      for (const line of launchPlan.rewrites) process.stdout.write(`#   rewritten: ${line}\n`);
      app = launch(`${variant.lesson} app server`, launchPlan, { PYTHONPATH: PROBE_PATH });
      const server = app;

      // Up when the kernel shows it listening and it answers on the port it was given (or its unix socket).
      listening = await waitUntil(server, 'listening socket', () => {
        const found = listeningSockets(server.child.pid!);
        return found.length ? found : undefined;
      });
      const unix = listening.find((address) => address.startsWith('unix:'));
      endpoint = unix
        ? { address: unix, socketPath: unix.slice('unix:'.length) }
        : { address: `127.0.0.1:${port}`, port };
      await waitUntil(server, `answer on ${endpoint.address}`, () =>
        tryRequest({ port: endpoint.port, socketPath: endpoint.socketPath, path: '/' }),
      );
      listening = listeningSockets(server.child.pid!);
      const said = listeningAddresses(server.output());
      process.stdout.write(
        `#   listening (kernel): ${listening.join(', ')}; startup log: ${said.join(', ') || '(none)'}\n`,
      );

      const prefix = makePrefix();
      dirs.push(prefix.root);
      const rewrite = { httpPort, httpsPort, cert, app: endpoint };
      const siteConfigs = nginxConfigs(variant.files);
      if (siteConfigs.length) {
        installSite(prefix, variant.files, siteConfigs, rewrite);
        process.stdout.write(`# nginx: the lesson's ${siteConfigs.join(', ')}\n`);
      } else {
        copyFixture(prefix, 'front.conf', rewrite, readFileSync(join(FIXTURES, 'front.conf'), 'utf8'));
        process.stdout.write('# nginx: tests/reality/fixtures/front.conf (the lesson has no nginx config)\n');
      }
      const checked = nginxTest(prefix);
      assert.ok(checked.ok, `nginx -t refused the front config:\n${checked.output}`);
      nginx = startNginx(prefix);
      const proxy = nginx;
      await waitUntil(proxy, 'answer on https', async () => {
        const reply = await tryRequest({
          port: httpsPort,
          path: '/',
          tls: { ca: readFileSync(cert.cert, 'utf8'), servername: SERVER_NAME },
          headers: { Host: SERVER_NAME },
        });
        return reply && reply.status !== 502 ? reply : undefined;
      });
    });

    after(async () => {
      await nginx?.stop();
      await app?.stop();
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    });

    test("the app server listens on loopback only (the kernel's sockets, its own startup line) and answers there", async () => {
      assert.ok(listening.length > 0);
      for (const address of listening) assert.ok(isLoopbackSocket(address), `listens on ${address}: not loopback`);
      // What the server itself says, when it says it (Waitress's serve() logs it only at INFO).
      for (const address of listeningAddresses(app!.output())) {
        assert.match(
          address,
          /^(https?:\/\/(127\.[\d.]+|\[::1\]|localhost)[:/]|unix:)/,
          `says it listens on ${address}`,
        );
      }
      const direct = await request({ port: endpoint.port, socketPath: endpoint.socketPath, path: '/' });
      assert.equal(direct.status, 200);
    });

    test('/ answers 200 through nginx, over TLS 1.2 or 1.3', async () => {
      const reply = await viaNginx('/');
      assert.equal(reply.status, 200, reply.body);
      assert.match(reply.protocol ?? '', /^TLSv1\.[23]$/);
    });

    test(`the attack route gives a generic 500 through nginx; the traceback goes to the server's log only`, async () => {
      const before = app!.output().length;
      const reply = await viaNginx(attackPath);
      assert.equal(reply.status, 500);
      for (const leak of ['Traceback', 'File "', '/srv/', workDir, secret, '__debugger__', 'Werkzeug Debugger']) {
        assert.ok(!reply.body.includes(leak), `the 500 page contains ${JSON.stringify(leak)}:\n${reply.body}`);
      }
      // The log reaches the pipe a moment after the response.
      await waitUntil(
        app!,
        'traceback in its log',
        () => (app!.output().slice(before).includes('Traceback (most recent call last)') ? true : undefined),
        5_000,
      );
      assert.ok(!app!.output().includes(secret), 'the secret appears in the server log');
    });

    test('plain HTTP redirects permanently to https', async () => {
      const reply = await request({ port: httpPort, path: '/orders/1001?x=1', headers: { Host: SERVER_NAME } });
      assert.equal(reply.status, 301);
      assert.equal(reply.headers.location, `https://${SERVER_NAME}/orders/1001?x=1`);
    });

    test("the app sees https and a forged X-Forwarded-For is not its client's address", async (t) => {
      const reply = await viaNginx('/__probe__', { 'X-Forwarded-For': FORGED });
      assert.equal(reply.status, 200, reply.body);
      const seen = JSON.parse(reply.body) as { remote_addr: string; scheme: string; external_url: string };
      t.diagnostic(`the app saw ${JSON.stringify(seen)}`);
      if (claimsHttps) {
        assert.equal(seen.scheme, 'https');
        assert.match(seen.external_url, /^https:\/\//);
      } else {
        t.diagnostic(`the app sees ${seen.scheme}; this lesson's checks do not claim https (ProxyFix comes later)`);
      }
      assert.notEqual(seen.remote_addr, FORGED, 'a header the client forged became remote_addr');
      assert.ok(!seen.remote_addr.includes(FORGED));
      if (claimsClientAddress) {
        assert.equal(seen.remote_addr, CLIENT, "the lesson's checks say the app sees the client's address");
      } else if (seen.remote_addr !== CLIENT) {
        t.diagnostic(
          `remote_addr is ${seen.remote_addr} (nginx), not the client ${CLIENT}; this lesson does not claim otherwise`,
        );
      }
    });
  });
}
