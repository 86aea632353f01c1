/**
 * Lesson 13 on the real servers, and the virtual nginx's new features held to Debian's nginx 1.22.1.
 *
 * 1. The lesson's solution on Debian's nginx and real Gunicorn (the reality venv): `nginx -t` accepts it, six
 *    logins at once with forged X-Forwarded-For get five answers from the app and one 429 from nginx, an outsider
 *    (the client bound to 127.0.0.2, which `allow 127.0.0.1` does not cover) gets 403 on /healthz while
 *    127.0.0.1 gets 200, a 100 KB form gets 413, and nginx's access log line carries $remote_addr and a
 *    $request_id that Gunicorn's access line and the app's error line carry too. Each figure is compared with
 *    what the virtual nginx predicts for the same requests, and nginx's log line with the virtual one, byte for
 *    byte.
 * 2. Generated variants (seeded, NGINX_LOG_SEED explores others): a site with random allow/deny lists (orders,
 *    CIDRs, inheritance, a `return` among them), client_max_body_size values, limit_req zones (rates, burst,
 *    nodelay, delay=, limit_req_status, dry run, keys the client writes) and log_format lines (variables, escape
 *    modes, absent headers), served by real nginx in front of a small Node backend: every status, every refusal
 *    count and every log line must be the virtual nginx's. It prints the agreement.
 * 3. The lesson's alternatives and its mistakes that change only nginx/shop.conf, each on real nginx in front of
 *    the solution's Gunicorn (an alternative that changes the app too, in front of its own): the checks nginx decides (rate limit, /healthz both ways, 413, the log lines) fail
 *    on the real server exactly as the lesson's expect.json says, and the alternatives pass them.
 */
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadLesson } from '../../src/cli/lessons-fs';
import { firstAddress } from '../../src/lib/grading/checks/log-trail';
import { LimitReqState, parseSite, virtualProxy, type ClientRequest } from '../../src/lib/config/nginx';
import { launch, plan } from './lib/launch';
import { entrypoints, LESSONS, nginxConfigs } from './lib/lessons';
import { installSite, makeCert, makePrefix, nginxTest, startNginx, type Cert, type Prefix } from './lib/nginx';
import { random } from './lib/nginx-mutants';
import { freePort, waitUntil, type Started } from './lib/processes';
import { ensureVenv, type Venv } from './lib/venv';

const SERVER_NAME = 'shop.example';
const OUTSIDER = '127.0.0.2';
const SEED = Number(process.env.NGINX_LOG_SEED ?? 13);

interface Reply {
  status: number;
  body: string;
}

interface Send {
  port: number;
  tls?: { ca: string };
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** the client's own loopback address (127.0.0.2 is an outsider to `allow 127.0.0.1`) */
  from?: string;
}

/** One request (no keep-alive, a time limit); a body goes with its Content-Length. */
function send(options: Send): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers = { Host: SERVER_NAME, ...options.headers };
    if (options.body !== undefined) Object.assign(headers, { 'Content-Length': String(Buffer.byteLength(options.body)) }); // prettier-ignore
    const common = {
      host: '127.0.0.1',
      port: options.port,
      path: options.path,
      method: options.method ?? 'GET',
      headers,
      localAddress: options.from,
      agent: false as const,
    };
    const onResponse = (response: http.IncomingMessage) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      response.on('error', reject);
    };
    const req = options.tls
      ? https.request({ ...common, ca: options.tls.ca, servername: SERVER_NAME }, onResponse)
      : http.request(common, onResponse);
    req.setTimeout(20_000, () => req.destroy(new Error(`timed out: ${options.path}`)));
    // nginx answers 413 before reading a big body and may close while it is still being sent.
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' ? undefined : reject(error)));
    req.end(options.body);
  });
}

/** A log file's lines (nginx writes an access log line when the response is done). */
function lines(path: string): string[] {
  return readFileSync(path, 'utf8').split('\n').slice(0, -1);
}

/** The time of a `[$time_local]` or nothing; the virtual line is made at the same second. */
function loggedTime(line: string): Date {
  const match = /\[(\d\d)\/(\w{3})\/(\d{4}):(\d\d):(\d\d):(\d\d) \+0000\]/.exec(line);
  if (!match) return new Date(0);
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const [, d, mon, y, h, m, s] = match;
  return new Date(Date.UTC(Number(y), months.indexOf(mon!), Number(d), Number(h), Number(m), Number(s)));
}

