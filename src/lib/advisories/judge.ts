/**
 * Judges a project's pins against the advisory snapshot: the version each requirement installs is
 * matched in Python with `packaging` (py/prodready_harness/dependencies.py), then each match is
 * either open, or ignored with a reason its advisory's scope supports. Shared by the
 * `vulnerable-dependency` rule, the lesson checks and the terminal's `pip-audit`.
 */
import type { AdvisoryMatch, DeclaredRequirement, WorkspaceFiles } from '../runtime/protocol';
import type { PythonRuntime } from '../grading/runtime';
import { ADVISORIES, advisory, type OsvRecord } from './snapshot';
import { readIgnores, type AdvisoryIgnore, type IgnoreProblem } from './ignores';
import { SANDBOX_MODULES, SCOPED_ADVISORIES, SCOPE_WORDS } from './scopes';

export interface OpenMatch {
  match: AdvisoryMatch;
  record: OsvRecord;
  /** The ignore that was written for it and refused, with why. */
  refused?: { ignore: AdvisoryIgnore; why: string };
}

export interface DependencyVerdict {
  requirements: DeclaredRequirement[];
  /** Lines that could not be read (requirements or ignores). */
  problems: IgnoreProblem[];
  open: OpenMatch[];
  ignored: Array<{ match: AdvisoryMatch; record: OsvRecord; ignore: AdvisoryIgnore }>;
}

// The same files as project_requirements.py's _REQUIREMENTS_TXT: requirements*.txt/.in, requirements/*.
const REQUIREMENTS_FILE = /(^|\/)(requirements[^/]*\.(txt|in)|requirements\/[^/]+\.(txt|in))$/;

/** Only what the judgement reads goes to Python: the requirements, and modules that may import the sandbox. */
function filesToRead(files: WorkspaceFiles): WorkspaceFiles {
  return Object.fromEntries(
    Object.entries(files).filter(
      ([path, text]) => REQUIREMENTS_FILE.test(path) || (path.endsWith('.py') && text.includes('sandbox')),
    ),
  );
}

export function hasRequirementsFile(files: WorkspaceFiles): boolean {
  return Object.keys(files).some((path) => REQUIREMENTS_FILE.test(path));
}

/** Why an ignore does not hold for this project, or null when it does. */
function refusal(ignore: AdvisoryIgnore, imports: string[]): string | null {
  if (!ignore.reason) return `${ignore.id} is ignored without a reason: say why it cannot reach this deployment`;
  const scoped = SCOPED_ADVISORIES[ignore.id];
  if (!scoped)
    return `${ignore.id} applies to every deployment of the package (its record names no platform or feature it needs): upgrade instead of ignoring it`;
  const { word, meaning } = SCOPE_WORDS[scoped.scope];
  if (!word.test(ignore.reason))
    return `the reason for ignoring ${ignore.id} does not say what its advisory is limited to (${scoped.scope}: "${scoped.evidence}")`;
  const sandbox = imports.find((name) => SANDBOX_MODULES.includes(name));
  if (scoped.scope === 'sandbox' && sandbox)
    return `${ignore.id} is ignored because ${meaning}, but the project imports ${sandbox}`;
  return null;
}

export async function judgeDependencies(files: WorkspaceFiles, runtime: PythonRuntime): Promise<DependencyVerdict> {
  const report = await runtime.call('dependencies', { files: filesToRead(files), advisories: ADVISORIES.records });
  const { ignores, problems } = readIgnores(files);
  const verdict: DependencyVerdict = {
    requirements: report.requirements,
    problems: [...report.problems, ...problems],
    open: [],
    ignored: [],
  };
  for (const match of report.matches) {
    const record = advisory(match.advisory);
    if (!record) continue;
    const ignore = ignores.find((entry) => entry.id === match.advisory || record.aliases?.includes(entry.id));
    const why = ignore ? refusal(ignore, report.imports) : null;
    if (ignore && why === null) verdict.ignored.push({ match, record, ignore });
    else verdict.open.push({ match, record, ...(ignore && why ? { refused: { ignore, why } } : {}) });
  }
  return verdict;
}
