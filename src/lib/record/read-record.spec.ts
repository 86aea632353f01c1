import { describe, expect, it } from 'vitest';
import { buildRecord, recordFileName } from './build-record';
import { readRecord } from './read-record';
import type { RecordedLesson } from './schema';

const lesson: RecordedLesson = {
  id: '02-debug-off',
  contentHash: `sha256:${'0'.repeat(64)}`,
  files: { 'app.py': 'print(1)\n' },
  solutionRevealed: false,
  seen: {
    passed: true,
    at: '2026-11-29T08:00:00.000Z',
    results: [{ id: 'a', title: 'A', passed: true, message: 'ok' }],
  },
};
const record = buildRecord([lesson], {
  source: 'browser',
  prodready: '0.1.0',
  now: new Date('2026-11-29T09:00:00Z'),
  learner: ' Ada Lovelace ',
});
const text = JSON.stringify(record, null, 2);

/** The record's JSON with one change made to a copy. */
function edited(change: (copy: Record<string, unknown> & { lessons: Array<Record<string, unknown>> }) => void) {
  const copy = JSON.parse(text);
  change(copy);
  return JSON.stringify(copy);
}

describe('readRecord', () => {
  it('reads back what buildRecord writes', () => {
    const read = readRecord(text);
    expect(read).toEqual({ ok: true, record });
    expect(record.learner).toBe('Ada Lovelace');
    expect(recordFileName(record)).toBe('prodready-record-ada-lovelace-2026-11-29.json');
  });

  it('names the line and column where the JSON breaks', () => {
    const broken = text.replace('"version": 1,', '"version": 1');
    expect(readRecord(broken)).toEqual({ ok: false, problem: 'not JSON (line 4, column 3: comma expected)' });
    expect(readRecord('')).toEqual({ ok: false, problem: 'not JSON (line 1, column 1: value expected)' });
    expect(readRecord(text.slice(0, 40))).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/^not JSON \(line 3, /),
    });
  });

  it('names the field the schema refuses', () => {
    const badHash = edited((copy) => (copy.lessons[0]!.contentHash = 'md5:abc'));
    expect(readRecord(badHash)).toEqual({
      ok: false,
      problem: 'lessons[0].contentHash: "sha256:" and 64 hex digits',
    });
    const climbing = edited((copy) => (copy.lessons[0]!.files = { '../etc/passwd': 'x' }));
    expect(readRecord(climbing)).toMatchObject({ ok: false, problem: expect.stringMatching(/^lessons\[0\]\.files/) });
    const extra = edited((copy) => (copy.verdict = 'passed'));
    expect(readRecord(extra)).toEqual({ ok: false, problem: '(the record): Unrecognized key: "verdict"' });
    const noLessons = edited((copy) => (copy.lessons = []));
    expect(readRecord(noLessons)).toEqual({ ok: false, problem: 'lessons: a record names at least one lesson' });
  });

  it('says so for another format or version', () => {
    expect(readRecord('[1]')).toEqual({
      ok: false,
      problem: 'not a prodready record (no "format": "prodready-record")',
    });
    expect(readRecord(edited((copy) => (copy.version = 2)))).toEqual({
      ok: false,
      problem: 'record format version 2; this prodready reads version 1',
    });
  });
});
