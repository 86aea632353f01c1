/** Runs a named rule as production runs the app; the first finding is the failure. */
import type { CheckSpec } from '../../content/checks-schema';
import type { GradingContext } from '../context';
import { rules } from '../rules';
import type { CheckResult } from '../types';

type Spec = Extract<CheckSpec, { kind: 'rule' }>;

export async function ruleCheck(spec: Spec, context: GradingContext): Promise<CheckResult> {
  const rule = rules[spec.rule];
  const verdict = await rule.evaluate(context);
  const base = { id: spec.id, title: spec.title, hint: spec.hint, rule: rule.id };
  const first = verdict.findings[0];
  if (first) return { ...base, passed: false, message: first.message, file: first.file, line: first.line };
  if (verdict.inconclusive) {
    return { ...base, passed: false, message: `Could not check "${rule.title}": ${verdict.inconclusive}.` };
  }
  return { ...base, passed: true, message: rule.confirms ?? `Checked: ${lowerFirst(rule.title)}, not found.` };
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
