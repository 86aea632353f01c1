/** The content hash of a lesson folder on disk (src/lib/record/lesson-hash.ts says what it covers). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lessonContentHash, type GradedContent } from '../lib/record/lesson-hash';
import { loadLessonContent } from './lessons-fs';

/** lesson.md, checks.ts, and the starter and solution with their templates resolved. */
export function gradedContent(folder: string): GradedContent {
  const { starter, solution } = loadLessonContent(folder, { withMistakes: false });
  const content: GradedContent = {
    'lesson.md': readFileSync(join(folder, 'lesson.md'), 'utf8'),
    'checks.ts': readFileSync(join(folder, 'checks.ts'), 'utf8'),
  };
  for (const [path, text] of Object.entries(starter)) content[`starter/${path}`] = text;
  for (const [path, text] of Object.entries(solution)) content[`solution/${path}`] = text;
  return content;
}

export function lessonFolderHash(folder: string): Promise<string> {
  return lessonContentHash(gradedContent(folder));
}
