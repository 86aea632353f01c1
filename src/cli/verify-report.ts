/**
 * `prodready verify`'s reports: per record, one line per lesson and its failing checks; for several
 * records, a table (record × lesson) a facilitator reads at a glance; or JSON. Every text that
 * came from a record or from the code under judgement is escaped (safe-text.ts).
 */
import { paint, resultLocation } from './check-results-text';
import { escapeControls, safeJson } from './safe-text';
import type { LessonVerdict } from './verify-lesson';

export interface RecordVerdict {
  file: string;
  /** Why the file is not a record it can read; set instead of the rest. */
  malformed?: string;
  learner?: string;
  source?: 'browser' | 'cli';
  prodready?: string;
  createdAt?: string;
  lessons: LessonVerdict[];
}

/** 2 a malformed record, 3 a lesson that could not be judged, 1 a lesson not accepted, else 0. */
export function verifyExitCode(records: RecordVerdict[]): number {
  if (records.some((record) => record.malformed !== undefined)) return 2;
  const lessons = records.flatMap((record) => record.lessons);
  if (lessons.some((lesson) => lesson.status === 'unjudged')) return 3;
  return lessons.every((lesson) => lesson.accepted) ? 0 : 1;
}

const short = (hash: string) => `${hash.slice(0, 'sha256:'.length + 12)}…`;

function mark(lesson: LessonVerdict): string {
  if (lesson.status === 'unknown-lesson') return paint(31, 'UNKNOWN ');
  if (lesson.status === 'unjudged') return paint(35, 'UNJUDGED');
  if (lesson.status === 'failed') return paint(31, 'FAIL    ');
  return lesson.accepted ? paint(32, 'PASS    ') : paint(33, 'REVEALED');
}

function lessonLines(lesson: LessonVerdict, prodready: string, idWidth: number): string[] {
  const lines: string[] = [];
  const head = (text: string) => lines.push(`  ${mark(lesson)} ${lesson.id.padEnd(idWidth)}  ${text}`);
  const note = (text: string) => lines.push(`             ${text}`);
  if (lesson.status === 'unknown-lesson') head(`prodready ${prodready} has no lesson of this id`);
  else if (lesson.status === 'unjudged') head('could not be judged');
  else if (lesson.status === 'failed') head(`failed again: ${lesson.failed.length} of ${lesson.checks} checks fail`);
  else if (!lesson.accepted) head('passes again, but the solution was revealed before it passed');
  else head(`passed again (${lesson.checks} checks)${lesson.solutionRevealed ? ', with the solution revealed' : ''}`);
  for (const check of lesson.failed) {
    note(`${check.id}: ${escapeControls(check.message)}${resultLocation(check)}`);
  }
  for (const reason of lesson.unjudged) note(`could not judge: ${escapeControls(reason)}`);
  if (lesson.status === 'failed' && lesson.recordSaysPassed) {
    note('the record says every check passed in the browser; its files do not pass');
  }
  if (lesson.contentChanged) {
    const { gradedAgainst, recordedBy, current } = lesson.contentChanged;
    note(
      `content changed since: graded against ${short(gradedAgainst)} (the lesson in prodready ${escapeControls(recordedBy)}), ` +
        `this prodready ${prodready} has ${short(current)}; re-graded against the current lesson`,
    );
  }
  if (!lesson.accepted && lesson.status === 'passed') note('--accept-revealed accepts it');
  return lines;
}

function recordHeading(record: RecordVerdict): string {
  const who = record.learner ? `learner ${escapeControls(record.learner)}, ` : '';
  const where = record.source === 'cli' ? 'on the command line' : 'in the browser';
  return `${escapeControls(record.file)}: ${who}made ${where} with prodready ${escapeControls(record.prodready ?? '?')} at ${escapeControls(record.createdAt ?? '?')}`;
}

export function verifyText(records: RecordVerdict[], prodready: string): string {
  const lines: string[] = [];
  for (const record of records) {
    if (record.malformed !== undefined) {
      lines.push(
        `${escapeControls(record.file)}: ${paint(31, 'malformed record')}: ${escapeControls(record.malformed)}`,
      );
      continue;
    }
    lines.push(recordHeading(record));
    const idWidth = Math.max(...record.lessons.map((lesson) => lesson.id.length));
    for (const lesson of record.lessons) lines.push(...lessonLines(lesson, prodready, idWidth));
  }
  if (records.length > 1) lines.push('', ...summaryTable(records));
  const lessons = records.flatMap((record) => record.lessons);
  const accepted = lessons.filter((lesson) => lesson.accepted).length;
  const malformed = records.filter((record) => record.malformed !== undefined).length;
  lines.push(
    '',
    `${accepted} of ${lessons.length} lessons verified${malformed ? `, ${malformed} malformed record${malformed === 1 ? '' : 's'}` : ''}`,
  );
  return lines.join('\n');
}

/** One word per lesson for the table; `~` marks a lesson whose content changed since. */
function cell(lesson: LessonVerdict | undefined): string {
  if (!lesson) return '-';
  const word =
    lesson.status === 'unknown-lesson'
      ? 'unknown'
      : lesson.status === 'unjudged'
        ? 'unjudged'
        : lesson.status === 'failed'
          ? 'FAIL'
          : !lesson.accepted
            ? 'revealed'
            : lesson.solutionRevealed
              ? 'pass(rev)'
              : 'pass';
  return lesson.contentChanged ? `${word}~` : word;
}

/** Records down, lessons across: what a facilitator collecting a room's records reads first. */
export function summaryTable(records: RecordVerdict[]): string[] {
  const ids = [...new Set(records.flatMap((record) => record.lessons.map((lesson) => lesson.id)))].sort();
  const rows = records.map((record) => {
    const name = escapeControls(record.file.split('/').pop() ?? record.file);
    const learner = escapeControls(record.learner ?? '');
    if (record.malformed !== undefined) return [name, learner, 'malformed', ...ids.map(() => '')];
    const ok = record.lessons.every((lesson) => lesson.accepted) ? 'ok' : 'NOT OK';
    return [name, learner, ok, ...ids.map((id) => cell(record.lessons.find((lesson) => lesson.id === id)))];
  });
  const table = [['record', 'learner', 'verdict', ...ids], ...rows];
  const widths = table[0]!.map((_, column) => Math.max(...table.map((row) => row[column]!.length)));
  const line = (row: string[]) =>
    row
      .map((text, column) => text.padEnd(widths[column]!))
      .join('  ')
      .trimEnd();
  return [
    line(table[0]!),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.map(line),
    'pass(rev): passed with the solution revealed (accepted); ~: the lesson changed since the record was made',
  ];
}

export function verifyJson(records: RecordVerdict[], version: string): string {
  return safeJson({ tool: 'prodready', version, passed: verifyExitCode(records) === 0, records });
}
