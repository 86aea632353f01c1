/**
 * TLS facts the nginx rules need, each with its source, and the protocols a TLS server really has.
 *
 * - nginx's compiled-in `ssl_protocols` default, by version (src/http/modules/ngx_http_ssl_module.c at each
 *   release tag; nginx CHANGES): up to 1.23.3 "TLSv1 TLSv1.1 TLSv1.2"; 1.23.4 "now TLSv1.3 protocol is enabled
 *   by default"; 1.27.3 (commit 476d6526b, NGX_SSL_DEFAULT_PROTOCOLS) "TLSv1.2 TLSv1.3".
 * - `ssl_protocols` is a bitmask slot (ngx_conf_set_bitmask_slot): several at one level OR together, and a
 *   level inherits the enclosing one only when it sets none. Debian's nginx.conf sets
 *   "TLSv1 TLSv1.1 TLSv1.2 TLSv1.3" at the http level, so a site's http-level list adds to it.
 * - What nginx lists is not what OpenSSL allows: Debian 12's OpenSSL 3.0 at its default security level refuses
 *   TLS 1.0 and 1.1 handshakes (`openssl s_client -tls1` against Debian's nginx 1.22 fails), whatever nginx lists.
 * - Mozilla Server Side TLS 6.0, intermediate (https://ssl-config.mozilla.org/guidelines/6.0.json): TLS 1.2 and
 *   1.3, the six ECDHE suites below, no DHE; `ssl_ecdh_curve X25519MLKEM768:X25519:prime256v1:secp384r1` where
 *   OpenSSL >= 3.5 (Debian 12 has 3.0: X25519:prime256v1:secp384r1).
 */
import { directives, EMULATED_NGINX, versionAtLeast, type Directive, type Scope } from '../config/nginx';

export function defaultSslProtocols(version: string = EMULATED_NGINX.version): string[] {
  if (versionAtLeast(version, '1.27.3')) return ['TLSv1.2', 'TLSv1.3'];
  if (versionAtLeast(version, '1.23.4')) return ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];
  return ['TLSv1', 'TLSv1.1', 'TLSv1.2'];
}

export const MOZILLA_INTERMEDIATE_CIPHERS = [
  'ECDHE-ECDSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES128-GCM-SHA256',
  'ECDHE-ECDSA-AES256-GCM-SHA384',
  'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-CHACHA20-POLY1305',
  'ECDHE-RSA-CHACHA20-POLY1305',
];

export interface Protocols {
  /** The protocols nginx enables for the server (what it lists, before OpenSSL's own limits). */
  enabled: string[];
  /** The `ssl_protocols` directives that make the list (all of one level), empty for nginx's default. */
  from: Directive[];
}

/** The innermost level of `chain` that sets ssl_protocols decides; its directives OR together. */
export function effectiveProtocols(chain: readonly Scope[], version?: string): Protocols {
  for (let i = chain.length - 1; i >= 0; i--) {
    const found = directives(chain[i] as Scope, 'ssl_protocols');
    if (found.length > 0) {
      const enabled = [...new Set(found.flatMap((d) => d.args))];
      return { enabled, from: found };
    }
  }
  return { enabled: defaultSslProtocols(version), from: [] };
}
