/**
 * Realistic wrong attempts that are not among the lessons' known mistakes, each a lesson's solution
 * with a few files changed: every one must fail with a message that names its cause, at the right
 * line; and correct variants the lessons do not show must pass. Pyodide in Node, the same grading
 * engine as the browser (see tests/wrong-attempts/cases.ts). FILTER=02 runs one lesson's cases.
 */
import { resolve } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadLessons } from '../src/cli/lessons-fs';
import { NodeRuntime } from '../src/cli/node-runtime';
import { grade } from '../src/lib/grading/engine';
import { checkStatus } from '../src/lib/grading/types';
import { ATTEMPTS } from './wrong-attempts/cases';

const lessons = new Map((await loadLessons(resolve(import.meta.dirname, '../lessons'))).map((l) => [l.id, l]));
const attempts = ATTEMPTS.filter((attempt) => !process.env.FILTER || attempt.lesson.includes(process.env.FILTER));
let runtime: NodeRuntime;

beforeAll(async () => {
  runtime = await NodeRuntime.start();
});

test('there are wrong attempts and correct variants to try', () => {
  expect(attempts.filter((attempt) => attempt.expect !== 'pass').length).toBeGreaterThan(0);
});

describe.each(attempts)('$lesson: $name', (attempt) => {
  test(attempt.expect === 'pass' ? 'passes every check' : 'fails with a message that names its cause', async () => {
    const lesson = lessons.get(attempt.lesson);
    if (!lesson) throw new Error(`no lesson ${attempt.lesson}`);
    const files = { ...lesson.solution, ...attempt.files(lesson.solution) };
    for (const removed of attempt.remove ?? []) delete files[removed];
    const results = await grade(lesson, files, runtime);
    const shown = results.map((r) => `${checkStatus(r)} ${r.id}: ${r.message} [${r.file ?? ''}:${r.line ?? ''}]`);
    if (attempt.expect === 'pass') {
      expect(shown.filter((line) => !line.startsWith('passed'))).toEqual([]);
      return;
    }
    for (const [id, want] of Object.entries(attempt.expect)) {
      const result = results.find((r) => r.id === id);
      expect(result, `a result for ${id}`).toBeDefined();
      expect(checkStatus(result!), shown.join('\n')).toBe('failed');
      expect(result!.message).toContain(want.message);
      if (want.file !== undefined) {
        const line = typeof want.line === 'function' ? want.line(files) : want.line;
        expect(line, 'the expected line is in the file').toBeGreaterThan(0);
        expect({ file: result!.file, line: result!.line }).toEqual({ file: want.file, line });
      }
    }
    if (attempt.onlyFailure) {
      expect(
        results.filter((r) => checkStatus(r) === 'failed').map((r) => r.id),
        shown.join('\n'),
      ).toEqual(Object.keys(attempt.expect));
    }
  });
});
