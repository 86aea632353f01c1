/**
 * Every rule of the registry run on the deployment as production runs it, the way `prodready audit`
 * judges a project: the capstone's "every rule runs". Fails naming each finding's rule, file and line.
 * A rule about a part the deployment does not have (Apache's rules behind nginx, a unit's rules with no
 * unit, a Dockerfile's with none) has nothing to judge and is listed as not run; any other rule that could not decide fails the
 * check, since an unjudged rule is not a clean one.
 */
import type { CheckSpec } from '../../content/checks-schema';
import type { WorkspaceFiles } from '../../runtime/protocol';
import { loadApache } from '../apache-chain';
import type { GradingContext } from '../context';
import { loadProcess } from '../process-manager';
import { loadNginx } from '../proxy-chain';
import type { Rule } from '../rule';
import { rules } from '../rules';
import type { CheckResult, Finding } from '../types';

type Spec = Extract<CheckSpec, { kind: 'audit-clean' }>;

/** The rules whose scope is a part of the deployment this workspace may lack, and whether it has it. */
function lacksPart(rule: Rule, files: WorkspaceFiles): string | null {
  if (rule.scope === 'nginx' || rule.needs?.throughNginx) return loadNginx(files) === null ? 'no nginx config' : null;
  if (rule.scope === 'apache') return loadApache(files) === null ? 'no Apache site' : null;
  if (rule.scope === 'process') return loadProcess(files) === null ? 'no systemd unit or Supervisor program' : null;
  return null;
}

export async function auditClean(spec: Spec, context: GradingContext): Promise<CheckResult> {
  const base = { id: spec.id, title: spec.title, hint: spec.hint };
  const findings: Finding[] = [];
  const unjudged: string[] = [];
  const notRun = new Set<string>();
  let ran = 0;
  for (const rule of Object.values(rules) as Rule[]) {
    const missing = lacksPart(rule, context.files);
    if (missing) {
      notRun.add(missing);
      continue;
    }
    ran += 1;
    const verdict = await rule.evaluate(context);
    findings.push(...verdict.findings);
    if (verdict.findings.length > 0 || !verdict.inconclusive) continue;
    // A project rule is inconclusive only when the project has none of the files it reads (as in `prodready audit`).
    if (rule.scope === 'project') {
      notRun.add(verdict.inconclusive);
      ran -= 1;
    } else unjudged.push(`${rule.id} (${verdict.inconclusive})`);
  }
  const skipped = notRun.size > 0 ? ` Not run: the rules for parts this deployment lacks (${[...notRun].join(', ')}).` : ''; // prettier-ignore
  if (findings.length === 0 && unjudged.length === 0) {
    return { ...base, passed: true, message: `All ${ran} rules that apply find nothing.${skipped}` };
  }
  const named = findings.map((f) => `${f.rule} at ${f.file}${f.line ? `:${f.line}` : ''}: ${f.message}`);
  const couldNot = unjudged.length > 0 ? [`could not judge ${unjudged.join('; ')}`] : [];
  const first = findings[0];
  return {
    ...base,
    passed: false,
    message:
      `${findings.length === 1 ? 'One finding' : `${findings.length} findings`} of ${ran} rules: ` +
      [...named, ...couldNot].join(' · ') +
      skipped,
    ...(first ? { file: first.file, line: first.line, rule: first.rule } : {}),
  };
}
