/**
 * The certificate and key files the TLS server for a name presents, as nginx picks them (the server the
 * virtual nginx selects for an https request to that name, ssl_certificate inherited as nginx inherits it),
 * read from the workspace. Shared by the certificate-chain check and the terminal's `openssl s_client`.
 */
import { effectiveDirective, virtualProxy, type Directive, type Scope } from '../config/nginx';
import type { WorkspaceFiles } from '../runtime/protocol';
import { workspacePath } from './certificates';
import { listenPorts } from './nginx-scan';
import type { LoadedNginx } from './proxy-chain';

export interface Where {
  file: string;
  line: number;
}

export type Served =
  | { ok: true; certificate: Directive; key: Directive; certText: string; keyText: string; scopes: Scope[] }
  | { ok: false; noTls: true }
  | { ok: false; noTls?: false; problem: string; at: Where };

export function servedCertificate(nginx: LoadedNginx, files: WorkspaceFiles, host: string, port?: number): Served {
  const decision = virtualProxy(nginx.config, {
    scheme: 'https',
    port: port ?? listenPorts(nginx.config).tls[0] ?? 443,
    method: 'GET',
    path: '/',
    headers: [['Host', host]],
    client: '198.51.100.23',
  });
  if (decision.kind === 'error') return { ok: false, noTls: true };
  const serverAt = decision.server ? { file: decision.server.file, line: decision.server.line } : { file: nginx.file, line: 1 }; // prettier-ignore
  const certificate = effectiveDirective(decision.chain, 'ssl_certificate');
  const key = effectiveDirective(decision.chain, 'ssl_certificate_key');
  if (!certificate || !key) {
    const missing = certificate ? 'ssl_certificate_key' : 'ssl_certificate';
    return { ok: false, problem: `The TLS server for ${host} has no ${missing}.`, at: serverAt };
  }
  const read = (directive: Directive): string | { problem: string; at: Where } => {
    const path = directive.args[0] ?? '';
    const file = workspacePath(path);
    const text = file === null ? undefined : files[file];
    if (text !== undefined) return text;
    return {
      problem: `${directive.name} ${path}: no such file; certbot writes /etc/letsencrypt/live/${host}/ (letsencrypt/live/${host}/ here).`,
      at: { file: directive.file, line: directive.line },
    };
  };
  const certText = read(certificate);
  if (typeof certText !== 'string') return { ok: false, ...certText };
  const keyText = read(key);
  if (typeof keyText !== 'string') return { ok: false, ...keyText };
  return { ok: true, certificate, key, certText, keyText, scopes: decision.chain };
}
