/**
 * What mod_ssl really offers, against what the virtual Apache (config/apache/tls.ts) and so apache-weak-tls read:
 * every Apache config of the lessons and of the audit corpus that has a TLS vhost is started on Debian's apache2
 * (`apache2 -D FOREGROUND` on a ServerRoot laid out as Debian's /etc/apache2 in a temp dir, loopback ports) with
 * `LogLevel ssl:trace3`, which makes mod_ssl log, for each TLS vhost, "Configuring server NAME:PORT for SSL
 * protocol", "Creating new SSL context (protocols: …)" and "Configuring permitted SSL ciphers [SPEC]" (mod_ssl
 * appends :!aNULL:!eNULL:!EXP to what it was given). The protocols and the cipher spec of each vhost must be the
 * virtual Apache's. Only configs apache2 -t accepts are started (the differential test holds the refusals).
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, before, test } from 'node:test';
import {
  ApacheSyntaxError,
  cipherSpec,
  parseApacheSite,
  serverName,
  sslCipherSuite,
  sslEngineOn,
  sslProtocols,
  virtualHosts,
  type ApacheConfig,
} from '../../src/lib/config/apache';
import { APACHE, makeServerRoot, withTestCertificate } from './lib/apache';
import { lessonIds, variants } from './lib/lessons';
import { makeCert, type Cert } from './lib/nginx';
import { freePort, start, waitUntil } from './lib/processes';
import { REPO } from './lib/venv';

const CORPUS = join(REPO, 'tests', 'corpus');
const SITE = 'apache/shop.conf';

let cert: Cert;
before(() => {
  cert = makeCert();
});
after(() => {
  if (cert) rmSync(cert.dir, { recursive: true, force: true });
});

function sources(): Array<{ path: string; text: string }> {
  const found = new Map<string, string>();
  for (const lesson of lessonIds()) {
    for (const variant of variants(lesson, true)) {
      for (const [file, text] of Object.entries(variant.files)) {
        if (/(^|\/)apache\/[^/]+\.conf$/.test(file)) found.set(text, `${lesson}/${variant.name}/${file}`);
      }
    }
  }
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.conf')) found.set(readFileSync(path, 'utf8'), relative(REPO, path));
    }
  };
  for (const name of readdirSync(CORPUS).filter((n) => n.startsWith('apache-'))) walk(join(CORPUS, name));
  return [...found].map(([text, path]) => ({ path, text }));
}

/** "name: protocols [ciphers]" for each TLS vhost, as the virtual Apache reads them. */
function virtualContexts(config: ApacheConfig): string[] {
  return virtualHosts(config)
    .filter((vhost) => sslEngineOn(config, vhost))
    .map((vhost) => {
      const suite = sslCipherSuite(config, vhost);
      const spec = `${suite ? cipherSpec(suite) : 'DEFAULT'}:!aNULL:!eNULL:!EXP`;
      return `${serverName(vhost)}: ${sslProtocols(config, vhost).enabled.join(', ')} [${spec}]`;
    })
    .sort();
}

/** The same, read off apache2's own log: the last startup pass (httpd reads its config twice). */
function realContexts(log: string): string[] {
  const lines = log.split('\n');
  const contexts: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const name = /AH01914: Configuring server (\S+?)(?::\d+)? for SSL protocol/.exec(lines[i] ?? '')?.[1];
    if (name === undefined) continue;
    const rest = lines.slice(i + 1, i + 8).join('\n');
    const protocols = /Creating new SSL context \(protocols: ([^)]*)\)/.exec(rest)?.[1];
    const ciphers = /Configuring permitted SSL ciphers \[([^\]]*)\]/.exec(rest)?.[1];
    contexts.push(`${name}: ${protocols} [${ciphers}]`);
  }
  return [...new Set(contexts)].sort();
}

test("mod_ssl's protocols and ciphers per TLS vhost are the virtual Apache's", { timeout: 300_000 }, async () => {
  let compared = 0;
  const disagreements: string[] = [];
  for (const { path, text } of sources()) {
    let config: ApacheConfig;
    try {
      config = parseApacheSite(text, SITE);
    } catch (error) {
      if (error instanceof ApacheSyntaxError) continue;
      throw error;
    }
    const expected = virtualContexts(config);
    if (expected.length === 0) continue;
    const ports = { http: await freePort(), https: await freePort() };
    const root = makeServerRoot();
    try {
      writeFileSync(join(root.dir, 'ports.conf'), `Listen 127.0.0.1:${ports.http}\nListen 127.0.0.1:${ports.https}\n`);
      const site = withTestCertificate(text, cert)
        .replace(/<VirtualHost \*:80>/g, `<VirtualHost *:${ports.http}>`)
        .replace(/<VirtualHost \*:443>/g, `<VirtualHost *:${ports.https}>`);
      writeFileSync(join(root.dir, 'sites-enabled', 'shop.conf'), `LogLevel warn ssl:trace3\n${site}`);
      const args = ['-D', 'FOREGROUND', '-d', root.dir, '-f', join(root.dir, 'apache2.conf')];
      const apache = start('apache2', APACHE, args, { cwd: root.dir, env: root.env });
      const errorLog = join(root.dir, 'log', 'error.log');
      const readLog = () => {
        try {
          return readFileSync(errorLog, 'utf8');
        } catch {
          return '';
        }
      };
      try {
        // AH00094 ("Command line: …") is logged once the server is up, after its last config pass.
        await waitUntil(apache, 'AH00094 in error.log', () => (/AH00094/.test(readLog()) ? true : undefined));
      } catch (error) {
        throw new Error(
          `${path}: ${(error as Error).message}\nerror.log:\n${readLog().split('\n').slice(-6).join('\n')}`,
          { cause: error },
        );
      } finally {
        await apache.stop();
      }
      const actual = realContexts(readLog());
      compared++;
      if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        disagreements.push(`${path}:\n  apache2: ${actual.join(' | ')}\n  virtual: ${expected.join(' | ')}`);
      }
    } finally {
      root.remove();
    }
  }
  console.log(`apache tls: ${compared} configs with TLS vhosts started, ${compared - disagreements.length} agree`);
  assert.ok(compared >= 5, `expected the lesson's and the corpus's TLS configs (found ${compared})`);
  assert.deepEqual(disagreements, []);
});
