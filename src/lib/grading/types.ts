/** One result shape for every check kind (and every rule finding turned into a check result). */
export interface CheckResult {
  id: string;
  title: string;
  /** False for a failed check and for one that was not run. */
  passed: boolean;
  /** What was found, in the learner's terms; on a pass, what was confirmed. */
  message: string;
  /** Workspace-relative file the message is about, for an editor marker. */
  file?: string;
  line?: number;
  hint?: string;
  /** For a check of kind "rule": the rule id, e.g. "debug-enabled" (for the CLI's JSON and SARIF). */
  rule?: string;
  /** The error that stopped this check from judging, when it is the first check to meet it. */
  blocking?: BlockingError;
  /** Not run: the check with this id already reported the blocking error this one depends on. */
  notRunBecause?: string;
  /** Lessons the result points back to (the capstone's red team: the lesson of each attack that still works). */
  links?: ResultLink[];
}

/** A link to a lesson of the course, `#/NN-slug`. */
export interface ResultLink {
  label: string;
  href: string;
}

export type CheckStatus = 'passed' | 'failed' | 'not-run';

export function checkStatus(result: CheckResult): CheckStatus {
  if (result.passed) return 'passed';
  return result.notRunBecause === undefined ? 'failed' : 'not-run';
}

/**
 * Something that keeps checks from judging anything: the app does not start, a config does not
 * parse, nothing listens where the request goes, the code never answers. Reported once, by the
 * first check that meets it; the checks after it that meet the same error are "not run".
 */
export interface BlockingError {
  /** In the learner's terms, with the server's own words: "The app does not start: NameError: …". */
  message: string;
  file?: string;
  line?: number;
}

/** Thrown by a check or rule that met a blocking error; the engine turns it into the result. */
export class BlockedError extends Error {
  constructor(readonly blocking: BlockingError) {
    super(blocking.message);
    this.name = 'BlockedError';
  }
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
