/**
 * The certificate nginx serves, judged as a client that trusts only the root judges it: the chain from the file
 * `ssl_certificate` names must reach the root with only what the file holds, be valid at the grader's clock
 * (fixed in checks.ts, so the lesson's 90-day certificate never expires under the tests), name the host, and
 * `ssl_certificate_key` must be its key. `ssl_stapling on` with a certificate that names no OCSP responder
 * does nothing but warn (nginx: "ssl_stapling" ignored, no OCSP responder URL in the certificate).
 */
import type { CheckSpec } from '../../content/checks-schema';
import { effectiveDirective, type Directive } from '../../config/nginx';
import { dnsNames, keyMatches, ocspResponders, readCertificates, sha256Hex, verifyChain } from '../certificates';
import type { GradingContext } from '../context';
import { loadNginx, noListener, parsedNginx } from '../proxy-chain';
import { servedCertificate } from '../served-certificate';
import { BlockedError, type CheckResult } from '../types';

type Spec = Extract<CheckSpec, { kind: 'certificate-chain' }>;

export async function certificateChain(spec: Spec, context: GradingContext): Promise<CheckResult> {
  const base = { id: spec.id, title: spec.title, hint: spec.hint };
  const fail = (message: string, at?: { file: string; line: number } | null): CheckResult => ({
    ...base,
    passed: false,
    message,
    file: at?.file,
    line: at?.line,
  });
  const nginx = parsedNginx(loadNginx(context.files));
  if (nginx === null) return fail('There is no nginx config (nginx/shop.conf): no server presents a certificate.');
  const served = servedCertificate(nginx, context.files, spec.host);
  if (!served.ok && served.noTls) throw new BlockedError(noListener(nginx.file, 'https'));
  if (!served.ok) return fail(served.problem, served.at);
  const { certificate, key, certText, keyText } = served;
  const at = (directive: Directive) => ({ file: directive.file, line: directive.line });

  const rootFile = context.files[spec.trustedRoot.file];
  // The client's trust store: only the lesson's root, whatever the workspace's copy says.
  let root;
  try {
    root = rootFile === undefined ? undefined : readCertificates(rootFile, spec.trustedRoot.file).at(0);
  } catch {
    root = undefined;
  }
  if (root === undefined || (await sha256Hex(root)) !== spec.trustedRoot.sha256.toLowerCase())
    return fail(`${spec.trustedRoot.file} is not the lesson's root CA: restore it, the client trusts that root only.`);
  let sent;
  try {
    sent = readCertificates(certText, certificate.args[0] ?? '');
  } catch (error) {
    return fail((error as Error).message, at(certificate));
  }
  const leaf = sent[0];
  if (leaf === undefined) return fail(`${certificate.args[0]} holds no certificate.`, at(certificate));
  const now = new Date(spec.clock);
  const verdict = await verifyChain(sent, root, now);
  const file = certificate.args[0];
  if (!verdict.ok && verdict.reason === 'incomplete') {
    const held = verdict.chain.map((c) => c.subject).join(', then ');
    return fail(
      `${file} sends only ${held}: a client that trusts only the root also needs the intermediate that issued it (${verdict.missing}), and the server does not send it. Serve fullchain.pem (the certificate, then the intermediate), not cert.pem.`,
      at(certificate),
    );
  }
  if (!verdict.ok) {
    const when = verdict.reason === 'expired' ? `expired on ${verdict.certificate.notAfter.toISOString()}` : `is valid only from ${verdict.certificate.notBefore.toISOString()}`; // prettier-ignore
    return fail(`${verdict.certificate.subject} in ${file} ${when} (the grader's clock says ${spec.clock}).`, at(certificate)); // prettier-ignore
  }
  const names = dnsNames(leaf);
  if (!names.includes(spec.host))
    return fail(`${file} is for ${names.join(', ') || 'no DNS name'}, not ${spec.host}: browsers refuse it.`, at(certificate)); // prettier-ignore
  if (!(await keyMatches(keyText, leaf)))
    return fail(`${key.args[0]} is not the key of ${file}'s certificate: nginx refuses to start ("key values mismatch").`, at(key)); // prettier-ignore
  const stapling = effectiveDirective(served.scopes, 'ssl_stapling');
  if (stapling?.args[0] === 'on' && ocspResponders(leaf).length === 0) {
    return fail(
      `ssl_stapling on, but ${file} names no OCSP responder (Let's Encrypt ended OCSP in 2025): nginx only warns "ssl_stapling" ignored, no OCSP responder URL in the certificate. Remove ssl_stapling.`,
      at(stapling),
    );
  }
  return {
    ...base,
    passed: true,
    message: `${file} chains to the trusted root (${verdict.chain.length} certificates), is valid for ${spec.host} at ${spec.clock}, and ${key.args[0]} is its key.`,
  };
}
