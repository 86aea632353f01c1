/**
 * Every requirement is one exact version with its hash, read as pip reads requirements files (with
 * `packaging`, in the harness): what `pip install --require-hashes -r requirements.txt` installs is
 * then the same files on every machine, on every day. pip's own rule, once one line has a hash,
 * every line needs one (pip docs, "Hash-checking mode"), is what this holds the file to.
 */
import { hasRequirementsFile } from '../../advisories/judge';
import type { CheckSpec } from '../../content/checks-schema';
import type { DeclaredRequirement } from '../../runtime/protocol';
import type { GradingContext } from '../context';
import type { CheckResult } from '../types';

type Spec = Extract<CheckSpec, { kind: 'requirements-pinned' }>;

function unpinned(requirement: DeclaredRequirement): string | null {
  const written = `${requirement.written}${requirement.specifier}`;
  if (requirement.exact === null) {
    const what = requirement.specifier ? `${written} is a range, not a pin` : `${written} names no version`;
    return `${what}: pip installs whatever is newest that day, so the laptop, CI and the server can each run a different release; pin one version with ==.`;
  }
  if (requirement.hashes === 0)
    return `${written} has no --hash: pip installs whatever file the index serves under that version; add its --hash=sha256:… (\`pip hash FILE\`, or \`pip-compile --generate-hashes\`).`;
  return null;
}

export async function requirementsPinned(spec: Spec, context: GradingContext): Promise<CheckResult> {
  const base = { id: spec.id, title: spec.title, hint: spec.hint };
  if (!hasRequirementsFile(context.files)) {
    return { ...base, passed: false, message: 'No requirements.txt: nothing says which versions production installs.' };
  }
  const report = await context.runtime.call('dependencies', { files: context.files, advisories: [] });
  const problem = report.problems[0];
  if (problem) return { ...base, passed: false, message: problem.message, file: problem.file, line: problem.line };
  if (report.requirements.length === 0) {
    return { ...base, passed: false, message: 'The requirements files list no package: nothing is pinned.' };
  }
  for (const requirement of report.requirements) {
    const why = unpinned(requirement);
    if (why) return { ...base, passed: false, message: why, file: requirement.file, line: requirement.line };
  }
  return {
    ...base,
    passed: true,
    message: `All ${report.requirements.length} requirements are exact versions with their hashes.`,
  };
}
