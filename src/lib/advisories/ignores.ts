/**
 * The project's advisory ignores: `advisories-ignored.txt`, one advisory id per line and, after it,
 * why it does not apply here (`GHSA-hgf8-39gv-g3f2  Windows only: the shop runs on Debian`).
 * pip-audit takes the same decision as `--ignore-vuln ID` on its command line, where the reason
 * lives nowhere; a file keeps the reason next to the id, under review with the code.
 */
export const IGNORE_FILE = 'advisories-ignored.txt';

export interface AdvisoryIgnore {
  id: string;
  reason: string;
  file: string;
  line: number;
}

export interface IgnoreProblem {
  file: string;
  line: number;
  message: string;
}

const ID = /^(GHSA(?:-[23456789cfghjmpqrvwx]{4}){3}|PYSEC-\d{4}-\d+|CVE-\d{4}-\d{4,})$/i;

/** GHSA ids are written GHSA-xxxx-xxxx-xxxx (lower-case groups), CVE and PYSEC ids in capitals. */
export function normalizeId(id: string): string {
  return /^ghsa-/i.test(id) ? `GHSA-${id.slice(5).toLowerCase()}` : id.toUpperCase();
}

export function readIgnores(files: Record<string, string>): { ignores: AdvisoryIgnore[]; problems: IgnoreProblem[] } {
  const text = files[IGNORE_FILE];
  const ignores: AdvisoryIgnore[] = [];
  const problems: IgnoreProblem[] = [];
  if (text === undefined) return { ignores, problems };
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const [id = '', ...rest] = line.split(/\s+/);
    const reason = rest.join(' ').replace(/^#\s*/, '').trim();
    if (!ID.test(id)) {
      problems.push({
        file: IGNORE_FILE,
        line: index + 1,
        message: `"${id}" is not an advisory id (GHSA-…, PYSEC-…, CVE-…)`,
      });
      return;
    }
    ignores.push({ id: normalizeId(id), reason, file: IGNORE_FILE, line: index + 1 });
  });
  return { ignores, problems };
}
