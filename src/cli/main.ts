/**
 * `prodready`: grade a directory as a lesson submission, or prove the lessons (DESIGN §6).
 * Exit codes: 0 all passed, 1 a check or proof failed, 2 bad usage or unreadable input.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LessonError } from '../lib/content/parse-lesson';
import { grade } from '../lib/grading/engine';
import { checkStatus, type CheckResult, type CheckStatus } from '../lib/grading/types';
import { AuditUsageError, parseAuditArgs, runAudit } from './audit/command';
import { loadLesson, loadLessons, readTree } from './lessons-fs';
import { MissingAssetsError, NodeRuntime } from './node-runtime';
import { proofSubjects, proveSubject } from './proofs';

const LESSONS_DIR = resolve(fileURLToPath(import.meta.url), '../../../lessons');
const VERSION = '0.1.0';

const USAGE = `usage:
  prodready grade LESSON-ID DIR [--json]   grade DIR as a submission for that lesson
  prodready audit DIR [--format text|json|sarif] [--fail-on high|medium|low]
                                           run the rules over a real project (exit 1 on findings at or above --fail-on, default medium)
  prodready lessons check                  prove every lesson (starter, solution, mistakes)
  prodready --version`;

class UsageError extends Error {}

const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: number, text: string) => (color ? `\x1b[${code}m${text}\x1b[0m` : text);

function printResults(results: CheckResult[]): void {
  for (const result of results) {
    const status = checkStatus(result);
    const mark = status === 'passed' ? paint(32, 'PASS') : status === 'failed' ? paint(31, 'FAIL') : paint(33, 'SKIP');
    const at = result.file ? ` (${result.file}${result.line ? `:${result.line}` : ''})` : '';
    console.log(`${mark} ${result.id}${result.rule ? ` [${result.rule}]` : ''}: ${result.title}`);
    if (!result.passed) console.log(`     ${result.message}${at}`);
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
  const files = readTree(resolve(dir));
  const runtime = await NodeRuntime.start();
  const results = await grade(lesson, files, runtime);
  if (json) {
    const passed = results.every((result) => result.passed);
    const withStatus = results.map((result) => ({ ...result, status: checkStatus(result) }));
    console.log(
      JSON.stringify({ tool: 'prodready', version: VERSION, lesson: lesson.id, passed, results: withStatus }, null, 2),
    );
  } else {
    printResults(results);
  }
  return results.every((result) => result.passed) ? 0 : 1;
}

async function auditCommand(args: string[]): Promise<number> {
  const options = parseAuditArgs(args);
  const runtime = await NodeRuntime.start();
  return runAudit(
    options,
    runtime,
    VERSION,
    (text) => console.log(text),
    (text) => console.error(text),
    Boolean(color),
  );
}

async function lessonsCheckCommand(args: string[]): Promise<number> {
  if (args.length > 0) throw new UsageError(`lessons check takes no arguments (got ${args.join(' ')})`);
  const lessons = await loadLessons(LESSONS_DIR);
  const runtime = await NodeRuntime.start();
  let failed = 0;
  let passed = 0;
  for (const lesson of lessons) {
    for (const subject of proofSubjects(lesson)) {
      const proof = await proveSubject(lesson, subject, runtime);
      const ok = proof.problems.length === 0;
      if (ok) passed++;
      else failed++;
      console.log(`${ok ? paint(32, 'ok  ') : paint(31, 'FAIL')} ${lesson.id} ${proof.subject}`);
      for (const problem of proof.problems) console.log(`     ${problem}`);
    }
  }
  console.log(`\n${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
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
    if (command === undefined || command === '--help' || command === '-h') {
      console.log(USAGE);
      return command === undefined ? 2 : 0;
    }
    throw new UsageError(`unknown command "${argv.join(' ')}"`);
  } catch (error) {
    if (error instanceof UsageError || error instanceof AuditUsageError) {
      console.error(`prodready: ${error.message}\n${USAGE}`);
      return 2;
    }
    if (error instanceof LessonError || error instanceof MissingAssetsError) {
      console.error(`prodready: ${error.message}`);
      return 2;
    }
    throw error;
  }
}
