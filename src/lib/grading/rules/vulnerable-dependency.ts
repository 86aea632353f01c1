/**
 * vulnerable-dependency: the version pip installs for a requirement has a published advisory (an
 * exact pin as written, a range by the newest release it admits, as pip resolves it), judged against
 * the advisory snapshot (src/lib/advisories, docs/advisories.md) with `packaging`. An advisory is
 * passed over only when advisories-ignored.txt gives a reason its scope supports (Windows only,
 * Jinja's sandbox only).
 */
import { ADVISORIES, describeAdvisory } from '../../advisories/snapshot';
import { hasRequirementsFile, judgeDependencies, type OpenMatch } from '../../advisories/judge';
import type { Rule } from '../rule';
import type { Finding, Severity } from '../types';

// GitHub's severities (database_specific.severity) on the audit's three levels.
const SEVERITY: Record<string, Severity> = { CRITICAL: 'high', HIGH: 'high', MODERATE: 'medium', LOW: 'low' };

const RANK: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

function severityOf(open: OpenMatch): Severity {
  return SEVERITY[open.record.database_specific?.severity ?? ''] ?? 'medium';
}

/** One advisory, with its fix, and why an ignore written for it does not hold. */
function advisoryText({ match, record, refused }: OpenMatch): string {
  const fixed = match.fixed.length > 0 ? `; fixed in ${match.fixed.join(', ')}` : '; no fixed version yet';
  const ignored = refused
    ? ` The ignore at ${refused.ignore.file}:${refused.ignore.line} does not hold: ${refused.why}.`
    : '';
  return `${describeAdvisory(record)}${fixed}.${ignored}`;
}

/** What pip installs for a range: the newest release it admits, named as far as the record can. */
function newestAdmitted(match: OpenMatch['match']): string {
  return match.affectedVersion === 'the newest release'
    ? 'the newest release'
    : `its newest admitted release (${match.affectedVersion} or a later one below its bound)`;
}

/** One finding per requirement line, with every advisory it admits (the audit keeps one finding per line). */
function findingFor(opens: OpenMatch[]): Finding {
  const { match } = opens[0] as OpenMatch;
  const what =
    match.specifier === `==${match.affectedVersion}`
      ? `${match.name}${match.specifier}`
      : `${match.name}${match.specifier} makes pip install ${newestAdmitted(match)}, which`;
  const advisories =
    opens.length === 1
      ? advisoryText(opens[0] as OpenMatch)
      : `${opens.length} advisories: ${opens.map(advisoryText).join(' ')}`;
  const severity = opens.map(severityOf).sort((a, b) => RANK[a] - RANK[b])[0] ?? 'medium';
  return {
    rule: 'vulnerable-dependency',
    severity,
    message: `${what} is affected by ${advisories}`,
    file: match.file,
    line: match.line,
  };
}

export const vulnerableDependency: Rule = {
  id: 'vulnerable-dependency',
  scope: 'project',
  severity: 'high',
  title: 'A pinned dependency has a published advisory',
  explanation:
    'A version with a published advisory is a known way in: the advisory says what to send and which versions answer. ' +
    `Judged against the OSV records of ${ADVISORIES.packages.join(', ')} read on ${ADVISORIES.retrieved}.`,
  confirms: `No pin, and no range's newest admitted release, has an advisory in the snapshot of ${ADVISORIES.retrieved}.`,
  fix: 'Pin a fixed version (`==` with its `--hash`), or, for an advisory limited to a platform or feature this deployment does not have, list it in advisories-ignored.txt with that reason.',
  references: [
    'https://ossf.github.io/osv-schema/',
    'https://github.com/github/advisory-database',
    'https://pypi.org/project/pip-audit/',
  ],
  evaluate: async (context) => {
    if (!hasRequirementsFile(context.files)) {
      return { findings: [], inconclusive: 'no requirements*.txt says which versions production installs' };
    }
    const verdict = await judgeDependencies(context.files, context.runtime);
    const byLine = new Map<string, OpenMatch[]>();
    for (const open of verdict.open) {
      const key = `${open.match.file}:${open.match.line}`;
      byLine.set(key, [...(byLine.get(key) ?? []), open]);
    }
    return { findings: [...byLine.values()].map(findingFor) };
  },
};
