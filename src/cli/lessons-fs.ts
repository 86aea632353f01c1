/** Lessons read from disk for the CLI and the tests: the same parser as the browser's. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Lesson } from '../lib/content/lesson';
import { parseLesson } from '../lib/content/parse-lesson';

export function readTree(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(root, path).split('\\').join('/')] = readFileSync(path, 'utf8');
    }
  };
  walk(root);
  return files;
}

export async function loadLesson(folder: string): Promise<Lesson> {
  const absolute = resolve(folder);
  const files = readTree(absolute);
  delete files['checks.ts'];
  const module = (await import(pathToFileURL(join(absolute, 'checks.ts')).href)) as { default?: unknown };
  const name = absolute.split('/').pop() ?? folder;
  return parseLesson(`lessons/${name}`, files, module.default);
}

export async function loadLessons(root: string): Promise<Lesson[]> {
  const folders = readdirSync(root)
    .filter((name) => /^\d\d-/.test(name) && statSync(join(root, name)).isDirectory())
    .sort();
  return Promise.all(folders.map((name) => loadLesson(join(root, name))));
}
