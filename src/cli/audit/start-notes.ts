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
  parts.push(...(outcome.notes ?? []), ...(outcome.versions ?? []));
  return parts.length > 0 ? `${entry}: ${parts.join('; ')}` : null;
}

/** Rules whose verdict a pinned version decides (FLASK_ENV before Flask 2.3, the debugger's Host check before Werkzeug 3.0.3). */
const VERSION_DECIDED = new Set(['debug-enabled', 'debugger-pin-disabled']);

/** A finding a pinned version decided says so in its own message. */
export function withVersion<T extends { rule: string; message: string }>(finding: T, outcome: RunOutcome): T {
  if (!outcome.versions?.length || !VERSION_DECIDED.has(finding.rule)) return finding;
  return {
    ...finding,
    message: `${finding.message} ${outcome.versions.map((v) => `${v[0]?.toUpperCase()}${v.slice(1)}.`).join(' ')}`,
  };
}
