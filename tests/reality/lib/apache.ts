/**
 * Debian's apache2, run as any user and never as the system service: a ServerRoot in a temp dir laid out as
 * Debian's /etc/apache2 (copied from the installed package), with the modules a proxy site needs enabled, the
 * site in sites-enabled/, and Debian's envvars pointing the pid, lock and log files into the temp dir. The
 * config is checked with `apache2 -t -d ROOT -f ROOT/apache2.conf` (what `apachectl -t` runs).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROXY_SITE_MODULES } from '../../../src/lib/config/apache/debian-site';
import type { Endpoint } from './launch';
import type { Cert } from './nginx';

export const APACHE = '/usr/sbin/apache2';
export const ETC_APACHE = '/etc/apache2';

export interface ServerRoot {
  dir: string;
  env: Record<string, string>;
  remove(): void;
}

/** Debian's /etc/apache2 in a temp dir: stock files, the proxy site's modules enabled, no site enabled. */
export function makeServerRoot(): ServerRoot {
  const dir = mkdtempSync(join(tmpdir(), 'prodready-apache-'));
  cpSync(ETC_APACHE, dir, { recursive: true, dereference: false, verbatimSymlinks: true });
  for (const name of readdirSync(join(dir, 'sites-enabled'))) rmSync(join(dir, 'sites-enabled', name));
  // mods-enabled/ holds symlinks to ../mods-available: copy the files a2enmod would link.
  for (const name of readdirSync(join(dir, 'mods-enabled'))) rmSync(join(dir, 'mods-enabled', name));
  for (const file of PROXY_SITE_MODULES) cpSync(join(dir, 'mods-available', file), join(dir, 'mods-enabled', file));
  for (const name of readdirSync(join(dir, 'conf-enabled'))) {
    rmSync(join(dir, 'conf-enabled', name));
    cpSync(join(dir, 'conf-available', name), join(dir, 'conf-enabled', name));
  }
  for (const sub of ['run', 'lock', 'log']) mkdirSync(join(dir, sub));
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    LANG: 'C',
    APACHE_RUN_USER: 'www-data',
    APACHE_RUN_GROUP: 'www-data',
    APACHE_PID_FILE: join(dir, 'run', 'apache2.pid'),
    APACHE_RUN_DIR: join(dir, 'run'),
    APACHE_LOCK_DIR: join(dir, 'lock'),
    APACHE_LOG_DIR: join(dir, 'log'),
  };
  return { dir, env, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface ApacheVerdict {
  ok: boolean;
  /** The innermost "Syntax error on line N of FILE" (the site's own file and line), when it refused. */
  file?: string;
  line?: number;
  message: string;
  output: string;
}

/** Reads `apache2 -t`'s answer: where the innermost syntax error is, and its message. */
export function readVerdict(output: string, status: number | null): ApacheVerdict {
  if (status === 0 && /Syntax OK/.test(output)) return { ok: true, message: 'Syntax OK', output };
  const places = [...output.matchAll(/Syntax error on line (\d+) of ([^:\n]+):/g)];
  const last = places.at(-1);
  const after = last ? output.slice((last.index ?? 0) + last[0].length).trim() : output.trim();
  const message = after.split('\n')[0]?.trim() ?? '';
  return { ok: false, file: last?.[2], line: last ? Number(last[1]) : undefined, message, output };
}

/** `apache2 -t` on `site` as sites-enabled/`name` of a fresh Debian ServerRoot. */
export function apacheTest(site: string, name = 'shop.conf', extra: Record<string, string> = {}): ApacheVerdict {
  const root = makeServerRoot();
  try {
    writeFileSync(join(root.dir, 'sites-enabled', name), site);
    for (const [rel, text] of Object.entries(extra)) {
      mkdirSync(join(root.dir, rel, '..'), { recursive: true });
      writeFileSync(join(root.dir, rel), text);
    }
    const result = spawnSync(APACHE, ['-t', '-d', root.dir, '-f', join(root.dir, 'apache2.conf')], {
      encoding: 'utf8',
      env: root.env,
      timeout: 20_000,
    });
    const verdict = readVerdict(`${result.stdout}${result.stderr}`, result.status);
    if (verdict.file?.startsWith(root.dir)) verdict.file = verdict.file.slice(root.dir.length + 1);
    return verdict;
  } finally {
    root.remove();
  }
}

/** Certificate and key paths a site names (/etc/letsencrypt/…, /etc/ssl/…): apache2 checks they exist. */
const CERTIFICATE_PATH = /\/etc\/(?:letsencrypt|ssl)\/\S+?\.(?:pem|key|crt)\b/g;

/** `text` with every certificate path pointing at the test's certificate, every key path at its key. */
export function withTestCertificate(text: string, cert: { cert: string; key: string }): string {
  return text.replace(CERTIFICATE_PATH, (path) => (/priv|\.key$/.test(path) ? cert.key : cert.cert));
}

const APP_UPSTREAM = 'http://127.0.0.1:8000/';

/** A lesson's Apache site on the test's ports, certificate and app server; nothing else changes. */
export function rewriteSite(text: string, ports: { http: number; https: number }, cert: Cert, app: Endpoint): string {
  const upstream = app.socketPath ? `unix:${app.socketPath}|http://127.0.0.1/` : `http://127.0.0.1:${app.port}/`;
  return withTestCertificate(text, cert)
    .replace(/<VirtualHost \*:80>/g, `<VirtualHost *:${ports.http}>`)
    .replace(/<VirtualHost \*:443>/g, `<VirtualHost *:${ports.https}>`)
    .replaceAll(APP_UPSTREAM, upstream);
}
