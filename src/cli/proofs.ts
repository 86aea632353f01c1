/**
 * The lesson proofs (docs/adding-a-lesson.md): the starter fails the checks it names, the solution
 * passes every check, each known mistake fails exactly as its expect.json says, and no check is
 * vacuous: every check fails (judged, not "not run") on the starter or on at least one known mistake. Shared by
 * `prodready lessons check` and tests/lessons.spec.ts.
 */
import type { Lesson } from '../lib/content/lesson';
import { grade } from '../lib/grading/engine';
import type { PythonRuntime } from '../lib/grading/runtime';
import { checkStatus, type CheckResult } from '../lib/grading/types';
import type { WorkspaceFiles } from '../lib/runtime/protocol';

export interface Proof {
  lesson: string;
  /** "starter", "solution" or "mistake NAME". */
  subject: string;
  problems: string[];
  /** Ids of the checks this subject failed (judged failures; "not run" is not one). */
  failed: string[];
}

function describe(result: CheckResult): string {
  return `${result.id}: ${result.message}`;
}

export interface ProofSubject {
  subject: string;
  files: WorkspaceFiles;
  judge(results: CheckResult[]): string[];
}

/** Each thing a lesson must prove, with how to judge its results. */
export function proofSubjects(lesson: Lesson): ProofSubject[] {
  const byId = (results: CheckResult[], id: string) => results.find((result) => result.id === id);
  return [
    {
      subject: 'starter',
      files: lesson.starter,
      judge: (results) =>
        lesson.starterFails.flatMap((id) =>
          byId(results, id)?.passed === false ? [] : [`the starter should fail "${id}" but it passes`],
        ),
    },
    {
      subject: 'solution',
      files: lesson.solution,
      judge: (results) =>
        results.filter((result) => !result.passed).map((result) => `the solution fails ${describe(result)}`),
    },
    ...lesson.alternatives.map((alternative) => ({
      subject: `alternative ${alternative.name}`,
      files: alternative.files,
      judge: (results: CheckResult[]) =>
        results.filter((result) => !result.passed).map((result) => `this correct answer fails ${describe(result)}`),
    })),
    ...lesson.mistakes.map((mistake) => ({
      subject: `mistake ${mistake.name}`,
      files: mistake.files,
      judge: (results: CheckResult[]) =>
        Object.entries(mistake.fails).flatMap(([id, expected]) => {
          const result = byId(results, id);
          if (!result) return [`no result for "${id}"`];
          if (result.passed) return [`should fail "${id}" (${mistake.why}) but it passes`];
          if (!result.message.includes(expected)) {
            return [`"${id}" fails with "${result.message}", which does not contain "${expected}"`];
          }
          return [];
        }),
    })),
  ];
}

export async function proveSubject(lesson: Lesson, subject: ProofSubject, runtime: PythonRuntime): Promise<Proof> {
  const results = await grade(lesson, subject.files, runtime);
  const failed = results.filter((result) => checkStatus(result) === 'failed').map((result) => result.id);
  return { lesson: lesson.id, subject: subject.subject, problems: subject.judge(results), failed };
}

/**
 * A check that neither the starter nor any known mistake fails has never been seen to fail: it
 * may pass with nothing to judge. Given the proofs of one lesson, the problems this finds.
 */
export function vacuousChecks(lesson: Lesson, proofs: Proof[]): string[] {
  const failing = new Set(
    proofs
      .filter((proof) => proof.subject === 'starter' || proof.subject.startsWith('mistake '))
      .flatMap((proof) => proof.failed),
  );
  return lesson.checks
    .filter((check) => !failing.has(check.id))
    .map((check) => `"${check.id}" fails neither on the starter nor on any known mistake: add a mistake it catches`);
}
