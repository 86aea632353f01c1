/** One result shape for every check kind (and every rule finding turned into a check result). */
export interface CheckResult {
  id: string;
  title: string;
  passed: boolean;
  /** What was found, in the learner's terms; on a pass, what was confirmed. */
  message: string;
  /** Workspace-relative file the message is about, for an editor marker. */
  file?: string;
  line?: number;
  hint?: string;
  /** For a check of kind "rule": the rule id (DESIGN §5), e.g. "debug-enabled". */
  rule?: string;
}

export type Severity = 'high' | 'medium' | 'low';

/** A rule's finding; a check of kind "rule" fails with the first one. */
export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  file?: string;
  line?: number;
}
