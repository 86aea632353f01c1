/**
 * `prodready grade` reads the submission for judge-evasion before any of its code runs: a
 * submission that can tell it is being judged could pass checks it would fail in production
 * (or rewrite what the harness reports), so it fails, whatever the lesson's own checks say.
 */
import type { Lesson } from '../lib/content/lesson';
import { productionCommand } from '../lib/grading/production';
import { judgeEvasion } from '../lib/grading/rules/judge-evasion';
import type { PythonRuntime } from '../lib/grading/runtime';
import type { CheckResult } from '../lib/grading/types';
import type { WorkspaceFiles } from '../lib/runtime/protocol';

export async function judgeEvasionCheck(
  lesson: Lesson,
  files: WorkspaceFiles,
  runtime: PythonRuntime,
): Promise<CheckResult> {
  const { command, source } = productionCommand(files, lesson.run.command);
  const base = {
    id: 'judge-evasion',
    title: judgeEvasion.title.replace('can tell', 'cannot tell'),
    rule: 'judge-evasion',
  };
  const verdict = await judgeEvasion.evaluate({
    files,
    runtime,
    production: { command, commandSource: source, env: {}, attack: { method: 'GET', path: '/', headers: {} } },
  });
  const first = verdict.findings[0];
  if (first) return { ...base, passed: false, message: first.message, file: first.file, line: first.line };
  if (verdict.inconclusive) return { ...base, passed: false, message: `Not judged: ${verdict.inconclusive}` };
  return { ...base, passed: true, message: 'Nothing in the code tests whether it runs inside the judge.' };
}
