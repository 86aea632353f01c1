/**
 * Lessons read from disk for the CLI, the tests and the build: one loader, the same parser. A
 * lesson may build on a template, lessons/_templates/NAME/, resolved here, so the browser receives
 * every starter and solution whole.
 */
import { existsSync, lstatSync, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Lesson } from '../lib/content/lesson';
import { parseLesson, parseLessonContent, type LessonContent } from '../lib/content/parse-lesson';
import { hasRedTeam, redTeamAttacks } from '../lib/content/red-team';
import { resolveTemplates, TEMPLATES_FOLDER, type Templates } from '../lib/content/templates';
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

/** Every template of a lessons folder, `_templates/NAME/**`, resolved (extends, patches), by NAME. */
export function readTemplates(lessonsRoot: string): Templates {
  const folder = join(lessonsRoot, TEMPLATES_FOLDER);
  if (!existsSync(folder)) return {};
  const raw: Record<string, Record<string, string>> = {};
  for (const name of readdirSync(folder).sort()) {
    if (statSync(join(folder, name)).isDirectory()) raw[name] = readTree(join(folder, name));
  }
  return resolveTemplates(raw);
}

export interface LoadOptions {
  /** Read mistakes/ and alternatives/ too (the proofs need them; the browser does not). Default true. */
  withMistakes?: boolean;
}

/** The lesson's files, without checks.ts, and the templates beside it. */
function lessonFiles(folder: string) {
  const absolute = resolve(folder);
  const files = readTree(absolute);
  delete files['checks.ts'];
  return { absolute, files, name: absolute.split('/').pop() ?? folder, templates: readTemplates(dirname(absolute)) };
}

/** A lesson without its checks, in sync (the reality tests build their test list from it). */
export function loadLessonContent(folder: string, options: LoadOptions = {}): LessonContent {
  const { files, name, templates } = lessonFiles(folder);
  return parseLessonContent(`lessons/${name}`, files, { withMistakes: options.withMistakes ?? true, templates });
}

/**
 * One file of a lesson's starter or solution as the learner gets it (its template with the
 * lesson's own files laid over), e.g. `lessonFile(folder, 'solution/app.py')`.
 */
export function lessonFile(folder: string, file: string): string {
  const [side, ...rest] = file.split('/');
  const content = loadLessonContent(folder, { withMistakes: false });
  const text = (side === 'starter' ? content.starter : content.solution)[rest.join('/')];
  if (text === undefined) throw new Error(`${folder} has no ${file}`);
  return text;
}

export async function loadLesson(folder: string, options: LoadOptions = {}): Promise<Lesson> {
  const { absolute, files, name, templates } = lessonFiles(folder);
  const checksPath = join(absolute, 'checks.ts');
  // The modification time in the URL makes a long-running process (the dev server) see edits.
  const url = `${pathToFileURL(checksPath).href}?v=${statSync(checksPath).mtimeMs}`;
  const module = (await import(url)) as { default?: unknown };
  const lesson = parseLesson(`lessons/${name}`, files, module.default, {
    withMistakes: options.withMistakes ?? true,
    templates,
  });
  if (!hasRedTeam(lesson)) return lesson;
  // The lessons before it, read for their checks only; none of them has a red team of its own to resolve.
  const root = dirname(absolute);
  const earlier = await Promise.all(
    lessonFolders(root)
      .filter((folder) => folder < lesson.id)
      .map((folder) => loadLesson(join(root, folder), { withMistakes: false })),
  );
  return { ...lesson, redTeam: redTeamAttacks(lesson.id, earlier) };
}

/** The lesson folders of a lessons root, `NN-slug`, in order. */
export function lessonFolders(root: string): string[] {
  return readdirSync(root)
    .filter((name) => /^\d\d-/.test(name) && statSync(join(root, name)).isDirectory())
    .sort();
}

export async function loadLessons(root: string, options: LoadOptions = {}): Promise<Lesson[]> {
  return Promise.all(lessonFolders(root).map((name) => loadLesson(join(root, name), options)));
}
