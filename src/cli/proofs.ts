/**
 * The lesson proofs (docs/adding-a-lesson.md): the starter fails the checks it names, the solution passes every
 * check, and each known mistake fails exactly as its expect.json says. Shared by
 * `prodready lessons check` and tests/lessons.spec.ts.
 */
import type { Lesson } from '../lib/content/lesson';
import { grade } from '../lib/grading/engine';
import type { PythonRuntime } from '../lib/grading/runtime';
import type { CheckResult } from '../lib/grading/types';
import type { WorkspaceFiles } from '../lib/runtime/protocol';

export interface Proof {
  lesson: string;
  /** "starter", "solution" or "mistake NAME". */
  subject: string;
  problems: string[];
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
  return { lesson: lesson.id, subject: subject.subject, problems: subject.judge(results) };
}
