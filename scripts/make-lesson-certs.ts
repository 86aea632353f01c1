/**
 * Makes lesson 10's test PKI, the files certbot's webroot plugin would leave in /etc/letsencrypt/live/NAME/:
 * a root CA (the only certificate a client trusts), an intermediate like Let's Encrypt's (ECDSA, no OCSP
 * responder URL: Let's Encrypt ended OCSP in 2025), and a 90-day leaf for shop.example.
 *
 *   npx tsx scripts/make-lesson-certs.ts
 *
 * writes (README-certificates.md there says what each is) lessons/_templates/shop-letsencrypt/letsencrypt/live/shop.example/{cert,chain,fullchain,privkey}.pem
 * and lessons/_templates/shop-letsencrypt/ca/root.pem (what the terminal trusts; checks.ts pins its SHA-256). The dates are
 * fixed, not "now": the grader judges at a fixed clock inside the leaf's validity (CERTIFICATE_CLOCK in
 * src/lib/grading/certificates.ts), so the lesson does not break when the leaf's 90 days are over in real time.
 * Run it again only to change the PKI; the keys are new each run.
 */
import { webcrypto } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as x509 from '../src/lib/grading/x509';

const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
export const LEAF_NOT_BEFORE = new Date('2026-01-05T00:00:00Z');
export const LEAF_NOT_AFTER = new Date('2026-04-05T00:00:00Z'); // 90 days, as Let's Encrypt issues them

async function keys(): Promise<CryptoKeyPair> {
  return (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
}

async function main(): Promise<void> {
  const rootKeys = await keys();
  const root = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: 'CN=Prodready Lesson Root X1, O=Prodready Lesson CA',
    notBefore: new Date('2025-01-01T00:00:00Z'),
    notAfter: new Date('2045-01-01T00:00:00Z'),
    keys: rootKeys,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(rootKeys.publicKey),
    ],
  });
  const intermediateKeys = await keys();
  const intermediate = await x509.X509CertificateGenerator.create({
    serialNumber: '02',
    subject: 'CN=Prodready Lesson E1, O=Prodready Lesson CA',
    issuer: root.subject,
    notBefore: new Date('2025-01-01T00:00:00Z'),
    notAfter: new Date('2035-01-01T00:00:00Z'),
    publicKey: intermediateKeys.publicKey,
    signingKey: rootKeys.privateKey,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
        true,
      ),
      await x509.SubjectKeyIdentifierExtension.create(intermediateKeys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(rootKeys.publicKey),
    ],
  });
  const leafKeys = await keys();
  const leaf = await x509.X509CertificateGenerator.create({
    serialNumber: '03a1',
    subject: 'CN=shop.example',
    issuer: intermediate.subject,
    notBefore: LEAF_NOT_BEFORE,
    notAfter: LEAF_NOT_AFTER,
    publicKey: leafKeys.publicKey,
    signingKey: intermediateKeys.privateKey,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: 'shop.example' }]),
      await x509.SubjectKeyIdentifierExtension.create(leafKeys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(intermediateKeys.publicKey),
    ],
  });
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', leafKeys.privateKey);
  const privkey = x509.PemConverter.encode(pkcs8, 'PRIVATE KEY');

  const live = join('lessons/_templates/shop-letsencrypt/letsencrypt/live/shop.example');
  mkdirSync(live, { recursive: true });
  const pem = (cert: x509.X509Certificate) => `${cert.toString('pem')}\n`;
  writeFileSync(join(live, 'cert.pem'), pem(leaf));
  writeFileSync(join(live, 'chain.pem'), pem(intermediate));
  writeFileSync(join(live, 'fullchain.pem'), pem(leaf) + pem(intermediate));
  writeFileSync(join(live, 'privkey.pem'), `${privkey}\n`);
  mkdirSync('lessons/_templates/shop-letsencrypt/ca', { recursive: true });
  writeFileSync('lessons/_templates/shop-letsencrypt/ca/root.pem', pem(root));
  // checks.ts pins this fingerprint: the grader trusts the root it made, not whatever ca/root.pem says.
  console.log('root sha-256:', Buffer.from(await root.getThumbprint('SHA-256')).toString('hex'));
}

await main();