const sorted = (statuses: number[]) => [...statuses].sort((a, b) => a - b);

let cert: Cert;
const dirs: string[] = [];
/** The lesson's checks that real nginx decides, replayed on it for each variant that changes only nginx/shop.conf. */
const NGINX_CHECKS = ['login-rate-limited', 'healthz-outsider-refused', 'healthz-loopback-allowed', 'large-body-refused', 'nginx-logs-client-and-id', 'app-logs-client-and-id', 'logs-keep-secrets']; // prettier-ignore
before(() => {
  cert = makeCert();
  dirs.push(cert.dir);
});
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const ca = () => ({ ca: readFileSync(cert.cert, 'utf8') });

/** The lesson's app on real Gunicorn from the reality venv, as its Procfile starts it, on a free port. */
async function startShop(
  files: Record<string, string>,
  env: Record<string, string>,
): Promise<{ app: Started; port: number }> {
  const venv: Venv = await ensureVenv();
  const workDir = mkdtempSync(join(tmpdir(), 'prodready-13-'));
  dirs.push(workDir);
  chmodSync(workDir, 0o755);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(workDir, path)), { recursive: true });
    writeFileSync(join(workDir, path), text);
  }
  const [entry] = entrypoints(files);
  assert.ok(entry, 'a production entrypoint (Procfile web:)');
  const port = await freePort();
  const app = launch('13 gunicorn', plan({ entry, dir: workDir, venvBin: venv.bin, port, socketPath: join(workDir, 'app.sock'), env })); // prettier-ignore
  await waitUntil(app, `answer on 127.0.0.1:${port}`, () => send({ port, path: '/' }).catch(() => undefined));
  return { app, port };
}

/** The lesson's nginx config on Debian's nginx (after `nginx -t` accepts it), in front of the app on `appPort`. */
async function startFront(files: Record<string, string>, appPort: number) {
  const prefix = makePrefix();
  dirs.push(prefix.root);
  const httpsPort = await freePort();
  const [site] = nginxConfigs(files);
  assert.ok(site, 'an nginx config');
  installSite(prefix, files, [site], { httpPort: await freePort(), httpsPort, cert, app: { address: `127.0.0.1:${appPort}`, port: appPort } }); // prettier-ignore
  const checked = nginxTest(prefix);
  assert.ok(checked.ok, `nginx -t refused ${site}:\n${checked.output}`);
  const nginx = startNginx(prefix);
  await waitUntil(nginx, 'answer on https', () => send({ port: httpsPort, tls: ca(), path: '/' }).catch(() => undefined)); // prettier-ignore
  return { prefix, httpsPort, nginx, siteText: files[site]! };
}

