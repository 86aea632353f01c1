/**
 * Lesson 10 on Debian's nginx with the lesson's own certificates (lessons/_templates/shop-letsencrypt): the
 * certbot files installed where the config names them, nginx started on loopback, and Debian's `openssl
 * s_client -verify_return_error`, trusting only the lesson's root, as the client. The solution's
 * fullchain.pem must verify; the cert-without-chain mistake's cert.pem must fail with error 20, as the
 * certificate-chain check says. And the fact the lesson cites for ssl_stapling: nginx warns that the
 * certificate names no OCSP responder.
 */
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { nginxConfigs, variants, type Variant } from './lib/lessons';
import { installSite, makePrefix, nginxTest, startNginx } from './lib/nginx';
import { freePort, run, waitUntil, type Started } from './lib/processes';

const LESSON = '10-certificates-and-headers';
// 2026-02-01, the grader's clock: inside the lesson certificate's 90 days (2026-01-05 to 2026-04-05).
const AT_TIME = String(Date.parse('2026-02-01T00:00:00Z') / 1000);

// The webroot lessons/_templates/shop-letsencrypt/letsencrypt/renewal/shop.example.conf names.
const WEBROOT = '/var/www/letsencrypt';
const TOKEN = 'reality-token';

const dirs: string[] = [];
const servers: Started[] = [];
after(async () => {
  for (const server of servers) await server.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function variant(name: string): Variant {
  const found = variants(LESSON, true).find((v) => v.name === name);
  assert.ok(found, `${LESSON} has no ${name}`);
  return found;
}

/** The variant's letsencrypt/ and ca/ under a temp dir, the config pointed there; nginx -t's result. */
async function install(v: Variant, start: boolean) {
  const root = mkdtempSync(join(tmpdir(), 'prodready-letsencrypt-'));
  dirs.push(root);
  chmodSync(root, 0o755);
  for (const [path, text] of Object.entries(v.files)) {
    if (!path.startsWith('letsencrypt/') && !path.startsWith('ca/')) continue;
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  chmodSync(join(root, 'letsencrypt/live/shop.example/privkey.pem'), 0o600); // as certbot leaves it
  const [site] = nginxConfigs(v.files);
  assert.ok(site);
  // certbot's webroot, with a token in it as the webroot plugin writes one.
  mkdirSync(join(root, 'webroot/.well-known/acme-challenge'), { recursive: true });
  writeFileSync(join(root, 'webroot/.well-known/acme-challenge', TOKEN), `${TOKEN}.key-authorization`);
  for (const dir of ['webroot', 'webroot/.well-known', 'webroot/.well-known/acme-challenge']) chmodSync(join(root, dir), 0o755); // prettier-ignore
  const config = v.files[site]!.replaceAll('/etc/letsencrypt/', `${root}/letsencrypt/`).replaceAll(WEBROOT, `${root}/webroot`); // prettier-ignore
  const files = { ...v.files, [site]: config };
  const prefix = makePrefix();
  dirs.push(prefix.root);
  const httpsPort = await freePort();
  const httpPort = await freePort();
  const unused = { dir: root, cert: '', key: '' };
  installSite(prefix, files, [site], { httpPort, httpsPort, cert: unused, keepCertificates: true });
  const checked = nginxTest(prefix);
  if (!start) return { root, checked, httpsPort, httpPort };
  assert.ok(checked.ok, `nginx -t refused ${v.name}:\n${checked.output}`);
  const nginx = startNginx(prefix);
  servers.push(nginx);
  await waitUntil(nginx, 'listen on https', () => new Promise<true | undefined>((resolve) => {
    const socket = connect(httpsPort, '127.0.0.1', () => { socket.destroy(); resolve(true); });
    socket.on('error', () => resolve(undefined));
  })); // prettier-ignore
  return { root, checked, httpsPort, httpPort };
}

function sClient(root: string, port: number) {
  return run('sh', [
    '-c',
    `openssl s_client -connect 127.0.0.1:${port} -servername shop.example -CAfile ${root}/ca/root.pem -verify_return_error -attime ${AT_TIME} </dev/null`,
  ], { timeoutMs: 20_000 }); // prettier-ignore
}

test('the solution: a client trusting only the root verifies fullchain.pem (return code 0)', async () => {
  const { root, httpsPort } = await install(variant('solution'), true);
  const result = sClient(root, httpsPort);
  assert.ok(result.ok, result.output);
  assert.match(result.output, /Verify return code: 0 \(ok\)/);
});

test('the cert-without-chain mistake: the same client fails with error 20', async () => {
  const { root, httpsPort } = await install(variant('mistakes/cert-without-chain'), true);
  const result = sClient(root, httpsPort);
  assert.equal(result.ok, false, result.output);
  assert.match(result.output, /unable to get local issuer certificate/);
});

test('the ocsp-stapling-on mistake: nginx says the certificate names no OCSP responder', async () => {
  const { checked } = await install(variant('mistakes/ocsp-stapling-on'), false);
  assert.ok(checked.ok, checked.output);
  assert.match(checked.output, /"ssl_stapling" ignored, no OCSP responder URL in the certificate/);
});

/** Let's Encrypt's HTTP-01 request, on port 80, not following redirects: status and body. */
async function challenge(port: number): Promise<{ status: number; body: string }> {
  const response = await fetch(`http://127.0.0.1:${port}/.well-known/acme-challenge/${TOKEN}`, {
    headers: { Host: 'shop.example' },
    redirect: 'manual',
  });
  return { status: response.status, body: await response.text() };
}

test('the acme-challenge check agrees with nginx: the solution serves the token from the webroot on port 80', async () => {
  const { httpPort } = await install(variant('solution'), true);
  assert.deepEqual(await challenge(httpPort), { status: 200, body: `${TOKEN}.key-authorization` });
});

test('the acme-redirected-to-https and acme-wrong-webroot mistakes: no token on port 80 (301, 404)', async () => {
  const redirected = await install(variant('mistakes/acme-redirected-to-https'), true);
  assert.equal((await challenge(redirected.httpPort)).status, 301);
  const wrong = await install(variant('mistakes/acme-wrong-webroot'), true);
  assert.equal((await challenge(wrong.httpPort)).status, 404);
});
