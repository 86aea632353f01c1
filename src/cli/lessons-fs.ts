/** Lessons read from disk for the CLI and the tests: the same parser as the browser's. */
import { lstatSync, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Lesson } from '../lib/content/lesson';
import { parseLesson } from '../lib/content/parse-lesson';
import { OUTSIDE_ROOT, realPathWithin } from './within-root';

/** The largest file a submission may hold; a bigger one is left out with an info line. */
export const MAX_SUBMISSION_FILE_BYTES = 1024 * 1024;

export interface Tree {
  /** Files by path relative to the root, with / separators. */
  files: Record<string, string>;
  /** One line per path left out, and why. */
  infos: string[];
}

/**
 * Every regular file under `root`, as text. Links are followed only while they stay inside the
 * root, a folder reached twice (a loop) is read once, and FIFOs, sockets and devices are left
 * out: each with an info line, never an error.
 */
export function readTreeWithin(root: string): Tree {
  const files: Record<string, string> = {};
  const infos: string[] = [];
  const realRoot = realpathSync(root);
  const visited = new Set<string>();
  const rel = (path: string) => relative(root, path).split('\\').join('/') || '.';
  const walk = (dir: string, realDir: string) => {
    if (visited.has(realDir)) {
      infos.push(`${rel(dir)}: skipped, a link to a folder already read (a loop)`);
      return;
    }
    visited.add(realDir);
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      try {
        const real = lstatSync(path).isSymbolicLink() ? realPathWithin(realRoot, path) : join(realDir, name);
        if (real === null) {
          infos.push(`${rel(path)}: ${OUTSIDE_ROOT}`);
          continue;
        }
        const stats = statSync(real);
        if (stats.isDirectory()) walk(path, real);
        else if (!stats.isFile()) infos.push(`${rel(path)}: skipped, not a regular file`);
        else if (stats.size > MAX_SUBMISSION_FILE_BYTES) {
          infos.push(`${rel(path)}: skipped, over the 1 MB limit for a file`);
        } else files[rel(path)] = readFileSync(real, 'utf8');
      } catch (error) {
        infos.push(`${rel(path)}: skipped, unreadable (${error instanceof Error ? error.message : String(error)})`);
      }
    }
  };
  walk(root, realRoot);
  return { files, infos };
}

/** The files of a tree the project ships (a lesson folder); see readTreeWithin. */
export function readTree(root: string): Record<string, string> {
  return readTreeWithin(root).files;
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
