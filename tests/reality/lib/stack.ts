/**
 * The pieces every server-chain reality test starts: the variant's files in a temp dir, its app server
 * from the venv (waited for until the kernel shows it listening and it answers), and Debian's apache2
 * in front with the lesson's site. Each returns what the test must stop.
 */
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before } from 'node:test';
import { APACHE, makeServerRoot, rewriteSite, type ServerRoot } from './apache';
import { tryRequest } from './http';
import { launch, plan, type Endpoint } from './launch';
import type { Entrypoint, Files } from './lessons';
import { makeCert, type Cert } from './nginx';
import { freePort, run, start, waitUntil, type Started } from './processes';
import { listeningSockets } from './sockets';
import { ensureVenv, type Venv } from './venv';

const PROBE_PATH = join(import.meta.dirname, '..', 'fixtures', 'probe');
export const SERVER_NAME = 'shop.example';

/** The files in a fresh temp dir, readable by the servers' users. */
export function writeWorkDir(files: Files, name: string): string {
  const workDir = mkdtempSync(join(tmpdir(), `prodready-${name}-`));
  chmodSync(workDir, 0o755);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(workDir, path)), { recursive: true });
    writeFileSync(join(workDir, path), text);
  }
  return workDir;
}

export interface AppServer {
  app: Started;
  endpoint: Endpoint;
  /** The kernel's listening sockets of the server process. */
  listening: string[];
  /** The free loopback port it was given (also when it chose a unix socket). */
  port: number;
}

/** The entrypoint's server from the venv on a free port (or its unix socket), with the probe on PYTHONPATH. */
export async function startAppServer(
  name: string,
  entry: Entrypoint,
  workDir: string,
  venvBin: string,
  secret: string,
): Promise<AppServer> {
  const port = await freePort();
  const launchPlan = plan({ entry, dir: workDir, venvBin, port, socketPath: join(workDir, 'app.sock'), env: { SECRET_KEY: secret } }); // prettier-ignore
  process.stdout.write(`# ${name}: ${launchPlan.command} ${launchPlan.args.join(' ')}\n`);
  const app = launch(`${name} app server`, launchPlan, { PYTHONPATH: PROBE_PATH });
  const listening = await waitUntil(app, 'listening socket', () => {
    const found = listeningSockets(app.child.pid!);
    return found.length ? found : undefined;
  });
  const unix = listening.find((address) => address.startsWith('unix:'));
  const endpoint: Endpoint = unix ? { address: unix, socketPath: unix.slice('unix:'.length) } : { address: `127.0.0.1:${port}`, port }; // prettier-ignore
  await waitUntil(app, `answer on ${endpoint.address}`, () =>
    tryRequest({ port: endpoint.port, socketPath: endpoint.socketPath, path: '/' }),
  );
  return { app, endpoint, listening, port };
}

/** Waits until the proxy in front answers https with something other than 502/503 (the app is reached). */
export async function waitForHttps(proxy: Started, port: number, cert: Cert): Promise<void> {
  await waitUntil(proxy, 'answer on https', async () => {
    const reply = await tryRequest({
      port,
      path: '/',
      tls: { ca: readFileSync(cert.cert, 'utf8'), servername: SERVER_NAME },
      headers: { Host: SERVER_NAME },
    });
    return reply && reply.status !== 502 && reply.status !== 503 ? reply : undefined;
  });
}

/** Debian's apache2 with the lesson's site on the test's ports, checked with `apache2 -t` first, answering https. */
export async function startApacheSite(
  site: string,
  ports: { http: number; https: number },
  cert: Cert,
  app: Endpoint,
): Promise<{ apache: Started; root: ServerRoot }> {
  const root = makeServerRoot();
  writeFileSync(
    join(root.dir, 'ports.conf'),
    `Listen 127.0.0.1:${ports.http}\n<IfModule ssl_module>\n\tListen 127.0.0.1:${ports.https}\n</IfModule>\n`,
  );
  writeFileSync(join(root.dir, 'sites-enabled', 'shop.conf'), rewriteSite(site, ports, cert, app));
  const args = ['-d', root.dir, '-f', join(root.dir, 'apache2.conf')];
  const checked = run(APACHE, ['-t', ...args], { env: root.env });
  if (!checked.ok) root.remove();
  assert.ok(checked.ok, `apache2 -t refused the site:\n${checked.output}`);
  const apache = start('apache2', APACHE, ['-D', 'FOREGROUND', ...args], { cwd: root.dir, env: root.env });
  try {
    await waitForHttps(apache, ports.https, cert);
  } catch (error) {
    await apache.stop();
    root.remove();
    throw error;
  }
  return { apache, root };
}

/** The variant's Apache site (apache/*.conf), if it has one. */
export function apacheSiteOf(files: Files): string | undefined {
  return Object.keys(files).find((path) => /(^|\/)apache\/[^/]+\.conf$/.test(path));
}

/**
 * The venv of the pinned packages and a certificate for shop.example, made once before the file's tests
 * and the certificate removed after them (node:test hooks at the top level of the calling file).
 */
export function venvAndCertificate(): { venv(): Venv; cert(): Cert } {
  let venv: Venv | undefined;
  let cert: Cert | undefined;
  before(
    async () => {
      venv = await ensureVenv();
      cert = makeCert();
    },
    { timeout: 420_000 },
  );
  after(() => {
    if (cert) rmSync(cert.dir, { recursive: true, force: true });
  });
  return { venv: () => venv!, cert: () => cert! };
}