describe("13-trustworthy-logs solution on Debian's nginx and real Gunicorn", { timeout: 240_000 }, () => {
  let app: Started | undefined;
  let nginx: Started | undefined;
  let prefix: Prefix;
  let httpsPort = 0;
  let siteText = '';
  const virtual = () => parseSite(siteText, 'nginx/shop.conf');
  const virtualRequest = (request: Partial<ClientRequest> & { path: string }): ClientRequest => ({
    scheme: 'https',
    port: 443,
    method: 'GET',
    headers: [['Host', SERVER_NAME]],
    client: '127.0.0.1',
    ...request,
  });

  before(async () => {
    const lesson = await loadLesson(join(LESSONS, '13-trustworthy-logs'));
    const shop = await startShop(lesson.solution, lesson.run.env);
    app = shop.app;
    ({ prefix, httpsPort, nginx, siteText } = await startFront(lesson.solution, shop.port));
  });
  after(async () => {
    await nginx?.stop();
    await app?.stop();
  });

  test('nginx -t accepts the solution, and so does the virtual nginx', () => {
    assert.ok(nginxTest(prefix).ok);
    assert.doesNotThrow(() => virtual());
  });

  test('six logins at once, each with another forged X-Forwarded-For: the app answers five, nginx refuses one (429)', async () => {
    const body = 'user=admin&password=guess';
    const headers = (n: number) => ({ 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': `10.66.0.${n}` }); // prettier-ignore
    const real = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((n) => send({ port: httpsPort, tls: ca(), method: 'POST', path: '/login', headers: headers(n), body, from: OUTSIDER })), // prettier-ignore
    );
    const limits = new LimitReqState();
    const config = virtual();
    const predicted = [1, 2, 3, 4, 5, 6].map((n) => {
      const decision = virtualProxy(config, virtualRequest({ method: 'POST', path: '/login', client: OUTSIDER, body, headers: [['Host', SERVER_NAME], ...Object.entries(headers(n))] }), { limits, now: 5_000 }); // prettier-ignore
      return decision.kind === 'proxy' ? 401 : decision.kind === 'return' ? decision.status : 0;
    });
    process.stdout.write(`# six logins: real ${real.map((r) => r.status).join(' ')}; virtual ${predicted.join(' ')}\n`);
    assert.deepEqual(sorted(real.map((r) => r.status)), [401, 401, 401, 401, 401, 429]);
    assert.deepEqual(sorted(predicted), sorted(real.map((r) => r.status)));
  });

  test('/healthz: 403 for an outsider (127.0.0.2), 200 for 127.0.0.1, as the virtual nginx says', async () => {
    const outsider = await send({ port: httpsPort, tls: ca(), path: '/healthz', from: OUTSIDER });
    const local = await send({ port: httpsPort, tls: ca(), path: '/healthz', from: '127.0.0.1' });
    assert.equal(outsider.status, 403);
    assert.equal(local.status, 200);
    assert.deepEqual(JSON.parse(local.body), { status: 'ok' });
    const config = virtual();
    const v = (client: string) => virtualProxy(config, virtualRequest({ path: '/healthz', client }));
    assert.equal(v(OUTSIDER).kind === 'return' && (v(OUTSIDER) as { status: number }).status, 403);
    assert.equal(v('127.0.0.1').kind, 'proxy');
  });

  test('a 100 KB login form gets 413 from nginx, as the virtual nginx says', async () => {
    const body = 'a'.repeat(100_000);
    const real = await send({ port: httpsPort, tls: ca(), method: 'POST', path: '/login', body, from: OUTSIDER });
    assert.equal(real.status, 413);
    const decision = virtualProxy(
      virtual(),
      virtualRequest({ method: 'POST', path: '/login', body, client: OUTSIDER }),
    );
    assert.equal(decision.kind === 'return' ? decision.status : decision.kind, 413);
  });

  test("nginx's line has $remote_addr and $request_id, Gunicorn's line the same two, the app's error line the id", async () => {
    const logFile = join(prefix.logs, 'site-access_log-1.log');
    const outputBefore = app!.output().length;
    const headers = { 'X-Forwarded-For': '10.6.6.6', 'User-Agent': 'reality/13' };
    const reply = await send({ port: httpsPort, tls: ca(), path: '/orders/abc', headers, from: OUTSIDER });
    assert.equal(reply.status, 500);
    const line = await waitUntil(nginx!, 'the access log line', () => {
      return lines(logFile).find((l) => l.includes('/orders/abc'));
    });
    const id = /request_id=([0-9a-f]{32})/.exec(line)?.[1];
    assert.ok(id, `no 32-hex request id in nginx's line: ${line}`);
    assert.ok(line.startsWith(`${OUTSIDER} `), `nginx's line does not start with $remote_addr: ${line}`);
    // Gunicorn writes its access line and the app its error to the pipe a moment after the response.
    const appLog = await waitUntil(app!, 'the access line with the id', () => {
      const text = app!.output().slice(outputBefore);
      return text.includes(`${OUTSIDER} ${id} `) ? text : undefined;
    });
    const errorLine = appLog.split('\n').find((l) => l.includes('Exception on /orders/abc'));
    assert.ok(errorLine?.includes(`request_id=${id}`), `the app's error line lacks the id:\n${appLog}`);
    assert.ok(!appLog.includes('10.6.6.6 '), 'the forged address is logged as a client');

    // The virtual nginx writes the very same line, given nginx's id and second.
    const decision = virtualProxy(virtual(), virtualRequest({ path: '/orders/abc', client: OUTSIDER, requestId: id, headers: [['Host', SERVER_NAME], ...Object.entries(headers)] })); // prettier-ignore
    const bytes = /" 500 (\d+) "/.exec(line)?.[1];
    assert.equal(decision.accessLog(500, Number(bytes), loggedTime(line)), line);
  });

  test('a failed login logs the user, never the password', async () => {
    const before = app!.output().length;
    const body = 'user=ann&password=beans-and-more-beans!';
    const headers = { 'Content-Type': 'application/x-www-form-urlencoded' };
    const reply = await send({ port: httpsPort, tls: ca(), method: 'POST', path: '/login', headers, body, from: '127.0.0.3' }); // prettier-ignore
    assert.equal(reply.status, 401);
    const text = await waitUntil(app!, 'the failed login line', () => {
      const out = app!.output().slice(before);
      return out.includes("failed login for user 'ann'") ? out : undefined;
    });
    assert.ok(!text.includes('beans-and-more-beans'), `the password is in the log:\n${text}`);
  });
});

// ---- 2. generated variants ----

const BACKEND_BODY = 'backend ok\n';

interface Variants {
  text: string;
  /** location path → what to send there */
  access: string[];
  bodies: Array<{ path: string; size: number }>;
  limits: Array<{ path: string; count: number; forge: boolean }>;
  formats: number;
}

/** A site with generated access rules, body limits, rate limits and log formats, each in its own location. */
function generate(seed: number): Variants {
  const rnd = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  const rules = ['allow 127.0.0.1;', 'allow 127.0.0.2;', 'deny 127.0.0.2;', 'allow 127.0.0.0/30;', 'deny 127.0.0.3;', 'allow ::1;', 'deny all;', 'allow all;', 'deny 127.0.0.0/31;', 'allow 127.0.0.2/32;']; // prettier-ignore
  const http: string[] = [];
  const server: string[] = [];
  const access: string[] = [];
  const bodies: Array<{ path: string; size: number }> = [];
  const limits: Array<{ path: string; count: number; forge: boolean }> = [];
  // Server-level rules that locations without their own inherit.
  if (rnd() < 0.5) server.push(`    ${pick(rules)}`, `    ${pick(rules)}`);
  for (let i = 0; i < 8; i++) {
    const own = Array.from({ length: Math.floor(rnd() * 4) }, () => `        ${pick(rules)}`);
    const answer = rnd() < 0.2 ? '        return 200 "returned\\n";' : '        proxy_pass http://127.0.0.1:8000;';
    server.push(`    location /a${i} {`, ...own, answer, '    }');
    access.push(`/a${i}`);
  }
  if (rnd() < 0.5) server.push(`    client_max_body_size ${pick(['2k', '1500', '0'])};`);
  for (let i = 0; i < 4; i++) {
    const size = rnd() < 0.8 ? `        client_max_body_size ${pick(['1k', '2k', '0', '100', '3k'])};` : '';
    server.push(`    location /b${i} {`, size, '        proxy_pass http://127.0.0.1:8000;', '    }');
    for (const bytes of [50, 900, 1500, 2500, 5000]) bodies.push({ path: `/b${i}`, size: bytes });
  }
  for (let i = 0; i < 5; i++) {
    // Per minute, so the few milliseconds between concurrent arrivals drain nothing measurable; a fast rate only
    // with nodelay (a delayed request would wait a minute).
    const nodelay = rnd() < 0.6;
    const rate = nodelay && rnd() < 0.3 ? `${pick([1, 2])}r/s` : `${pick([1, 2, 30])}r/m`;
    const key = pick(['$binary_remote_addr', '$remote_addr', '$http_x_forwarded_for', '$binary_remote_addr$uri']);
    http.push(`limit_req_zone ${key} zone=z${i}:1m rate=${rate};`);
    const burst = rnd() < 0.7 ? ` burst=${pick([1, 2, 4])}` : '';
    const delay = nodelay ? ' nodelay' : burst && rnd() < 0.5 ? ` delay=${pick([1, 2, 4])}` : '';
    const status = rnd() < 0.5 ? `        limit_req_status ${pick([429, 444, 503])};` : '';
    const dry = rnd() < 0.1 ? '        limit_req_dry_run on;' : '';
    // Request k of a burst arriving together has an excess of k: up to delay= it passes at once, up to burst= it
    // is held until that drains (a minute at these rates), beyond burst= it is refused. Send none that would wait.
    const burstN = burst ? Number(/\d+/.exec(burst)![0]) : 0;
    const delayN = nodelay ? Infinity : delay ? Number(/\d+/.exec(delay)![0]) : 0;
    server.push(`    location /l${i} {`, `        limit_req zone=z${i}${burst}${delay};`, status, dry, '        proxy_pass http://127.0.0.1:8000;', '    }'); // prettier-ignore
    limits.push({ path: `/l${i}`, count: delayN >= burstN ? burstN + 3 : delayN + 1, forge: rnd() < 0.5 });
  }
  const variables = ['$remote_addr', '$request_id', '$status', '$body_bytes_sent', '$request', '$http_x_forwarded_for', '$http_cookie', '$http_referer', '$http_user_agent', '$cookie_session', '$arg_q', '$request_method', '$uri', '$args', '$remote_user', '${host}x', '$server_name', '$scheme', '$request_uri', '$http_x_absent']; // prettier-ignore
  const formats = 4;
  for (let f = 0; f < formats; f++) {
    const escape = pick(['', 'escape=json ', 'escape=none ', 'escape=default ']);
    const parts = Array.from({ length: 4 + Math.floor(rnd() * 4) }, () => pick(variables));
    http.push(`log_format f${f} ${escape}'${parts.join(' "|" ')}' ' end';`);
    server.push(`    access_log /var/log/nginx/f${f}.log f${f};`);
  }
  const text = [
    ...http,
    'server {',
    '    listen 80;',
    `    server_name ${SERVER_NAME};`,
    ...server.filter((line) => line !== ''),
    '}',
    '',
  ].join('\n');
  return { text, access, bodies, limits, formats };
}

describe(
  'the virtual nginx against Debian nginx on generated access, body-size, limit_req and log_format variants',
  { timeout: 300_000 },
  () => {
    let backend: http.Server;
    let backendPort = 0;
    const agreement = { statuses: 0, total: 0, lines: 0, lineTotal: 0 };

    before(async () => {
      backend = http.createServer((req, res) => {
        req.resume();
        req.on('end', () => res.end(BACKEND_BODY));
      });
      await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve));
      backendPort = (backend.address() as AddressInfo).port;
    });
    after(async () => {
      await new Promise<void>((resolve) => backend.close(() => resolve()));
      process.stdout.write(
        `# nginx log/limit/access differential: statuses ${agreement.statuses}/${agreement.total}, ` +
          `log lines ${agreement.lines}/${agreement.lineTotal} identical (seed ${SEED})\n`,
      );
    });

    for (let v = 0; v < 3; v++) {
      test(`variant ${v} (seed ${SEED + v})`, async () => {
        const variant = generate(SEED + v);
        const disagreements: string[] = [];
        const prefix = makePrefix();
        dirs.push(prefix.root);
        const port = await freePort();
        installSite(prefix, { 'nginx/site.conf': variant.text }, ['nginx/site.conf'], { httpPort: port, httpsPort: await freePort(), cert, app: { address: `127.0.0.1:${backendPort}`, port: backendPort } }); // prettier-ignore
        const checked = nginxTest(prefix);
        assert.ok(checked.ok, `nginx -t refused the generated site:\n${checked.output}\n${variant.text}`);
        const config = parseSite(variant.text, 'nginx/site.conf');
        const nginx = startNginx(prefix);
        try {
          await waitUntil(nginx, 'answer', () => send({ port, path: '/' }).catch(() => undefined));
          const limits = new LimitReqState();
          const expectStatus = (request: Partial<ClientRequest> & { path: string }, now = 0) => {
            const d = virtualProxy(config, { scheme: 'http', port: 80, method: 'GET', headers: [['Host', SERVER_NAME]], client: '127.0.0.1', ...request }, { limits, now }); // prettier-ignore
            return d.kind === 'proxy' ? 200 : d.kind === 'return' ? d.status : 502;
          };
          const compare = (what: string, real: number[], virtual: number[]) => {
            agreement.total++;
            if (JSON.stringify(sorted(real)) === JSON.stringify(sorted(virtual))) agreement.statuses++;
            else disagreements.push(`${what}: nginx ${real.join(' ')}, virtual ${virtual.join(' ')}`);
          };
          for (const path of variant.access) {
            for (const from of ['127.0.0.1', '127.0.0.2', '127.0.0.3']) {
              const real = await send({ port, path, from });
              compare(`GET ${path} from ${from}`, [real.status === 444 ? 444 : real.status], [expectStatus({ path, client: from })]); // prettier-ignore
            }
          }
          for (const { path, size } of variant.bodies) {
            const body = 'b'.repeat(size);
            const real = await send({ port, method: 'POST', path, body });
            compare(`POST ${path} with ${size} bytes`, [real.status], [expectStatus({ method: 'POST', path, body })]);
          }
          for (const [index, { path, count, forge }] of variant.limits.entries()) {
            const now = 1_000_000 * (index + 1);
            const headers = (n: number): Record<string, string> => (forge ? { 'X-Forwarded-For': `10.9.0.${n}` } : {});
            const real = await Promise.all(
              Array.from({ length: count }, (_, n) => send({ port, path, headers: headers(n), from: '127.0.0.2' }).catch(() => ({ status: 444, body: '' }))), // prettier-ignore
            );
            const virtual = Array.from({ length: count }, (_, n) => expectStatus({ path, client: '127.0.0.2', headers: [['Host', SERVER_NAME], ...Object.entries(headers(n))] }, now)); // prettier-ignore
            compare(`${count} × GET ${path}${forge ? ' (forged X-Forwarded-For)' : ''}`, real.map((r) => r.status), virtual); // prettier-ignore
          }
          // One request, every format: each file's last line against the virtual line.
          const headers = { 'User-Agent': 'reality "quoted" \\ agent', 'X-Forwarded-For': '10.6.6.6', Cookie: 'session=abc.def; other=1' }; // prettier-ignore
          const files = Array.from({ length: variant.formats }, (_, f) =>
            join(prefix.logs, `site-access_log-${f + 1}.log`),
          );
          const counts = files.map((file) => lines(file).length);
          const logged = await send({ port, path: '/a-log-line?q=1&r=%22', headers, from: '127.0.0.2' });
          for (let f = 0; f < variant.formats; f++) {
            // The request's line is the first one written after it was sent (the formats need not name the path).
            const line = await waitUntil(nginx, `log line ${f}`, () => lines(files[f]!)[counts[f]!]);
            const id = /[0-9a-f]{32}/.exec(line)?.[0];
            const decision = virtualProxy(config, { scheme: 'http', port: 80, method: 'GET', path: '/a-log-line?q=1&r=%22', headers: [['Host', SERVER_NAME], ...Object.entries(headers)], client: '127.0.0.2', requestId: id }); // prettier-ignore
            const ours = decision.accessLogEntries(logged.status, Buffer.byteLength(logged.body), new Date()).find((e) => e.directive?.args[1] === `f${f}`)?.line; // prettier-ignore
            agreement.lineTotal++;
            if (ours === line) agreement.lines++;
            else disagreements.push(`format f${f}: nginx ${JSON.stringify(line)}\n   virtual ${JSON.stringify(ours)}`);
          }
        } finally {
          await nginx.stop();
        }
        assert.deepEqual(disagreements, [], `variant ${v}:\n${variant.text}`);
      });
    }
  },
);

