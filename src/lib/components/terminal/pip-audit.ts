/**
 * `pip-audit`: the lesson's requirements against the advisory snapshot, printed the way pip-audit
 * 2.x prints its table (Name, Version, ID, Fix Versions). pip-audit resolves and installs to learn
 * the versions; here the pins are judged as written, with `packaging` in the worker
 * (src/lib/advisories/judge.ts), so a range shows the affected version it still admits.
 */
import { judgeDependencies, hasRequirementsFile, type DependencyVerdict } from '../../advisories/judge';
import { ADVISORIES } from '../../advisories/snapshot';
import type { Program } from './programs';
import { sanitizeForTerminal } from './sanitize';

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) =>
    row
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join(' ')
      .trimEnd();
  return [line(rows[0]!), line(widths.map((width) => '-'.repeat(width))), ...rows.slice(1).map(line)].join('\n');
}

export function auditReport(verdict: DependencyVerdict): string {
  const out: string[] = [];
  const open = verdict.open;
  if (open.length === 0) out.push('No known vulnerabilities found');
  else {
    const packages = new Set(open.map(({ match }) => match.name));
    out.push(
      `Found ${open.length} known vulnerabilit${open.length === 1 ? 'y' : 'ies'} in ${packages.size} package${packages.size === 1 ? '' : 's'}`,
    );
    const rows = open.map(({ match }) => [
      match.name,
      match.specifier === `==${match.affectedVersion}`
        ? match.affectedVersion
        : `${match.affectedVersion} (${match.specifier})`,
      match.advisory,
      match.fixed.join(','),
    ]);
    out.push(table([['Name', 'Version', 'ID', 'Fix Versions'], ...rows]));
  }
  for (const { match, ignore } of verdict.ignored)
    out.push(
      `Ignored ${match.advisory} for ${match.name}: ${sanitizeForTerminal(ignore.reason)} (${ignore.file}:${ignore.line})`,
    );
  for (const { refused } of open)
    if (refused)
      out.push(`${refused.ignore.file}:${refused.ignore.line}: not ignored: ${sanitizeForTerminal(refused.why)}`);
  for (const problem of verdict.problems)
    out.push(`${sanitizeForTerminal(problem.file)}:${problem.line}: ${sanitizeForTerminal(problem.message)}`);
  out.push(
    `(advisories: the OSV records of ${ADVISORIES.packages.join(', ')} as of ${ADVISORIES.retrieved}, shipped with the lesson)`,
  );
  return `${out.join('\n')}\n`;
}

export const pipAudit: Program = {
  name: 'pip-audit',
  help: 'pip-audit                match requirements.txt against known advisories (OSV records, offline)',
  run: async (_args, context) => {
    const files = context.files();
    if (!hasRequirementsFile(files)) return 'pip-audit: no requirements.txt in the project\n';
    if (!context.python) return 'pip-audit: Python is not available here\n';
    return auditReport(await judgeDependencies(files, context.python));
  },
};
