/**
 * `prodready`: grade a directory as a lesson submission, audit a project, or prove the lessons.
 * Exit codes: 0 all passed, 1 a check or proof failed (or findings), 2 bad usage or unreadable
 * input, 3 could not judge (the app hit a limit, the runtime died, or the audited app did not start).
 * The project's Python runs in the confined runtime (confined/runtime.ts), never in this process.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { LessonError } from '../lib/content/parse-lesson';
import { checkStatus } from '../lib/grading/types';
import { PRODREADY_VERSION } from '../lib/record/version';
import { AuditUsageError, COULD_NOT_JUDGE, parseAuditArgs, runAudit } from './audit/command';
import { printResults, useColor, paint } from './check-results-text';
import { gradeConfined, withRuntime } from './confined-grade';
import { JudgeLimitError } from './confined/runtime';
import { LimitsError } from './confined/limits';
import { exportCommand } from './export-command';
import { exportScorm, ExportUsageError, parseExportArgs } from './export-scorm';
import { loadLesson, loadLessons, readTreeWithin } from './lessons-fs';
import { lessonFolder, LESSONS_DIR } from './lessons-root';
import { MissingAssetsError } from './python-boot';
import { proofSubjects, proveSubject, vacuousChecks, type Proof } from './proofs';
import { recordCommand } from './record-command';
import { escapeControls, safeJson } from './safe-text';
import { commandUsage, parseCommandArgs, USAGE, UsageError, type CommandName } from './usage';
import { verifyCommand } from './verify-command';

async function gradeCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } });
  const [lessonId, dir] = positionals;
  if (!lessonId || !dir || positionals.length > 2) throw new UsageError('grade needs LESSON-ID and DIR');
  const folder = lessonFolder(lessonId);
  if (!folder) throw new UsageError(`no lesson "${lessonId}" in ${LESSONS_DIR}`);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`${dir}: not a directory`);
  const lesson = await loadLesson(folder);
  const tree = readTreeWithin(resolve(dir));
  const results = await withRuntime((runtime) => gradeConfined(lesson, tree.files, runtime));
  const unjudged = results.unjudged;
  const passed = unjudged.length === 0 && results.value.every((result) => result.passed);
  if (values.json) {
    const withStatus = results.value.map((result) => ({ ...result, status: checkStatus(result) }));
    const report = { tool: 'prodready', version: PRODREADY_VERSION, lesson: lesson.id, passed, results: withStatus };
    console.log(safeJson(unjudged.length > 0 ? { ...report, unjudged } : report));
  } else {
    printResults(results.value);
  }
  for (const info of tree.infos) console.error(`prodready: info: ${escapeControls(info)}`);
  reportUnjudged(unjudged, `${dir} as ${lesson.id}`);
  if (unjudged.length > 0) return COULD_NOT_JUDGE;
  return passed ? 0 : 1;
}

/** `subject`: what was being judged (the folder and the lesson), named before each reason. */
function reportUnjudged(unjudged: string[], subject?: string): void {
  const what = subject ? ` ${escapeControls(subject)}` : '';
  for (const reason of unjudged) console.error(`prodready: could not judge${what}: ${escapeControls(reason)}`);
}

async function auditCommand(args: string[]): Promise<number> {
  const options = parseAuditArgs(args);
  const { value } = await withRuntime((runtime) =>
    runAudit(
      options,
      runtime,
      PRODREADY_VERSION,
      (text) => console.log(text),
      (text) => console.error(text),
      useColor,
    ),
  );
  return value;
}

async function lessonsCheckCommand(args: string[]): Promise<number> {
  const all = await loadLessons(LESSONS_DIR);
  const unknown = args.filter((id) => !all.some((lesson) => lesson.id === id));
  if (unknown.length > 0) {
    throw new UsageError(`no such lesson: ${unknown.join(', ')} (there are ${all.map((l) => l.id).join(', ')})`);
  }
  // Lesson ids to prove; none: every lesson.
  const lessons = args.length === 0 ? all : all.filter((lesson) => args.includes(lesson.id));
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

async function exportScormCommand(args: string[]): Promise<number> {
  const options = parseExportArgs(['scorm', ...args]);
  const dist = resolve(LESSONS_DIR, '../dist');
  const made = exportScorm(options, dist, await loadLessons(LESSONS_DIR), PRODREADY_VERSION);
  console.log(
    `${options.out}: SCORM 1.2, ${made.files} files, ${(made.bytes / 1e6).toFixed(1)} MB; lessons: ${made.lessons.join(', ')}`,
  );
  return 0;
}

const COMMANDS: Record<CommandName, (args: string[]) => Promise<number> | number> = {
  grade: gradeCommand,
  audit: auditCommand,
  'lessons check': lessonsCheckCommand,
  'lessons export': exportCommand,
  'export scorm': exportScormCommand,
  record: recordCommand,
  verify: verifyCommand,
};

/** `lessons check`, `lessons export` and `export scorm` are two words; every other command one. */
function commandOf(argv: string[]): { name: CommandName | null; args: string[] } {
  const two = `${argv[0]} ${argv[1]}`;
  if (two in COMMANDS) return { name: two as CommandName, args: argv.slice(2) };
  if (argv[0] !== undefined && argv[0] in COMMANDS) return { name: argv[0] as CommandName, args: argv.slice(1) };
  return { name: null, args: argv };
}

export async function main(argv: string[]): Promise<number> {
  const { name, args } = commandOf(argv);
  try {
    if (argv[0] === '--version' || argv[0] === '-V') {
      console.log(PRODREADY_VERSION);
      return 0;
    }
    if (name && (args.includes('--help') || args.includes('-h'))) {
      console.log(commandUsage(name));
      return 0;
    }
    if (name) return await COMMANDS[name](args);
    if (argv[0] === undefined || argv[0] === '--help' || argv[0] === '-h') {
      console.log(USAGE);
      return argv[0] === undefined ? 2 : 0;
    }
    throw new UsageError(`unknown command "${argv.join(' ')}"`);
  } catch (error) {
    if (error instanceof UsageError || error instanceof AuditUsageError || error instanceof ExportUsageError) {
      console.error(`prodready: ${error.message}\n${name ? commandUsage(name) : USAGE}`);
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
