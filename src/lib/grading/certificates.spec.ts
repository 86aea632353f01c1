import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { dnsNames, keyMatches, ocspResponders, readCertificates, verifyChain, workspacePath } from './certificates';
import * as x509 from './x509';

// Lesson 10's test PKI (scripts/make-lesson-certs.ts): root, intermediate, leaf valid 2026-01-05 to 2026-04-05.
const TEMPLATE = 'lessons/_templates/shop-letsencrypt';
const LIVE = `${TEMPLATE}/letsencrypt/live/shop.example`;
const read = (file: string) => readFileSync(file, 'utf8');
const certs = (file: string) => readCertificates(read(file), file);
const [root] = certs(`${TEMPLATE}/ca/root.pem`);
const INSIDE = new Date('2026-02-01T00:00:00Z');

describe('verifyChain: a client that trusts only the root', () => {
  test('fullchain.pem reaches the root', async () => {
    const verdict = await verifyChain(certs(`${LIVE}/fullchain.pem`), root!, INSIDE);
    expect(verdict.ok).toBe(true);
    if (verdict.ok) expect(verdict.chain.map((c) => c.subject)).toHaveLength(3);
  });

  test('cert.pem alone is incomplete, naming the missing intermediate', async () => {
    const verdict = await verifyChain(certs(`${LIVE}/cert.pem`), root!, INSIDE);
    expect(verdict).toMatchObject({ ok: false, reason: 'incomplete', missing: expect.stringContaining('Lesson E1') });
  });

  test('the chain in the wrong order still builds (clients sort it), the intermediate alone does not', async () => {
    const [leaf, intermediate] = certs(`${LIVE}/fullchain.pem`);
    expect((await verifyChain([leaf!, intermediate!], root!, INSIDE)).ok).toBe(true);
    expect((await verifyChain([intermediate!], root!, INSIDE)).ok).toBe(true); // the intermediate chains; dnsNames then refuses it
    expect(dnsNames(intermediate!)).toEqual([]);
  });

  test('after the 90 days the leaf is expired, before them not yet valid', async () => {
    const full = certs(`${LIVE}/fullchain.pem`);
    expect(await verifyChain(full, root!, new Date('2026-04-06T00:00:00Z'))).toMatchObject({ reason: 'expired' });
    expect(await verifyChain(full, root!, new Date('2026-01-01T00:00:00Z'))).toMatchObject({ reason: 'not-yet-valid' });
  });

  test('a root that did not sign the chain is not linked to it', async () => {
    const [, intermediate] = certs(`${LIVE}/fullchain.pem`);
    const verdict = await verifyChain(certs(`${LIVE}/fullchain.pem`), intermediate!, INSIDE);
    expect(verdict.ok).toBe(false);
  });
});

test('a self-signed certificate for the name is not the trusted root', async () => {
  const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = (await crypto.subtle.generateKey(algorithm, false, ['sign', 'verify'])) as CryptoKeyPair;
  const selfSigned = await x509.X509CertificateGenerator.createSelfSigned({
    name: 'CN=shop.example',
    notBefore: new Date('2026-01-01T00:00:00Z'),
    notAfter: new Date('2027-01-01T00:00:00Z'),
    keys,
    signingAlgorithm: algorithm,
  });
  expect(await verifyChain([selfSigned], root!, INSIDE)).toMatchObject({ ok: false, reason: 'incomplete' });
});

describe('the leaf', () => {
  const [leaf] = certs(`${LIVE}/cert.pem`);
  test('is for shop.example and names no OCSP responder', () => {
    expect(dnsNames(leaf!)).toEqual(['shop.example']);
    expect(ocspResponders(leaf!)).toEqual([]);
  });

  test('privkey.pem is its key; a PEM that is no key, or another certificate, is not', async () => {
    expect(await keyMatches(read(`${LIVE}/privkey.pem`), leaf!)).toBe(true);
    expect(await keyMatches(read(`${LIVE}/cert.pem`), leaf!)).toBe(false);
    const [, intermediate] = certs(`${LIVE}/fullchain.pem`);
    expect(await keyMatches(read(`${LIVE}/privkey.pem`), intermediate!)).toBe(false);
  });
});

test('server paths under /etc/letsencrypt/ are the workspace letsencrypt/ folder, others are not in it', () => {
  expect(workspacePath('/etc/letsencrypt/live/shop.example/fullchain.pem')).toBe('letsencrypt/live/shop.example/fullchain.pem'); // prettier-ignore
  expect(workspacePath('/etc/ssl/certs/shop.pem')).toBeNull();
});

test('an unreadable certificate block names its file', () => {
  expect(() => readCertificates('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----', 'x.pem')).toThrow('x.pem: certificate 1'); // prettier-ignore
});
