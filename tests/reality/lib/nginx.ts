/**
 * Debian's nginx, run as any user: everything it writes (pid, logs, *_temp_path) under a prefix in a
 * temp dir, `-e` for the error log it opens before reading the config, `daemon off;` so it stays a
 * child of the test. A site config (a lesson's, or fixtures/front.conf) goes in sites-enabled/ under
 * Debian's stock nginx.conf, with only its listen ports, certificate paths, log paths and upstream
 * address rewritten.
 */
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DEBIAN_ETC_NGINX } from '../../../src/lib/config/nginx/data/debian-etc.generated';
import type { Endpoint } from './launch';
import { run, runOrThrow, start, type Started } from './processes';

export const NGINX = '/usr/sbin/nginx';

export interface Cert {
  dir: string;
  cert: string;
  key: string;
}

/** A self-signed certificate for shop.example, made now by openssl, valid one day. */
export function makeCert(dir = mkdtempSync(join(tmpdir(), 'prodready-cert-'))): Cert {
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  runOrThrow(
    'openssl',
    [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=shop.example', '-days', '1',
      '-addext', 'subjectAltName=DNS:shop.example', '-keyout', key, '-out', cert,
    ], // prettier-ignore
    { timeoutMs: 30_000 },
  );
  chmodSync(dir, 0o755);
  return { dir, cert, key };
}

export interface SiteRewrite {
  httpPort: number;
  httpsPort: number;
  cert: Cert;
  /** keep the config's own ssl_certificate/ssl_certificate_key (a test that installs the lesson's certificates) */
  keepCertificates?: boolean;
  /** where proxy_pass and upstream servers point; omitted for `nginx -t` only */
  app?: Endpoint;
  logs: string;
  /** absolute paths the lesson's config includes that exist among the lesson's files → their copies */
  includes?: Record<string, string>;
}

/** A statement `name args;` at the start of a line or after `;`, `{` or `}` (so not in a comment). */
function statements(text: string, name: string, replace: (args: string, indent: string) => string): string {
  const pattern = new RegExp(`(^|[;{}])([ \\t]*)${name}([ \\t]+[^;{}]*)?;`, 'gm');
  return text.replace(pattern, (_m, before: string, indent: string, args: string | undefined) => {
    return before + replace((args ?? '').trim(), indent);
  });
}

export function rewriteSite(text: string, options: SiteRewrite): string {
  let out = text;
  out = statements(out, 'listen', (args, indent) => {
    const [address = '', ...flags] = args.split(/\s+/);
    // IPv6 listens are dropped: the tests use IPv4 loopback only (and [::]:80 beside 127.0.0.1:80 is fine, but needless).
    if (address.startsWith('[')) return `${indent}# (reality test) dropped: listen ${args}`;
    const port = Number(/(\d+)$/.exec(address)?.[1] ?? '80');
    const tls = flags.includes('ssl') || port === 443;
    const to = tls ? options.httpsPort : options.httpPort;
    return `${indent}listen 127.0.0.1:${to}${flags.length ? ` ${flags.join(' ')}` : ''};`;
  });
  if (!options.keepCertificates) {
    out = statements(out, 'ssl_certificate', (_args, indent) => `${indent}ssl_certificate ${options.cert.cert};`);
    out = statements(out, 'ssl_certificate_key', (_args, indent) => `${indent}ssl_certificate_key ${options.cert.key};`); // prettier-ignore
  }
  out = statements(
    out,
    'ssl_trusted_certificate',
    (_a, indent) => `${indent}ssl_trusted_certificate ${options.cert.cert};`,
  );
  out = statements(
    out,
    'ssl_client_certificate',
    (_a, indent) => `${indent}ssl_client_certificate ${options.cert.cert};`,
  );
  out = statements(out, 'ssl_dhparam', (args, indent) => `${indent}# (reality test) dropped: ssl_dhparam ${args}`);
  let logCount = 0;
  for (const directive of ['access_log', 'error_log']) {
    out = statements(out, directive, (args, indent) => {
      const [target = '', ...rest] = args.split(/\s+/);
      if (target === 'off' || target.startsWith('syslog:') || target === 'stderr')
        return `${indent}${directive} ${args};`;
      const file = join(options.logs, `site-${directive}-${++logCount}.log`);
      return `${indent}${directive} ${[file, ...rest].join(' ')};`;
    });
  }
  if (options.includes) {
    const includes = options.includes;
    out = statements(out, 'include', (args, indent) => `${indent}include ${includes[args] ?? args};`);
  }
  if (options.app) {
    const app = options.app;
    // proxy_pass http://127.0.0.1:8000[/path] or http://unix:/run/x.sock:[/path] → the test's app server.
    out = statements(out, 'proxy_pass', (args, indent) => {
      const next = args.replace(
        /^(https?:\/\/)(unix:[^:]+:|\[[^\]]+\]:\d+|(?:127\.\d+\.\d+\.\d+|localhost)(?::\d+)?)/,
        (_m, scheme: string) => `${scheme}${app.address}${app.address.startsWith('unix:') ? ':' : ''}`,
      );
      return `${indent}proxy_pass ${next};`;
    });
    // upstream { server 127.0.0.1:8000 ...; } (a `server` statement with an address, not a server block)
    out = out.replace(
      /(^|[;{}])([ \t]*)server[ \t]+((?:unix:\S+|\[[^\]]+\]:\d+|(?:127\.\d+\.\d+\.\d+|localhost)(?::\d+)?))([^;{}]*);/gm,
      (_m, before: string, indent: string, _address: string, rest: string) =>
        `${before}${indent}server ${app.address}${rest};`,
    );
  }
  return out;
}

