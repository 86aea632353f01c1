/**
 * What the harness did so a real project's app could start (see docs/audit-runtime.md), as one
 * info line per entrypoint: the modules it stood in for and what it changed (a database made
 * in-memory SQLite, the pinned Flask's semantics). Never a finding: the report says what the
 * verdicts rest on.
 */
import type { RunOutcome } from '../../lib/runtime/protocol';

export function startNotes(entry: string, outcome: RunOutcome): string | null {
  const parts: string[] = [];
  if (outcome.standIns?.length) {
    parts.push(
      `stand-in modules for what the audit does not bundle (they import and do nothing): ${outcome.standIns.join(', ')}`,
    );
  }
  parts.push(...(outcome.notes ?? []));
  return parts.length > 0 ? `${entry}: ${parts.join('; ')}` : null;
}
