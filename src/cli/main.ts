/**
 * `prodready`: grade a directory as a lesson submission, audit a project, or prove the lessons.
 * Exit codes: 0 all passed, 1 a check or proof failed (or findings), 2 bad usage or unreadable
 * input, 3 could not judge (the app hit a limit, the runtime died, or the audited app did not start).
 * The project's Python runs in the confined runtime (confined/runtime.ts), never in this process.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LessonError } from '../lib/content/parse-lesson';
import { grade } from '../lib/grading/engine';
import { checkStatus, type CheckResult, type CheckStatus } from '../lib/grading/types';
import { AuditUsageError, COULD_NOT_JUDGE, parseAuditArgs, runAudit } from './audit/command';
import { ConfinedRuntime, JudgeLimitError } from './confined/runtime';
import { LimitsError } from './confined/limits';
import { exportScorm, ExportUsageError, parseExportArgs } from './export-scorm';
import { judgeEvasionCheck } from './judge-evasion-check';
import { loadLesson, loadLessons, readTreeWithin } from './lessons-fs';
import { MissingAssetsError } from './python-boot';
import { proofSubjects, proveSubject, vacuousChecks, type Proof } from './proofs';
import { escapeControls, safeJson } from './safe-text';

const LESSONS_DIR = resolve(fileURLToPath(import.meta.url), '../../../lessons');
const VERSION = '0.1.0';

const USAGE = `usage:
  prodready grade LESSON-ID DIR [--json]   grade DIR as a submission for that lesson
  prodready audit DIR [--format text|json|sarif] [--fail-on high|medium|low]
                                           run the rules over a real project (exit 1 on findings at or above --fail-on, default medium)
  prodready lessons check                  prove every lesson (starter, solution, mistakes)
  prodready export scorm [--track TAG] --out FILE.zip
                                           the built site (dist/) as a SCORM 1.2 package (docs/scorm.md)
  prodready --version
exit codes: 0 clean, 1 failed checks or findings, 2 bad usage, 3 could not judge (see docs/confinement.md)`;

class UsageError extends Error {}

const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: number, text: string) => (color ? `\x1b[${code}m${text}\x1b[0m` : text);

function printResults(results: CheckResult[]): void {
  for (const result of results) {
    const status = checkStatus(result);
    const mark = status === 'passed' ? paint(32, 'PASS') : status === 'failed' ? paint(31, 'FAIL') : paint(33, 'SKIP');
    const at = result.file ? ` (${escapeControls(result.file)}${result.line ? `:${result.line}` : ''})` : '';
    console.log(`${mark} ${result.id}${result.rule ? ` [${result.rule}]` : ''}: ${result.title}`);
    if (!result.passed) console.log(`     ${escapeControls(result.message)}${at}`);
  }
  const count = (status: CheckStatus) => results.filter((result) => checkStatus(result) === status).length;
  const notRun = count('not-run');
  console.log(`\n${count('passed')} passed, ${count('failed')} failed${notRun ? `, ${notRun} not run` : ''}`);
}

async function gradeCommand(args: string[]): Promise<number> {
  const json = args.includes('--json');
  const positional = args.filter((arg) => arg !== '--json');
  const unknown = positional.find((arg) => arg.startsWith('-'));
  if (unknown) throw new UsageError(`unknown option ${unknown}`);
  const [lessonId, dir] = positional;
  if (!lessonId || !dir || positional.length > 2) throw new UsageError('grade needs LESSON-ID and DIR');
  const folder = join(LESSONS_DIR, lessonId);
  if (!existsSync(join(folder, 'lesson.md'))) throw new UsageError(`no lesson "${lessonId}" in ${LESSONS_DIR}`);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`${dir}: not a directory`);
  const lesson = await loadLesson(folder);
  const tree = readTreeWithin(resolve(dir));
  const results = await withRuntime(async (runtime) => {
    // Read before the submission's code runs: code that rewrites the judge cannot rewrite this reading.
    const evasion = await judgeEvasionCheck(lesson, tree.files, runtime);
    return [evasion, ...(await grade(lesson, tree.files, runtime))];
  });
  const unjudged = results.unjudged;
  const passed = unjudged.length === 0 && results.value.every((result) => result.passed);
  if (json) {
    const withStatus = results.value.map((result) => ({ ...result, status: checkStatus(result) }));
    const report = { tool: 'prodready', version: VERSION, lesson: lesson.id, passed, results: withStatus };
    console.log(safeJson(unjudged.length > 0 ? { ...report, unjudged } : report));
  } else {
    printResults(results.value);
  }
  for (const info of tree.infos) console.error(`prodready: info: ${escapeControls(info)}`);
  reportUnjudged(unjudged);
  if (unjudged.length > 0) return COULD_NOT_JUDGE;
  return passed ? 0 : 1;
}

/** Runs `work` against a fresh confined runtime and closes it; what could not be judged comes back with the value. */
async function withRuntime<T>(
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

function reportUnjudged(unjudged: string[]): void {
  for (const reason of unjudged) console.error(`prodready: could not judge: ${escapeControls(reason)}`);
}

async function auditCommand(args: string[]): Promise<number> {
  const options = parseAuditArgs(args);
  const { value } = await withRuntime((runtime) =>
    runAudit(
      options,
      runtime,
      VERSION,
      (text) => console.log(text),
      (text) => console.error(text),
      Boolean(color),
    ),
  );
  return value;
}

async function lessonsCheckCommand(args: string[]): Promise<number> {
  if (args.length > 0) throw new UsageError(`lessons check takes no arguments (got ${args.join(' ')})`);
  const lessons = await loadLessons(LESSONS_DIR);
  let failed = 0;
  let passed = 0;
  const { unjudged } = await withRuntime(async (runtime) => {
    for (const lesson of lessons) {
      const proofs: Proof[] = [];
      for (const subject of proofSubjects(lesson)) {
        runtime.nextSubject();
        const before = runtime.unjudged.length;
        const proof = await proveSubject(lesson, subject, runtime);
        proofs.push(proof);
        const ok = proof.problems.length === 0 && runtime.unjudged.length === before;
        if (ok) passed++;
        else failed++;
        console.log(`${ok ? paint(32, 'ok  ') : paint(31, 'FAIL')} ${lesson.id} ${proof.subject}`);
        for (const problem of proof.problems) console.log(`     ${escapeControls(problem)}`);
        for (const reason of runtime.unjudged.slice(before))
          console.log(`     could not judge: ${escapeControls(reason)}`);
      }
      const vacuous = vacuousChecks(lesson, proofs);
      if (vacuous.length === 0) passed++;
      else failed++;
      console.log(`${vacuous.length === 0 ? paint(32, 'ok  ') : paint(31, 'FAIL')} ${lesson.id} every check can fail`);
      for (const problem of vacuous) console.log(`     ${escapeControls(problem)}`);
    }
  });
  console.log(`\n${passed} passed, ${failed} failed`);
  if (unjudged.length > 0) return COULD_NOT_JUDGE;
  return failed === 0 ? 0 : 1;
}

async function exportCommand(args: string[]): Promise<number> {
  const options = parseExportArgs(args);
  const dist = resolve(LESSONS_DIR, '../dist');
  const made = exportScorm(options, dist, await loadLessons(LESSONS_DIR), VERSION);
  console.log(
    `${options.out}: SCORM 1.2, ${made.files} files, ${(made.bytes / 1e6).toFixed(1)} MB; lessons: ${made.lessons.join(', ')}`,
  );
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === '--version' || command === '-V') {
      console.log(VERSION);
      return 0;
    }
    if (command === 'grade') return await gradeCommand(rest);
    if (command === 'audit') return await auditCommand(rest);
    if (command === 'lessons' && rest[0] === 'check') return await lessonsCheckCommand(rest.slice(1));
    if (command === 'export') return await exportCommand(rest);
    if (command === undefined || command === '--help' || command === '-h') {
      console.log(USAGE);
      return command === undefined ? 2 : 0;
    }
    throw new UsageError(`unknown command "${argv.join(' ')}"`);
  } catch (error) {
    if (error instanceof UsageError || error instanceof AuditUsageError || error instanceof ExportUsageError) {
      console.error(`prodready: ${error.message}\n${USAGE}`);
      return 2;
    }
    if (error instanceof LessonError || error instanceof MissingAssetsError || error instanceof LimitsError) {
      console.error(`prodready: ${error.message}`);
      return 2;
    }
    if (error instanceof JudgeLimitError) {
      reportUnjudged([error.message]);
      return COULD_NOT_JUDGE;
    }
    throw error;
  }
}
