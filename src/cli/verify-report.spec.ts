import { describe, expect, it } from 'vitest';
import type { LessonVerdict } from './verify-lesson';
import { summaryTable, verifyExitCode, verifyText, type RecordVerdict } from './verify-report';

const lesson = (id: string, change: Partial<LessonVerdict> = {}): LessonVerdict => ({
  id,
  status: 'passed',
  solutionRevealed: false,
  contentChanged: null,
  recordSaysPassed: true,
  checks: 5,
  failed: [],
  unjudged: [],
  accepted: true,
  ...change,
});

const record = (file: string, learner: string, lessons: LessonVerdict[]): RecordVerdict => ({
  file,
  learner,
  source: 'browser',
  prodready: '0.1.0',
  createdAt: '2026-11-29T09:00:00.000Z',
  lessons,
});

describe('verify reports', () => {
  it('a table of records × lessons, one word a cell, a lesson a record lacks shown as -', () => {
    const records = [
      record('records/ada.json', 'Ada', [lesson('01-a'), lesson('02-b')]),
      record('records/bob.json', 'Bob', [
        lesson('02-b', { status: 'failed', accepted: false, failed: [{ id: 'x', title: 'X', message: 'no' }] }),
      ]),
      record('records/cy.json', 'Cy', [
        lesson('01-a', { solutionRevealed: true, accepted: false }),
        lesson('02-b', { contentChanged: { gradedAgainst: 'sha256:aa', recordedBy: '0.0.9', current: 'sha256:bb' } }),
      ]),
      { file: 'records/dee.json', malformed: 'not JSON (line 1, column 1: value expected)', lessons: [] },
    ];
    expect(summaryTable(records).slice(0, 6)).toEqual([
      'record    learner  verdict    01-a      02-b',
      '--------  -------  ---------  --------  -----',
      'ada.json  Ada      ok         pass      pass',
      'bob.json  Bob      NOT OK     -         FAIL',
      'cy.json   Cy       NOT OK     revealed  pass~',
      'dee.json           malformed',
    ]);
    expect(verifyExitCode(records)).toBe(2);
    expect(verifyExitCode(records.slice(0, 3))).toBe(1);
    expect(verifyExitCode(records.slice(0, 1))).toBe(0);
    expect(verifyExitCode([record('e.json', 'E', [lesson('01-a', { status: 'unjudged', accepted: false })])])).toBe(3);
  });

  it('escapes what the record and the judged code wrote before it reaches the terminal', () => {
    const text = verifyText(
      [
        record('r.json', 'Eve\x1b[2J\nNo findings', [
          lesson('02-b', {
            status: 'failed',
            accepted: false,
            failed: [{ id: 'x', title: 'X', message: 'bad\x1b]0;owned\x07', file: 'a\u202e.py', line: 3 }],
          }),
        ]),
      ],
      '0.1.0',
    );
    for (const raw of ['\x1b', '\x07', '\u202e']) expect(text).not.toContain(raw);
    expect(text).toContain('learner Eve\\e[2J\\nNo findings');
    expect(text).toContain('x: bad\\e]0;owned\\x07 (a\\u202e.py:3)');
    expect(text).toContain('the record says every check passed in the browser; its files do not pass');
  });
});
