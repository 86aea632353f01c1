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

export interface LoadOptions {
  /** Read mistakes/ too (the proofs need them; the browser does not). Default true. */
  withMistakes?: boolean;
}

export async function loadLesson(folder: string, options: LoadOptions = {}): Promise<Lesson> {
  const absolute = resolve(folder);
  const files = readTree(absolute);
  delete files['checks.ts'];
  const checksPath = join(absolute, 'checks.ts');
  // The modification time in the URL makes a long-running process (the dev server) see edits.
  const url = `${pathToFileURL(checksPath).href}?v=${statSync(checksPath).mtimeMs}`;
  const module = (await import(url)) as { default?: unknown };
  const name = absolute.split('/').pop() ?? folder;
  return parseLesson(`lessons/${name}`, files, module.default, options.withMistakes ?? true);
}

export async function loadLessons(root: string, options: LoadOptions = {}): Promise<Lesson[]> {
  const folders = readdirSync(root)
    .filter((name) => /^\d\d-/.test(name) && statSync(join(root, name)).isDirectory())
    .sort();
  return Promise.all(folders.map((name) => loadLesson(join(root, name), options)));
}
