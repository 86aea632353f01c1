/** Findings as the audit reports them, and one rule run turned into them. */
import type { GradingContext } from '../../lib/grading/context';
import type { Rule } from '../../lib/grading/rule';
import type { Severity } from '../../lib/grading/types';
import { JudgeLimitError } from '../confined/runtime';

export interface AuditFinding {
  rule: string;
  severity: Severity;
  file: string;
  line: number;
  message: string;
}

/** A finding while evaluating: placed at the production command because the rule named no file. */
export type Placed = AuditFinding & { atCommand: boolean };

export async function runRule(rule: Rule, context: GradingContext, infos: string[]): Promise<Placed[]> {
  try {
    const verdict = await rule.evaluate(context);
    const fallback = context.production.commandSource;
    return verdict.findings.map((finding) => ({
      atCommand: !finding.file,
      rule: finding.rule,
      severity: finding.severity,
      file: finding.file ?? fallback?.file ?? '',
      line: finding.line ?? (finding.file ? 1 : (fallback?.line ?? 1)),
      message: finding.message,
    }));
  } catch (error) {
    // The runtime hit a limit: the runtime itself reports it once, not once per rule.
    if (error instanceof JudgeLimitError) return [];
    infos.push(`rule ${rule.id} could not run: ${error instanceof Error ? error.message : String(error)}`);
    return [];
  }
}
