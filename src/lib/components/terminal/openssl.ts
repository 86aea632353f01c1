/**
 * `openssl s_client`: a TLS handshake against the lesson's nginx config, so the learner can try the
 * TLS 1.0 attack before and after fixing. It models the server this course deploys to, Debian 12:
 * nginx 1.22.1 inside Debian's stock nginx.conf, with OpenSSL 3.0. What it prints follows what that
 * server really answers (tried with `openssl s_client -tls1` against it):
 * - a protocol the config does not allow: alert 70, "protocol version";
 * - TLS 1.0/1.1 that the config allows: alert 80, "internal error", because OpenSSL 3 at its default
 *   security level has no signature algorithm left for them (Mozilla's generator: OpenSSL 3 needs
 *   @SECLEVEL=0 for TLS 1.0 and 1.1); the config still promises them, so the lesson still fails it;
 * - TLS 1.2/1.3 that it allows: a session.
 * The protocols come from the socket's default server (nginx < 1.29.2, trac #844), read as the
 * grader reads them (grading/nginx-tls.ts): the innermost level that sets ssl_protocols, its lines
 * OR-ed, Debian's nginx.conf included (it lists TLSv1 TLSv1.1 TLSv1.2 TLSv1.3 at the http level).
 */
import { httpScope, serversOnSocket } from '../../config/nginx';
import { effectiveProtocols } from '../../grading/nginx-tls';
import { loadNginx } from '../../grading/proxy-chain';
import type { WorkspaceFiles } from '../../runtime/protocol';
import { verifyServed } from './openssl-verify';
import type { Program } from './programs';

const VERSIONS: Record<string, string> = {
  '-tls1': 'TLSv1',
  '-tls1_1': 'TLSv1.1',
  '-tls1_2': 'TLSv1.2',
  '-tls1_3': 'TLSv1.3',
};
const KNOWN = new Set(Object.values(VERSIONS));
const BELOW_SECLEVEL = new Set(['TLSv1', 'TLSv1.1']);
const USAGE =
  'usage: openssl s_client [-tls1|-tls1_1|-tls1_2|-tls1_3] [-connect HOST:PORT] [-servername NAME] [-CAfile FILE [-verify_return_error] [-attime SECONDS]]';

interface Options {
  version: string | null;
  host: string;
  port: number;
  caFile: string | null;
  verifyReturnError: boolean;
  atTime: number | null;
}

function parseArgs(args: string[]): Options | string {
  const [sub, ...rest] = args;
  if (sub !== 's_client') return `openssl: only s_client is here\n${USAGE}`;
  const options: Options = {
    version: null,
    host: 'shop.example',
    port: 443,
    caFile: null,
    verifyReturnError: false,
    atTime: null,
  };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg in VERSIONS) options.version = VERSIONS[arg]!;
    else if (arg === '-connect') {
      const match = /^([^:\s]+):(\d+)$/.exec(rest[++i] ?? '');
      if (!match) return `s_client: -connect needs HOST:PORT\n${USAGE}`;
      options.host = match[1]!;
      options.port = Number(match[2]);
    } else if (arg === '-servername') {
      if (rest[++i] === undefined) return `s_client: -servername needs a name\n${USAGE}`;
    } else if (arg === '-CAfile') {
      options.caFile = rest[++i] ?? null;
      if (options.caFile === null) return `s_client: -CAfile needs a file\n${USAGE}`;
    } else if (arg === '-verify_return_error') options.verifyReturnError = true;
    else if (arg === '-attime') {
      const seconds = Number(rest[++i]);
      if (!Number.isInteger(seconds)) return `s_client: -attime needs seconds since 1970\n${USAGE}`;
      options.atTime = seconds;
    } else return `s_client: unknown option ${arg}\n${USAGE}`;
  }
  return options;
}

