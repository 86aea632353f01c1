/** The lessons this prodready ships, and the folder of one by id. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const LESSONS_DIR = resolve(fileURLToPath(import.meta.url), '../../../lessons');

/** The folder of a lesson id, or null when this prodready has no such lesson. */
export function lessonFolder(id: string): string | null {
  if (!/^\d\d-[a-z0-9-]+$/.test(id)) return null;
  const folder = join(LESSONS_DIR, id);
  return existsSync(join(folder, 'lesson.md')) ? folder : null;
}
