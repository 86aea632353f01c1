/** Grading in the confined runtime, shared by `grade` and `verify`; see docs/confinement.md. */
import type { Lesson } from '../lib/content/lesson';
import { grade } from '../lib/grading/engine';
import type { CheckResult } from '../lib/grading/types';
import type { WorkspaceFiles } from '../lib/runtime/protocol';
import { ConfinedRuntime, JudgeLimitError } from './confined/runtime';
import { judgeEvasionCheck } from './judge-evasion-check';

/** Runs `work` against a fresh confined runtime and closes it; what could not be judged comes back with the value. */
export async function withRuntime<T>(
  work: (runtime: ConfinedRuntime) => Promise<T>,
): Promise<{ value: T; unjudged: string[] }> {
  const runtime = await ConfinedRuntime.start();
  const interrupt = () => runtime.stop(new JudgeLimitError('time', 'interrupted (SIGINT)'));
  process.once('SIGINT', interrupt);
  try {
    const value = await work(runtime);
    return { value, unjudged: runtime.unjudged };
  } finally {
    process.off('SIGINT', interrupt);
    runtime.close();
  }
}

/**
 * The lesson's checks over `files`, after the judge-evasion reading, which comes first: code that
 * rewrites the judge when it runs cannot rewrite what was read before it ran.
 */
export async function gradeConfined(
  lesson: Lesson,
  files: WorkspaceFiles,
  runtime: ConfinedRuntime,
): Promise<CheckResult[]> {
  const evasion = await judgeEvasionCheck(lesson, files, runtime);
  return [evasion, ...(await grade(lesson, files, runtime))];
}
