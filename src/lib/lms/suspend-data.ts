/**
 * The learner's progress in SCORM 1.2's `cmi.suspend_data`, which the LMS keeps between launches
 * and hands back on the next one, on any machine. SCORM 1.2 gives it at most 4096 characters
 * (CMIString4096, Run-Time Environment section 3.4.4), so the encoding is compact:
 *
 *   p1;02-debug-off.p.mfy3k2a;04-gunicorn.f.mfy3kz1
 *
 * `p1` is the format version; each entry is a lesson id, a state letter and the time of the record
 * in seconds since 1970 in base 36. States: `p` passed, `s` passed after revealing the solution,
 * `f` graded but not passed yet, `r` solution revealed before any pass. Lesson ids are kept
 * (not positions) so a course whose lesson order changes still restores the right lessons.
 */
import type { LessonProgress, ProgressRecord } from '../state/progress';

export const SUSPEND_DATA_LIMIT = 4096;
const VERSION = 'p1';
const LESSON_ID = /^[a-z0-9][a-z0-9-]*$/;

function stateOf(entry: LessonProgress): string {
  if (entry.passed) return entry.solutionShown ? 's' : 'p';
  return entry.solutionShown ? 'r' : 'f';
}

const ENTRY_OF: Record<string, Omit<LessonProgress, 'at'>> = {
  p: { passed: true },
  s: { passed: true, solutionShown: true },
  f: { passed: false },
  r: { passed: false, solutionShown: true },
};

function encodeEntry(id: string, entry: LessonProgress): string {
  const seconds = Math.floor(Date.parse(entry.at) / 1000);
  return `${id}.${stateOf(entry)}.${(Number.isFinite(seconds) ? seconds : 0).toString(36)}`;
}

/**
 * Encodes the record. Should it ever pass the limit (hundreds of lessons), entries that are not
 * passes go first, oldest first: a pass is what the LMS must not lose.
 */
export function encodeSuspendData(record: ProgressRecord): string {
  const entries = Object.entries(record)
    .filter(([id]) => LESSON_ID.test(id))
    .map(([id, entry]) => ({ id, entry, text: encodeEntry(id, entry) }));
  const dropOrder = [...entries].sort(
    (a, b) => Number(a.entry.passed) - Number(b.entry.passed) || a.entry.at.localeCompare(b.entry.at),
  );
  const kept = new Set(entries);
  const length = () => [VERSION, ...entries.filter((e) => kept.has(e)).map((e) => e.text)].join(';').length;
  for (const entry of dropOrder) {
    if (length() <= SUSPEND_DATA_LIMIT) break;
    kept.delete(entry);
  }
  return [VERSION, ...entries.filter((e) => kept.has(e)).map((e) => e.text)].join(';');
}

/** The record in `text`; an empty record for an empty string, another format, or entries it cannot read. */
export function decodeSuspendData(text: string): ProgressRecord {
  const [version, ...entries] = text.split(';');
  if (version !== VERSION) return {};
  const record: ProgressRecord = {};
  for (const entry of entries) {
    const [id, state, time] = entry.split('.');
    const base = state === undefined ? undefined : ENTRY_OF[state];
    const seconds = time === undefined ? NaN : parseInt(time, 36);
    if (!id || !LESSON_ID.test(id) || !base || !/^[0-9a-z]+$/.test(time ?? '') || !Number.isFinite(seconds)) continue;
    record[id] = { ...base, at: new Date(seconds * 1000).toISOString() };
  }
  return record;
}
