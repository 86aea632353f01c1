/** A rule: a named finding shared by lessons and `prodready audit` (DESIGN §5). */
import type { GradingContext } from './context';
import type { RuleId } from './rule-ids';
import type { Finding, Severity } from './types';

export interface RuleVerdict {
  findings: Finding[];
  /** Set when the rule could not decide (for example the app did not start); says why. */
  inconclusive?: string;
}

export interface Rule {
  id: RuleId;
  severity: Severity;
  title: string;
  /** Why it matters, for the learner and the audit report. */
  explanation: string;
  /** What a pass confirmed, in plain words, for the learner (no rule id, not the check's title). */
  confirms?: string;
  fix: string;
  references: string[];
  evaluate(context: GradingContext): Promise<RuleVerdict>;
}
