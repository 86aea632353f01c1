/**
 * `prodready verify RECORD.json… [--json] [--accept-revealed]`: every lesson of every record
 * re-graded from its files alone, in the confined runtime (docs/record.md). Exit 0 only when every
 * lesson passes again and none had its solution revealed (unless --accept-revealed); 1 otherwise;
 * 2 when a record is malformed (its file named, with the JSON line and column or the field); 3
 * when a lesson could not be judged.
 */
import { readFileSync } from 'node:fs';
import { readRecord } from '../lib/record/read-record';
import { PRODREADY_VERSION } from '../lib/record/version';
import { withRuntime } from './confined-grade';
import { escapeControls } from './safe-text';
import { parseCommandArgs, UsageError } from './usage';
import { LessonCache, verifyLesson } from './verify-lesson';
import { verifyExitCode, verifyJson, verifyText, type RecordVerdict } from './verify-report';

function readRecordFile(file: string) {
  try {
    return readRecord(readFileSync(file, 'utf8'));
  } catch (error) {
    return {
      ok: false as const,
      problem: `cannot read it (${error instanceof Error ? error.message : String(error)})`,
    };
  }
}

export async function verifyCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    json: { type: 'boolean' },
    'accept-revealed': { type: 'boolean' },
  });
  if (positionals.length === 0) throw new UsageError('verify needs at least one RECORD.json');
  const read = positionals.map((file) => ({ file, read: readRecordFile(file) }));
  const verdicts: RecordVerdict[] = read.map(({ file, read }) =>
    read.ok
      ? {
          file,
          learner: read.record.learner,
          source: read.record.source,
          prodready: read.record.prodready,
          createdAt: read.record.createdAt,
          lessons: [],
        }
      : { file, malformed: read.problem, lessons: [] },
  );
  const toGrade = read.flatMap(({ read }, index) =>
    read.ok ? [{ record: read.record, verdict: verdicts[index]! }] : [],
  );
  if (toGrade.length > 0) {
    const lessons = new LessonCache();
    await withRuntime(async (runtime) => {
      for (const { record, verdict } of toGrade) {
        for (const recorded of record.lessons) {
          verdict.lessons.push(
            await verifyLesson(recorded, record.prodready, lessons, runtime, values['accept-revealed'] === true),
          );
        }
      }
    });
  }
  console.log(values.json ? verifyJson(verdicts, PRODREADY_VERSION) : verifyText(verdicts, PRODREADY_VERSION));
  for (const verdict of verdicts) {
    if (verdict.malformed !== undefined && values.json) {
      console.error(
        `prodready: ${escapeControls(verdict.file)}: malformed record: ${escapeControls(verdict.malformed)}`,
      );
    }
  }
  return verifyExitCode(verdicts);
}
