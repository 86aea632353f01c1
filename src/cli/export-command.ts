/**
 * `prodready lessons export LESSON-ID DIR [--solution]`: the lesson's starter (or its solution) as
 * the learner gets it, templates resolved, written into DIR, to edit and then `prodready grade`.
 * DIR must be new or empty: an export never overwrites someone's work.
 */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadLessonContent } from './lessons-fs';
import { lessonFolder, LESSONS_DIR } from './lessons-root';
import { parseCommandArgs, UsageError } from './usage';

export function exportCommand(args: string[]): number {
  const { values, positionals } = parseCommandArgs(args, { solution: { type: 'boolean' } });
  const [lessonId, dir] = positionals;
  if (!lessonId || !dir || positionals.length > 2) throw new UsageError('lessons export needs LESSON-ID and DIR');
  const folder = lessonFolder(lessonId);
  if (!folder) throw new UsageError(`no lesson "${lessonId}" in ${LESSONS_DIR}`);
  const target = resolve(dir);
  if (existsSync(target) && (!statSync(target).isDirectory() || readdirSync(target).length > 0)) {
    throw new UsageError(`${dir}: not a new or empty folder (an export never overwrites files)`);
  }
  const content = loadLessonContent(folder, { withMistakes: false });
  const files = values.solution ? content.solution : content.starter;
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(target, path)), { recursive: true });
    writeFileSync(join(target, path), text);
  }
  const side = values.solution ? 'solution' : 'starter';
  console.log(`wrote the ${side} of ${lessonId} to ${dir} (${Object.keys(files).sort().join(', ')})`);
  console.log(`grade it: prodready grade ${lessonId} ${dir}`);
  return 0;
}
