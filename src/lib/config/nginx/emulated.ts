/**
 * The one nginx the virtual nginx emulates: Debian 12's package, as `nginx -V` describes it. The directive
 * table, the variables and /etc/nginx are generated from this release (scripts/generate-nginx-data.js); rules
 * that depend on a version (add_header_inherit, default ssl_protocols) read it from here.
 */
import { NGINX_DEBIAN_VERSION, NGINX_SOURCE_VERSION } from './data/directives.generated';

export const EMULATED_NGINX = {
  version: NGINX_SOURCE_VERSION,
  package: `Debian 12 nginx ${NGINX_DEBIAN_VERSION}`,
  /** Debian 12's OpenSSL: at its default security level it refuses TLS 1.0 and 1.1 handshakes. */
  openssl: '3.0',
} as const;

/** Whether `version` (e.g. "1.22.1") is at least `minimum` ("1.23.4"). */
export function versionAtLeast(version: string, minimum: string): boolean {
  const a = version.split('.').map(Number);
  const b = minimum.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}