// ---- 3. the lesson's variants: what real nginx does with each nginx config the lesson ships ----

describe(
  '13-trustworthy-logs alternatives and nginx mistakes on real nginx: the checks nginx decides',
  { timeout: 300_000 },
  () => {
    let shop: { app: Started; port: number } | undefined;
    let lesson: Awaited<ReturnType<typeof loadLesson>>;
    before(async () => {
      lesson = await loadLesson(join(LESSONS, '13-trustworthy-logs'));
      shop = await startShop(lesson.solution, lesson.run.env);
    });
    after(async () => {
      await shop?.app.stop();
    });

    /** Which of NGINX_CHECKS fail on real nginx in front of `backend` (default the solution's app). */
    async function failing(files: Record<string, string>, backend = shop!): Promise<string[]> {
      const front = await startFront(files, backend.port);
      const at = (options: Omit<Send, 'port' | 'tls'>) => send({ port: front.httpsPort, tls: ca(), ...options });
      const fails: string[] = [];
      try {
        const form = { 'Content-Type': 'application/x-www-form-urlencoded' };
        const logins = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => at({ method: 'POST', path: '/login', headers: { ...form, 'X-Forwarded-For': `10.66.0.${n}` }, body: 'user=admin&password=guess', from: OUTSIDER }))); // prettier-ignore
        const statuses = logins.map((r) => r.status);
        if (!statuses.includes(401) || statuses.every((status) => status === 401)) fails.push('login-rate-limited');
        if ((await at({ path: '/healthz', from: OUTSIDER })).status !== 403) fails.push('healthz-outsider-refused');
        if ((await at({ path: '/healthz', from: '127.0.0.1' })).status !== 200) fails.push('healthz-loopback-allowed');
        if ((await at({ method: 'POST', path: '/login', body: 'a'.repeat(100_000), from: '127.0.0.3' })).status !== 413) fails.push('large-body-refused'); // prettier-ignore
        const log = join(front.prefix.logs, 'site-access_log-1.log');
        const before = lines(log).length;
        const appBefore = backend.app.output().length;
        await at({ path: '/account', headers: { 'X-Forwarded-For': '10.6.6.6', Cookie: 'session=a-session-cookie-value', Authorization: 'Basic YW4tYXBpLWNsaWVudDp0b2tlbg' }, from: '127.0.0.4' }); // prettier-ignore
        const line = await waitUntil(front.nginx, 'the access log line', () =>
          lines(log)
            .slice(before)
            .find((l) => l.includes('/account')),
        );
        const appLog = await waitUntil(backend.app, "Gunicorn's line", () => {
          const text = backend.app.output().slice(appBefore);
          return text.includes('/account') ? text : undefined;
        });
        const ids = line.match(/[0-9a-f]{32}/g) ?? [];
        // The client is the line's first address (a reader and every log tool take that one).
        const namesClient = (l: string) => firstAddress(l) === '127.0.0.4';
        if (!namesClient(line) || ids.length === 0) fails.push('nginx-logs-client-and-id');
        const gunicornLine = appLog.split('\n').find((l) => l.includes('/account')) ?? '';
        if (!namesClient(gunicornLine) || !ids.some((id) => gunicornLine.includes(id))) fails.push('app-logs-client-and-id'); // prettier-ignore
        if (line.includes('a-session-cookie-value') || line.includes('YW4tYXBpLWNsaWVudDp0b2tlbg')) fails.push('logs-keep-secrets'); // prettier-ignore
      } finally {
        await front.nginx.stop();
      }
      return fails;
    }

    test('the solution and every alternative pass them all on real nginx', async () => {
      const subjects: Array<[string, Record<string, string>]> = [
        ['solution', lesson.solution],
        ...lesson.alternatives.map((a): [string, Record<string, string>] => [`alternatives/${a.name}`, a.files]),
      ];
      const site = nginxConfigs(lesson.solution)[0]!;
      for (const [name, files] of subjects) {
        // An alternative that changes the app too (app-guards-healthz) runs in front of its own app.
        const ownApp = Object.keys(files).some((path) => path !== site && files[path] !== lesson.solution[path]);
        const own = ownApp ? await startShop(files, lesson.run.env) : undefined;
        try {
          assert.deepEqual(await failing(files, own), [], `${name} fails on real nginx`);
        } finally {
          await own?.app.stop();
        }
      }
    });

    test('each mistake that changes only the nginx config fails on real nginx exactly what the lesson says', async () => {
      const site = nginxConfigs(lesson.solution)[0]!;
      const nginxOnly = lesson.mistakes.filter((m) => {
        const changed = Object.keys(m.files).filter((path) => m.files[path] !== lesson.solution[path]);
        return changed.length === 1 && changed[0] === site && !('nginx-parses' in m.fails);
      });
      assert.ok(nginxOnly.length >= 5, `only ${nginxOnly.length} nginx mistakes`);
      for (const mistake of nginxOnly) {
        const expected = Object.keys(mistake.fails).filter((id) => NGINX_CHECKS.includes(id));
        assert.deepEqual(
          (await failing(mistake.files)).sort(),
          [...expected].sort(),
          `mistakes/${mistake.name} on real nginx`,
        );
        process.stdout.write(
          `# mistakes/${mistake.name}: real nginx fails ${expected.join(', ') || '(none of the nginx checks)'}\n`,
        );
      }
    });
  },
);
