/**
 * Current TLS guidance, shared by the nginx and the Apache weak-TLS rules: the protocols below it (RFC 8996
 * deprecates TLS 1.0 and 1.1), the cipher components that are broken, and Mozilla's Server Side TLS 6.0
 * intermediate suites (nginx-tls.ts, with its source).
 */
import { MOZILLA_INTERMEDIATE_CIPHERS } from './nginx-tls';

export const OLD_PROTOCOLS = new Set(['SSLv2', 'SSLv3', 'TLSv1', 'TLSv1.1']);

/** A weak component anywhere in a suite name (ECDHE-RSA-DES-CBC3-SHA) or as a keyword (RC4, aNULL). */
const WEAK_CIPHER = /(^|[-:+])(RC4|DES|3DES|MD5|NULL|EXPORT|EXP|aNULL|eNULL|ADH|AECDH|PSK|SEED|IDEA|CAMELLIA)([-:+]|$)/;

/** A suite name (not a keyword such as HIGH or a `!` exclusion) that Mozilla 6.0 intermediate leaves out. */
const outsideProfile = (cipher: string) =>
  /^[A-Z0-9]+(-[A-Z0-9]+)+$/.test(cipher) && !MOZILLA_INTERMEDIATE_CIPHERS.includes(cipher);

export const OPENSSL_NOTE =
  '(OpenSSL 3 at its default security level already refuses TLS 1.0 and 1.1 handshakes, but the config should say what it serves)';

/**
 * What is wrong with an OpenSSL cipher string, in words for a message, or null. Only what it names is judged:
 * keywords such as HIGH are left to OpenSSL (which, at Debian 12's security level, drops the broken suites).
 */
export function cipherProblem(spec: string, directive: string): string | null {
  const list = spec.split(':').filter((cipher) => cipher && !cipher.startsWith('!') && !cipher.startsWith('-'));
  const weak = list.filter((cipher) => WEAK_CIPHER.test(cipher));
  if (weak.length > 0) return `${directive} enables weak ciphers: ${weak.slice(0, 3).join(', ')}.`;
  const outside = list.filter(outsideProfile);
  if (outside.length > 0) {
    return `${directive} lists suites outside Mozilla's intermediate profile (6.0: six ECDHE suites, no DHE): ${outside.slice(0, 3).join(', ')}.`;
  }
  return null;
}
