/**
 * Certificates as a TLS client sees them, with @peculiar/x509 (Pyodide's `_ssl` is a stub and `cryptography`
 * is not available offline): the PEM files nginx names, read from the workspace, and the chain a client that
 * trusts only the root can build from what the server sends.
 *
 * - nginx 1.22 docs, ssl_certificate (nginx.org/en/docs/http/ngx_http_ssl_module.html): "If intermediate
 *   certificates should be specified in addition to a primary certificate, they should be specified in the same
 *   file": the server sends what the file holds, and nothing else.
 * - certbot's documentation ("Where are my certificates?"): /etc/letsencrypt/live/NAME/ holds cert.pem (the
 *   certificate alone), chain.pem (the intermediates), fullchain.pem (both: "what most server software wants")
 *   and privkey.pem.
 */
import * as x509 from './x509';
import { subtleCrypto } from './web-crypto';

/** certbot writes under /etc/letsencrypt/; the workspace holds that folder as letsencrypt/. */
const LETSENCRYPT = '/etc/letsencrypt/';

/** The workspace file a server path names (the lesson's machine keeps /etc/letsencrypt as letsencrypt/). */
export function workspacePath(serverPath: string): string | null {
  if (serverPath.startsWith(LETSENCRYPT)) return `letsencrypt/${serverPath.slice(LETSENCRYPT.length)}`;
  return null;
}

/** Every certificate of a PEM file, in order; an unreadable block is an error naming the file. */
export function readCertificates(text: string, file: string): x509.X509Certificate[] {
  const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((block, index) => {
    try {
      return new x509.X509Certificate(block);
    } catch {
      throw new Error(`${file}: certificate ${index + 1} is not a readable X.509 certificate.`);
    }
  });
}

export async function sha256Hex(certificate: x509.X509Certificate): Promise<string> {
  subtleCrypto();
  const digest = new Uint8Array(await certificate.getThumbprint('SHA-256'));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export type ChainVerdict =
  | { ok: true; chain: x509.X509Certificate[] }
  | { ok: false; reason: 'incomplete'; chain: x509.X509Certificate[]; missing: string }
  | { ok: false; reason: 'expired' | 'not-yet-valid'; certificate: x509.X509Certificate };

/**
 * The chain from the leaf (the file's first certificate) to `root`, built only from what the server sends
 * plus the one root the client trusts, each link's signature checked, each certificate valid at `now`.
 */
export async function verifyChain(
  sent: x509.X509Certificate[],
  root: x509.X509Certificate,
  now: Date,
): Promise<ChainVerdict> {
  const [leaf] = sent;
  if (leaf === undefined) throw new Error('no certificate to verify');
  subtleCrypto(); // @peculiar/x509 verifies with the platform's WebCrypto: blocked, not failed, without it.
  const chain = await new x509.X509ChainBuilder({ certificates: [...sent.slice(1), root] }).build(leaf);
  const top = chain[chain.length - 1]!;
  const rootPrint = await sha256Hex(root);
  if ((await sha256Hex(top)) !== rootPrint) return { ok: false, reason: 'incomplete', chain, missing: top.issuer };
  for (let i = 0; i < chain.length; i++) {
    const certificate = chain[i]!;
    const issuer = chain[i + 1] ?? certificate;
    if (!(await certificate.verify({ publicKey: issuer.publicKey, signatureOnly: true }))) {
      return { ok: false, reason: 'incomplete', chain: chain.slice(0, i + 1), missing: certificate.issuer };
    }
    if (now < certificate.notBefore) return { ok: false, reason: 'not-yet-valid', certificate };
    if (now > certificate.notAfter) return { ok: false, reason: 'expired', certificate };
  }
  return { ok: true, chain };
}

/** The DNS names a certificate is for (subjectAltName; browsers ignore the CN since RFC 6125). */
export function dnsNames(certificate: x509.X509Certificate): string[] {
  const san = certificate.getExtension(x509.SubjectAlternativeNameExtension);
  return san?.names.items.filter((name) => name.type === 'dns').map((name) => name.value) ?? [];
}

/** A certificate's OCSP responder URLs (Authority Information Access); Let's Encrypt's have none since 2025. */
export function ocspResponders(certificate: x509.X509Certificate): string[] {
  const aia = certificate.getExtension(x509.AuthorityInfoAccessExtension);
  return aia?.ocsp.map((name) => name.value) ?? [];
}

/**
 * Does the PKCS#8 private key in `pem` belong to the certificate? Sign with one, verify with the other (as nginx's
 * "key values mismatch" check does at start). ECDSA keys, as certbot makes by default since 2.0.
 */
export async function keyMatches(pem: string, certificate: x509.X509Certificate): Promise<boolean> {
  const body = /-----BEGIN PRIVATE KEY-----([\s\S]*?)-----END PRIVATE KEY-----/.exec(pem)?.[1];
  if (body === undefined) return false;
  const algorithm = certificate.publicKey.algorithm as EcKeyImportParams;
  const key = await subtleCrypto()
    .importKey('pkcs8', x509.PemConverter.decodeFirst(pem), algorithm, false, ['sign'])
    .catch(() => null);
  if (key === null) return false;
  const data = new TextEncoder().encode('prodready key check');
  const params = { name: algorithm.name, hash: 'SHA-256' };
  const signature = await subtleCrypto().sign(params, key, data);
  const publicKey = await certificate.publicKey.export(algorithm, ['verify']);
  return subtleCrypto().verify(params, publicKey, signature, data);
}
