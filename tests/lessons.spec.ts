/**
 * The lesson proofs, one test per lesson subject: the starter fails what it names, the solution
 * passes everything, and each known mistake fails with its own message. Pyodide in Node, the same
 * grading engine as the browser. FILTER=02-debug-off runs one lesson.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadLessons } from '../src/cli/lessons-fs';
import { NodeRuntime } from '../src/cli/node-runtime';
import { proofSubjects, proveSubject, vacuousChecks, type Proof } from '../src/cli/proofs';

const lessons = (await loadLessons(resolve(import.meta.dirname, '../lessons'))).filter(
  (lesson) => !process.env.FILTER || lesson.id.includes(process.env.FILTER),
);
let runtime: NodeRuntime;

beforeAll(async () => {
  runtime = await NodeRuntime.start();
});
afterAll(() => {
  // Pyodide holds no handles that keep Node alive; nothing to close.
});

test('there are lessons to prove', () => {
  expect(lessons.length).toBeGreaterThan(0);
});

for (const lesson of lessons) {
  describe(lesson.id, () => {
    test('has at least four known mistakes, each with its own expected message', () => {
      expect(lesson.mistakes.length).toBeGreaterThanOrEqual(4);
      const signatures = lesson.mistakes.map((mistake) => JSON.stringify(mistake.fails));
      expect(new Set(signatures).size).toBe(signatures.length);
    });

    const proofs: Proof[] = [];
    for (const subject of proofSubjects(lesson)) {
      test(subject.subject, async () => {
        const proof = await proveSubject(lesson, subject, runtime);
        proofs.push(proof);
        expect(proof.problems).toEqual([]);
      });
    }

    // Runs after the subjects above (tests in a file run in order): no check passes vacuously.
    test('every check fails on the starter or on a known mistake', () => {
      expect(proofs.length).toBe(proofSubjects(lesson).length);
      expect(vacuousChecks(lesson, proofs)).toEqual([]);
    });
  });
}