export function handshake(args: string[], files: WorkspaceFiles): string {
  const options = parseArgs(args);
  if (typeof options === 'string') return options + '\n';
  const target = `${options.host}:${options.port}`;
  const refused = `connect to ${target}: Connection refused\nconnect:errno=111\n`;
  const loaded = loadNginx(files);
  if (loaded === null) return refused + '(this lesson has no nginx config: nothing listens there)\n';
  if (!loaded.ok)
    return `${refused}(nginx did not start: ${loaded.error.reason} in ${loaded.error.file}:${loaded.error.line})\n`;
  const { config, file } = loaded.nginx;
  const socket = serversOnSocket(config, options.port);
  const first = socket.servers[0];
  if (!first) return refused + `(no server in ${file} listens on port ${options.port})\n`;
  if (!socket.ssl) {
    return (
      `CONNECTED(00000003)\nerror:0A00010B:SSL routines:ssl3_get_record:wrong version number\n` +
      `(port ${options.port} speaks plain HTTP: no "listen ${options.port} ssl" in ${file})\n`
    );
  }
  const defaultServer = (socket.servers.find((s) => s.listen.defaultServer) ?? first).server;
  const protocols = effectiveProtocols([httpScope(config), defaultServer]);
  const allowed = protocols.enabled;
  const lines = protocols.from.map((d) => `${d.file === file ? '' : "Debian's "}${d.file}:${d.line}`);
  const where =
    `ssl_protocols ${allowed.join(' ')} (` +
    (lines.length > 0 ? lines.join(' + ') : "nginx's built-in default") +
    `, for the default server of port ${options.port})`;
  const version = options.version ?? [...allowed].reverse().find((v) => KNOWN.has(v)) ?? 'TLSv1.3';
  if (!allowed.includes(version)) {
    return (
      `CONNECTED(00000003)\nerror:0A00042E:SSL routines:ssl3_read_bytes:tlsv1 alert protocol version:SSL alert number 70\n` +
      `---\nno peer certificate available\nNew, (NONE), Cipher is (NONE)\n    Protocol  : ${version}\n---\n` +
      `nginx refused ${version}: ${where}\n`
    );
  }
  if (BELOW_SECLEVEL.has(version)) {
    return (
      `CONNECTED(00000003)\nerror:0A000438:SSL routines:ssl3_read_bytes:tlsv1 alert internal error:SSL alert number 80\n` +
      `---\nNew, (NONE), Cipher is (NONE)\n    Protocol  : ${version}\n---\n` +
      `Refused by OpenSSL 3's default security level, not by your config: ${where}.\n` +
      `The config still offers ${version}; set ssl_protocols TLSv1.2 TLSv1.3 so the server itself says no.\n`
    );
  }
  const cipher = version === 'TLSv1.3' ? 'TLS_AES_256_GCM_SHA384' : 'ECDHE-RSA-AES128-GCM-SHA256';
  return (
    `CONNECTED(00000003)\ndepth=0 CN = ${options.host}\n---\n` +
    `New, ${version}, Cipher is ${cipher}\n    Protocol  : ${version}\n---\n` +
    `handshake done: ${where}\n`
  );
}

/** The handshake, and with -CAfile the certificate check a client makes (openssl-verify.ts). */
export async function sClient(args: string[], files: WorkspaceFiles): Promise<string> {
  const options = parseArgs(args);
  const text = handshake(args, files);
  if (typeof options === 'string' || options.caFile === null || !text.includes('handshake done')) return text;
  const loaded = loadNginx(files);
  if (loaded === null || !loaded.ok) return text;
  const report = await verifyServed(loaded.nginx, files, { ...options, caFile: options.caFile });
  if (typeof report === 'string') return text + report;
  if (!report.ok && options.verifyReturnError) {
    return (
      `CONNECTED(00000003)\n${report.lines}` +
      `error:0A000086:SSL routines:tls_post_process_server_certificate:certificate verify failed\n` +
      `---\nno peer certificate available\n---\n${report.code}\n`
    );
  }
  return (
    text.replace(/^CONNECTED\(00000003\)\ndepth=0 [^\n]*\n/, `CONNECTED(00000003)\n${report.lines}`) +
    `${report.code}\n`
  );
}

export const openssl: Program = {
  name: 'openssl',
  help: 'openssl s_client -tls1 -connect shop.example:443   a TLS handshake with the lesson nginx (-CAfile FILE: check its certificate)',
  run: async (args, context) => sClient(args, context.files()),
};