export interface Prefix {
  root: string;
  /** the main file: Debian's stock nginx.conf */
  conf: string;
  logs: string;
  /** sites-enabled/, where the site configs go (added by the caller) */
  sites: string;
}

/**
 * A prefix laid out as Debian's package lays out /etc/nginx (the copy shipped in
 * src/lib/config/nginx/data/, the one the virtual nginx reads), so a site is judged where the lesson says
 * it goes: in sites-enabled/, included from Debian's http { }. Only paths change, each within its line, so
 * nginx's line numbers are Debian's: /etc/nginx, /var/log/nginx and the pid file point into the prefix, and
 * `daemon off;` plus the temp paths ride on existing lines.
 */
export function makePrefix(root = mkdtempSync(join(tmpdir(), 'prodready-nginx-'))): Prefix {
  const etc = join(root, 'etc/nginx');
  const logs = join(root, 'logs');
  const sites = join(etc, 'sites-enabled');
  for (const dir of [logs, sites, join(etc, 'conf.d'), join(etc, 'modules-enabled'), join(root, 'tmp')]) {
    mkdirSync(dir, { recursive: true });
  }
  // As root, nginx's workers run as www-data (Debian's `user`): let them into the prefix.
  chmodSync(root, 0o755);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((name) => `${name}_temp_path ${join(root, 'tmp', name)};`)
    .join(' ');
  for (const [path, text] of Object.entries(DEBIAN_ETC_NGINX)) {
    const target = join(etc, path);
    mkdirSync(dirname(target), { recursive: true });
    let out = text.replaceAll('/etc/nginx/', `${etc}/`).replaceAll('/var/log/nginx/', `${logs}/`);
    if (path === 'nginx.conf') {
      out = out
        .replace(/^pid \/run\/nginx\.pid;/m, `pid ${join(root, 'nginx.pid')}; daemon off;`)
        .replace(/^(\s*include [^\n]*sites-enabled\/\*;)/m, `$1 ${temp}`);
      if (!out.includes('daemon off;') || !out.includes(temp)) throw new Error("Debian's nginx.conf changed shape");
    }
    writeFileSync(target, out);
  }
  return { root, conf: join(etc, 'nginx.conf'), logs, sites };
}

/**
 * Puts a lesson's nginx files into the prefix: the site configs (top level of their folder) into
 * sites/, everything else (snippets) beside nginx.conf under its own relative path, so both relative
 * includes and absolute /etc/nginx/... includes of those files resolve.
 */
export function installSite(
  prefix: Prefix,
  files: Record<string, string>,
  paths: string[],
  rewrite: Omit<SiteRewrite, 'logs'>,
): string[] {
  const confDir = dirname(prefix.conf);
  const roots = paths.map((path) => dirname(path));
  const top = roots.reduce((a, b) => (a.length <= b.length ? a : b), roots[0] ?? '.');
  const includes: Record<string, string> = {};
  const installed: string[] = [];
  for (const path of paths) {
    const inner = top === '.' ? path : path.slice(top.length + 1);
    if (inner.includes('/')) {
      const target = join(confDir, inner);
      mkdirSync(dirname(target), { recursive: true });
      includes[`/etc/nginx/${inner}`] = target;
    }
  }
  for (const path of paths) {
    const inner = top === '.' ? path : path.slice(top.length + 1);
    const text = rewriteSite(files[path]!, { ...rewrite, logs: prefix.logs, includes });
    const target = inner.includes('/') ? join(confDir, inner) : join(prefix.sites, inner);
    writeFileSync(target, text);
    if (!inner.includes('/')) installed.push(target);
  }
  return installed;
}

export function copyFixture(prefix: Prefix, fixture: string, rewrite: Omit<SiteRewrite, 'logs'>, text: string): string {
  const target = join(prefix.sites, fixture);
  writeFileSync(target, rewriteSite(text, { ...rewrite, logs: prefix.logs }));
  return target;
}

const testArgs = (prefix: Prefix) => [
  '-t',
  '-q',
  '-p',
  prefix.root,
  '-e',
  join(prefix.logs, 'error.log'),
  '-c',
  prefix.conf,
];

/** `nginx -t` on the prefix's nginx.conf. */
export function nginxTest(prefix: Prefix) {
  return run(NGINX, testArgs(prefix), { timeoutMs: 20_000 });
}

/** `nginx -t`, without blocking the test's event loop (so several can run at once). */
export function nginxTestAsync(prefix: Prefix): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve) => {
    execFile(NGINX, testArgs(prefix), { timeout: 20_000, killSignal: 'SIGKILL' }, (error, stdout, stderr) =>
      resolve({ ok: !error, output: `${stdout}${stderr}` }),
    );
  });
}

export function startNginx(prefix: Prefix): Started {
  return start('nginx', NGINX, ['-p', prefix.root, '-e', join(prefix.logs, 'error.log'), '-c', prefix.conf], {
    cwd: prefix.root,
    env: process.env,
  });
}
