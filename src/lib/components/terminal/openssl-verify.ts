/**
 * `openssl s_client -CAfile FILE [-verify_return_error] [-attime SECONDS]`: the certificate check a client makes,
 * in OpenSSL 3.0's words (verify error:num=20 "unable to get local issuer certificate", num=10 "certificate has
 * expired", num=9 "certificate is not yet valid"). The chain is built as the grader builds it
 * (grading/certificates.ts): from what the server sends plus the CAfile's root only. -attime sets the
 * verifier's clock, as in openssl; without it, the real time.
 */
import { readCertificates, verifyChain } from '../../grading/certificates';
import type { LoadedNginx } from '../../grading/proxy-chain';
import { servedCertificate } from '../../grading/served-certificate';
import type { WorkspaceFiles } from '../../runtime/protocol';

export interface VerifyOptions {
  caFile: string;
  host: string;
  port: number;
  /** Seconds since 1970, as openssl's -attime. */
  atTime: number | null;
}

export interface VerifyReport {
  ok: boolean;
  /** The depth=N lines OpenSSL prints while verifying. */
  lines: string;
  /** `Verify return code: …`. */
  code: string;
}

const subject = (name: string) => name.replace(/=/g, ' = ');

export async function verifyServed(
  nginx: LoadedNginx,
  files: WorkspaceFiles,
  options: VerifyOptions,
): Promise<VerifyReport | string> {
  const caText = files[options.caFile];
  if (caText === undefined) return `Error loading file ${options.caFile}: no such file\n`;
  let root;
  try {
    root = readCertificates(caText, options.caFile).at(0);
  } catch (error) {
    return `${(error as Error).message}\n`;
  }
  if (root === undefined) return `${options.caFile}: no certificate in it\n`;
  const served = servedCertificate(nginx, files, options.host, options.port);
  if (!served.ok) return served.noTls ? '' : `(nginx would not start: ${served.problem})\n`;
  let sent;
  try {
    sent = readCertificates(served.certText, served.certificate.args[0] ?? '');
  } catch (error) {
    return `${(error as Error).message}\n`;
  }
  if (sent.length === 0) return `(${served.certificate.args[0]} holds no certificate: nginx would not start)\n`;
  const now = options.atTime === null ? new Date() : new Date(options.atTime * 1000);
  const verdict = await verifyChain(sent, root, now);
  if (verdict.ok) {
    const lines = [...verdict.chain].reverse().map((c, i, all) => `depth=${all.length - 1 - i} ${subject(c.subject)}\nverify return:1\n`); // prettier-ignore
    return { ok: true, lines: lines.join(''), code: 'Verify return code: 0 (ok)' };
  }
  if (verdict.reason === 'incomplete') {
    const top = verdict.chain[verdict.chain.length - 1]!;
    const depth = verdict.chain.length - 1;
    return {
      ok: false,
      lines: `depth=${depth} ${subject(top.subject)}\nverify error:num=20:unable to get local issuer certificate\n`,
      code: `Verify return code: 20 (unable to get local issuer certificate)\n(${served.certificate.args[0]} does not send the intermediate ${subject(verdict.missing)})`,
    };
  }
  const [num, text] =
    verdict.reason === 'expired' ? [10, 'certificate has expired'] : [9, 'certificate is not yet valid'];
  const valid = `valid ${verdict.certificate.notBefore.toISOString()} to ${verdict.certificate.notAfter.toISOString()}, the clock says ${now.toISOString()}`; // prettier-ignore
  return {
    ok: false,
    lines: `depth=0 ${subject(verdict.certificate.subject)}\nverify error:num=${num}:${text}\n`,
    code: `Verify return code: ${num} (${text})\n(${valid})`,
  };
}
