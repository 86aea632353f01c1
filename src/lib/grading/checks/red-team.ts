/**
 * The capstone's red team: each earlier lesson's attack (its checks marked `redTeam`, collected by
 * the lesson loader) replayed against this workspace, as production runs it, under this check's
 * environment. An attack that still works is named with its lesson and a link back to it. An
 * attack aimed at a part this deployment does not have (Apache's, behind nginx) is not replayed,
 * and the pass says which; a deployment with no proxy in front has nothing to attack, and fails.
 */
import { hasRequirementsFile } from '../../advisories/judge';
import type { CheckSpec } from '../../content/checks-schema';
import type { RedTeamAttack } from '../../content/lesson';
import type { WorkspaceFiles } from '../../runtime/protocol';
import { loadApache } from '../apache-chain';
import type { GradingContext } from '../context';
import { loadProcess } from '../process-manager';
import { loadNginx } from '../proxy-chain';
import type { RuleScope } from '../rule';
import { rules } from '../rules';
import type { CheckResult, ResultLink } from '../types';

type Spec = Extract<CheckSpec, { kind: 'red-team' }>;

/** Runs one check as the engine does (time limit, blocking errors); given by the engine. */
export type Replay = (check: CheckSpec, context: GradingContext) => Promise<CheckResult>;

type Part = 'nginx' | 'Apache' | 'process manager' | 'requirements file';

/**
 * The part each kind of check goes through, when the deployment may not have it: every kind is
 * named (the compiler holds a new kind to a decision); `null` means the app, or whatever proxy is there.
 */
const partOfKind: Record<CheckSpec['kind'], Part | null> = {
  'nginx-syntax': 'nginx',
  'certificate-chain': 'nginx',
  'acme-challenge': 'nginx',
  'rate-limit': 'nginx',
  'log-trail': 'nginx',
  'log-secrets': 'nginx',
  'apache-syntax': 'Apache',
  'managed-command': 'process manager',
  'requirements-pinned': 'requirements file',
  'python-syntax': null,
  http: null,
  'env-matrix': null,
  'leak-report': null,
  'server-settings': null,
  'client-view': null,
  'renewal-hook': null,
  'debugger-chain': null,
  'forged-session': null,
  'red-team': null,
  'audit-clean': null,
  'blue-team': null,
  'service-starts': null,
  // Decided by the check itself, below.
  'proxy-request': null,
  rule: null,
};

/** A rule judges what its scope says: an nginx or Apache site, a unit or program, or the app (through nginx when it needs it). */
const partOfScope: Record<RuleScope, Part | null> = {
  nginx: 'nginx',
  apache: 'Apache',
  process: 'process manager',
  app: null,
  project: null,
};

/** The part of the deployment an attack needs, when it needs one the deployment may not have. */
function partAttacked(check: CheckSpec): Part | null {
  if (check.kind === 'proxy-request') return check.via === 'apache' ? 'Apache' : 'nginx';
  if (check.kind === 'rule') {
    const rule = rules[check.rule];
    return rule.needs?.throughNginx ? 'nginx' : partOfScope[rule.scope];
  }
  return partOfKind[check.kind];
}

function has(part: Part, files: WorkspaceFiles): boolean {
  switch (part) {
    case 'nginx':
      return loadNginx(files) !== null;
    case 'Apache':
      return loadApache(files) !== null;
    case 'process manager':
      return loadProcess(files) !== null;
    case 'requirements file':
      return hasRequirementsFile(files);
  }
}

/** The replayed check under the red team's environment: the attack aims at production, not at the lesson's laptop. */
function aimed(check: CheckSpec, env: Record<string, string> | undefined): CheckSpec {
  return 'env' in check && env ? { ...check, env } : check;
}

const lessonNumber = (attack: RedTeamAttack) => attack.lesson.id.slice(0, 2);

export async function redTeam(
  spec: Spec,
  attacks: RedTeamAttack[],
  context: GradingContext,
  contextFor: (check: CheckSpec) => GradingContext,
  replay: Replay,
): Promise<CheckResult> {
  const base = { id: spec.id, title: spec.title, hint: spec.hint };
  if (attacks.length === 0)
    return {
      ...base,
      passed: false,
      message: 'No earlier lesson marks an attack (redTeam): the red team has nothing to replay.',
    };
  if (!has('nginx', context.files) && !has('Apache', context.files)) {
    return {
      ...base,
      passed: false,
      message:
        'There is no nginx config (nginx/*.conf) or Apache site (apache/*.conf) in front of the app: nothing to attack the way visitors reach it.',
    };
  }
  const skipped: string[] = [];
  const working: Array<{ attack: RedTeamAttack; result: CheckResult }> = [];
  for (const attack of attacks) {
    const part = partAttacked(attack.check);
    if (part && !has(part, context.files)) {
      skipped.push(`${attack.name} (lesson ${lessonNumber(attack)}: no ${part} here)`);
      continue;
    }
    const check = aimed(attack.check, spec.env);
    const result = await replay(check, contextFor(check));
    if (!result.passed) working.push({ attack, result });
  }
  const notReplayed = skipped.length > 0 ? ` Not replayed: ${skipped.join('; ')}.` : '';
  if (working.length === 0) {
    const replayed = attacks.length - skipped.length;
    return { ...base, passed: true, message: `All ${replayed} attacks of the earlier lessons fail.${notReplayed}` };
  }
  const lines = working.map(
    ({ attack, result }) =>
      `${attack.name}, from lesson ${lessonNumber(attack)} "${attack.lesson.title}": ${result.message}`,
  );
  const links: ResultLink[] = [];
  for (const { attack } of working) {
    const href = `#/${attack.lesson.id}`;
    if (!links.some((link) => link.href === href))
      links.push({ label: `Lesson ${lessonNumber(attack)}: ${attack.lesson.title}`, href });
  }
  const first = working[0]!.result;
  return {
    ...base,
    passed: false,
    message: `${working.length === 1 ? 'One attack still works' : `${working.length} attacks still work`}: ${lines.join(' · ')}${notReplayed}`,
    file: first.file,
    line: first.line,
    links,
  };
}
