/**
 * `prodready record LESSON-ID… DIR… --out RECORD.json [--learner NAME]`: the record the browser
 * downloads, made from folders (for authors, tests and leads who collect files another way). The
 * ids come first, then as many folders, paired in order. There are no browser results to keep
 * (`seen` is null) and no solution was revealed here. `--schema` prints the record's JSON Schema.
 */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { buildRecord } from '../lib/record/build-record';
import { completionRecord, type RecordedLesson } from '../lib/record/schema';
import { PRODREADY_VERSION } from '../lib/record/version';
import { lessonFolderHash } from './lesson-hash-fs';
import { readTreeWithin } from './lessons-fs';
import { lessonFolder, LESSONS_DIR } from './lessons-root';
import { escapeControls } from './safe-text';
import { parseCommandArgs, UsageError } from './usage';

export async function recordCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    out: { type: 'string' },
    learner: { type: 'string' },
    schema: { type: 'boolean' },
  });
  if (values.schema) {
    if (positionals.length > 0) throw new UsageError('record --schema takes no other arguments');
    console.log(JSON.stringify(z.toJSONSchema(completionRecord, { io: 'input' }), null, 2));
    return 0;
  }
  if (!values.out) throw new UsageError('record needs --out RECORD.json');
  if (positionals.length === 0 || positionals.length % 2 !== 0) {
    throw new UsageError('record needs LESSON-IDs and as many DIRs, e.g. `record 02-debug-off work/02 --out r.json`');
  }
  const half = positionals.length / 2;
  const pairs = positionals.slice(0, half).map((id, index) => ({ id, dir: positionals[half + index]! }));
  const lessons: RecordedLesson[] = [];
  for (const { id, dir } of pairs) {
    const folder = lessonFolder(id);
    if (!folder) throw new UsageError(`no lesson "${id}" in ${LESSONS_DIR} (the LESSON-IDs come first, then the DIRs)`);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`${dir}: not a directory`);
    const tree = readTreeWithin(resolve(dir));
    for (const info of tree.infos) console.error(`prodready: info: ${escapeControls(dir)}: ${escapeControls(info)}`);
    lessons.push({
      id,
      contentHash: await lessonFolderHash(folder),
      files: tree.files,
      solutionRevealed: false,
      seen: null,
    });
  }
  const record = buildRecord(lessons, {
    source: 'cli',
    prodready: PRODREADY_VERSION,
    now: new Date(),
    learner: values.learner,
  });
  // What this writes, verify must read: a file that breaks the schema is refused here, not there.
  const checked = completionRecord.safeParse(record);
  if (!checked.success) throw new UsageError(`the record would be malformed: ${checked.error.issues[0]!.message}`);
  writeFileSync(values.out, `${JSON.stringify(record, null, 2)}\n`);
  const summary = pairs.map(({ id }, index) => `${id} (${Object.keys(lessons[index]!.files).length} files)`);
  console.log(`wrote ${values.out}: ${summary.join(', ')}`);
  return 0;
}
