/** Every lesson, built at build time from /lessons (browser; the CLI reads the folders from disk). */
import type { Lesson } from './lesson';
import { parseLesson } from './parse-lesson';

// Mistakes are proofs for authors and CI; the browser does not need them.
const raw = import.meta.glob<string>(['/lessons/*/**', '!/lessons/*/checks.ts', '!/lessons/*/mistakes/**'], {
  query: '?raw',
  import: 'default',
  eager: true,
});
const checkModules = import.meta.glob<unknown>('/lessons/*/checks.ts', { import: 'default', eager: true });

function collect(): Lesson[] {
  const byFolder = new Map<string, Record<string, string>>();
  for (const [path, content] of Object.entries(raw)) {
    const match = /^\/lessons\/([^/]+)\/(.+)$/.exec(path);
    if (!match) continue;
    const [, folder = '', rest = ''] = match;
    if (!byFolder.has(folder)) byFolder.set(folder, {});
    byFolder.get(folder)![rest] = content;
  }
  return [...byFolder.keys()]
    .sort()
    .map((folder) =>
      parseLesson(`lessons/${folder}`, byFolder.get(folder)!, checkModules[`/lessons/${folder}/checks.ts`], false),
    );
}

export const lessons: Lesson[] = collect();
