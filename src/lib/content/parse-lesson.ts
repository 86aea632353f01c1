/**
 * Builds a Lesson from the raw files of its folder and the templates it may build on. Pure: the
 * files come from disk through src/cli/lessons-fs.ts, for the command line, the tests and the build
 * (scripts/vite-lessons-plugin.ts, which hands the browser the result as JSON). Every content error
 * names the file, the key and, where the file has lines, the line, so a lesson author sees what to fix.
 */
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import type { WorkspaceFiles } from '../runtime/protocol';
import { checkSpec } from './checks-schema';
import type { Lesson, Mistake } from './lesson';
import { LessonError } from './lesson-error';
import { lessonFrontmatter } from './lesson-schema';
import { overlay } from './overlay';
import { TEMPLATES_FOLDER, type Templates } from './templates';

export { TEMPLATES_FOLDER, type Templates };

export { LessonError };

const mistakeExpectation = z
  .object({
    fails: z
      .record(z.string(), z.string().min(1))
      .refine((value) => Object.keys(value).length > 0, 'name at least one check')
      .describe('Check id → a part of the failure message that must appear'),
    remove: z.array(z.string()).default([]).describe('Solution files this mistake deletes; default none'),
    why: z.string().min(1).describe('The misunderstanding this mistake stands for, one line'),
  })
  .strict();

const HINT_HEADING = /^## Hint\b.*$/m;

function issuePath(path: PropertyKey[]): string {
  return path
    .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
    .join('')
    .replace(/^\./, '');
}

function splitFrontmatter(file: string, text: string): { yaml: string; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!match) throw new LessonError(file, 'must start with a YAML frontmatter block between --- lines', 1);
  return { yaml: match[1] ?? '', body: text.slice(match[0].length) };
}

function parseFrontmatter(file: string, yamlText: string) {
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { lineCounter });
  if (document.errors.length > 0) {
    const error = document.errors[0]!;
    // +1: the frontmatter starts after the opening --- line.
    throw new LessonError(file, error.message.split('\n')[0] ?? 'invalid YAML', (error.linePos?.[0]?.line ?? 0) + 1);
  }
  const result = lessonFrontmatter.safeParse(document.toJS());
  if (!result.success) {
    // A mistyped key shows up twice: as unrecognised, and as the key it should have been, missing.
    // The unrecognised one points at text the author wrote, so it goes first.
    const issues = result.error.issues;
    const issue = issues.find((candidate) => candidate.code === 'unrecognized_keys') ?? issues[0]!;
    const strayKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
    const path = strayKey === undefined ? issue.path : [...issue.path, strayKey];
    const line = frontmatterLine(document, lineCounter, issue.path as Array<string | number>, strayKey);
    throw new LessonError(file, `${issuePath(path) || '(frontmatter)'}: ${issue.message}`, line);
  }
  return result.data;
}

type YamlNode = { range?: [number, number]; items?: Array<{ key: { value: unknown; range?: [number, number] } }> };

/** The lesson.md line of a frontmatter key: the stray key itself, or the nearest node that exists. */
function frontmatterLine(
  document: ReturnType<typeof parseDocument>,
  lineCounter: LineCounter,
  path: Array<string | number>,
  strayKey: string | undefined,
): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = (depth === 0 ? document.contents : document.getIn(path.slice(0, depth), true)) as YamlNode | null;
    if (!node) continue;
    const keyNode =
      strayKey !== undefined && depth === path.length
        ? node.items?.find((item) => item.key.value === strayKey)?.key
        : undefined;
    const offset = keyNode?.range?.[0] ?? node.range?.[0];
    // +1: the frontmatter starts after the opening --- line.
    if (offset !== undefined) return lineCounter.linePos(offset).line + 1;
  }
  return undefined;
}

/** Files under `prefix/`, keyed by their path below it. */
function filesUnder(files: Record<string, string>, prefix: string): WorkspaceFiles {
  const picked: WorkspaceFiles = {};
  for (const [path, content] of Object.entries(files)) {
    if (path.startsWith(prefix + '/')) picked[path.slice(prefix.length + 1)] = content;
  }
  return picked;
}

function folderNames(files: Record<string, string>, parent: string): string[] {
  const names = new Set<string>();
  for (const path of Object.keys(files)) {
    const match = new RegExp(`^${parent}/([^/]+)/`).exec(path);
    if (match?.[1]) names.add(match[1]);
  }
  return [...names].sort();
}

function parseMistakes(folder: string, files: Record<string, string>, solution: WorkspaceFiles): Mistake[] {
  return folderNames(files, 'mistakes').map((name) => {
    const own = filesUnder(files, `mistakes/${name}`);
    const expectFile = `${folder}/mistakes/${name}/expect.json`;
    const raw = own['expect.json'];
    if (raw === undefined) throw new LessonError(expectFile, 'missing: a mistake names the checks it must fail');
    const parsed = mistakeExpectation.safeParse(parseJson(expectFile, raw));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const keys = issue.code === 'unrecognized_keys' ? ` (${issue.keys.join(', ')})` : '';
      throw new LessonError(expectFile, `${issuePath(issue.path) || '(root)'}: ${issue.message}${keys}`);
    }
    delete own['expect.json'];
    const merged = overlay(`${folder}/mistakes/${name}`, solution, own, parsed.data.remove);
    return { name, files: merged, fails: parsed.data.fails, why: parsed.data.why };
  });
}

const alternativeNote = z
  .object({
    why: z.string().min(1).describe('What makes this another correct answer'),
    remove: z.array(z.string()).default([]).describe('Solution files this answer does without; default none'),
  })
  .strict();

/** alternatives/NAME/: another correct answer, laid over the solution; alternative.json may remove files. */
function parseAlternatives(folder: string, files: Record<string, string>, solution: WorkspaceFiles) {
  return folderNames(files, 'alternatives').map((name) => {
    const own = filesUnder(files, `alternatives/${name}`);
    const noteFile = `${folder}/alternatives/${name}/alternative.json`;
    let remove: string[] = [];
    if (own['alternative.json'] !== undefined) {
      const parsed = alternativeNote.safeParse(parseJson(noteFile, own['alternative.json']));
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new LessonError(noteFile, `${issuePath(issue.path) || '(root)'}: ${issue.message}`);
      }
      remove = parsed.data.remove;
      delete own['alternative.json'];
    }
    return { name, files: overlay(`${folder}/alternatives/${name}`, solution, own, remove) };
  });
}

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new LessonError(file, `not valid JSON: ${(error as Error).message}`);
  }
}

function parseChecks(folder: string, checks: unknown) {
  const file = `${folder}/checks.ts`;
  if (!Array.isArray(checks)) throw new LessonError(file, 'must `export default defineChecks([...])`');
  const ids = new Set<string>();
  return checks.map((check, index) => {
    const parsed = checkSpec.safeParse(check);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const keys = issue.code === 'unrecognized_keys' ? `.${issue.keys[0]}` : '';
      throw new LessonError(
        file,
        `checks[${index}]${issuePath(issue.path) ? '.' + issuePath(issue.path) : ''}${keys}: ${issue.message}`,
      );
    }
    if (ids.has(parsed.data.id))
      throw new LessonError(file, `checks[${index}]: the id "${parsed.data.id}" is used twice`);
    ids.add(parsed.data.id);
    return parsed.data;
  });
}

export interface ParseOptions {
  /** Read mistakes/ and alternatives/ (the proofs need them; the browser does not). Default true. */
  withMistakes?: boolean;
  /** lessons/_templates/, by name. Default none. */
  templates?: Templates;
}

/** Everything of a lesson but its checks: what the reality tests read, in sync. */
export type LessonContent = Omit<Lesson, 'checks'>;

/** The template a lesson names, or an error at its frontmatter line naming the ones there are. */
function templateOf(lessonFile: string, markdown: string, name: string | undefined, templates: Templates) {
  if (name === undefined) return {};
  const files = templates[name];
  if (files !== undefined) return files;
  const line = markdown.split('\n').findIndex((text) => /^template\s*:/.test(text)) + 1;
  const known = Object.keys(templates).sort().join(', ') || 'none';
  throw new LessonError(
    lessonFile,
    `template: no folder ${TEMPLATES_FOLDER}/${name}/ (there are: ${known})`,
    line > 0 ? line : undefined,
  );
}

/**
 * The lesson without its checks. The starter and the solution are each the template (if any) with
 * the lesson's own starter/ or solution/ files laid over it; mistakes and alternatives lie over the
 * solution. Patches (`PATH.patch`) are allowed in every layer above the template.
 * @param folder e.g. `lessons/02-debug-off`, used in error messages
 * @param files every file of the folder by path relative to it (`lesson.md`, `starter/app.py`, …)
 */
export function parseLessonContent(folder: string, files: Record<string, string>, options: ParseOptions = {}) {
  const withMistakes = options.withMistakes ?? true;
  const lessonFile = `${folder}/lesson.md`;
  const markdown = files['lesson.md'];
  if (markdown === undefined) throw new LessonError(lessonFile, 'missing');
  const { yaml, body } = splitFrontmatter(lessonFile, markdown);
  const frontmatter = parseFrontmatter(lessonFile, yaml);
  const folderName = folder.split('/').pop();
  if (frontmatter.id !== folderName) {
    throw new LessonError(lessonFile, `id: "${frontmatter.id}" must equal the folder name "${folderName}"`, 2);
  }
  const [instructions = '', ...hints] = body.split(HINT_HEADING);
  const template = templateOf(lessonFile, markdown, frontmatter.template, options.templates ?? {});
  const starter = overlay(`${folder}/starter`, template, filesUnder(files, 'starter'));
  const solution = overlay(`${folder}/solution`, template, filesUnder(files, 'solution'));
  if (Object.keys(starter).length === 0)
    throw new LessonError(`${folder}/starter`, 'no files: a lesson needs a starter (its own, or a template)');
  if (Object.keys(solution).length === 0)
    throw new LessonError(`${folder}/solution`, 'no files: a lesson needs a solution (its own, or a template)');
  if (JSON.stringify(starter) === JSON.stringify(solution))
    throw new LessonError(`${folder}/solution`, 'the solution is the starter: nothing to learn');
  if (!(frontmatter.entry in starter)) {
    throw new LessonError(lessonFile, `entry: "${frontmatter.entry}" is not a file of the starter`);
  }
  const content: LessonContent = {
    ...frontmatter,
    body: instructions.trim(),
    hints: hints.map((hint) => hint.trim()).filter(Boolean),
    starter,
    solution,
    mistakes: withMistakes ? parseMistakes(folder, files, solution) : [],
    alternatives: withMistakes ? parseAlternatives(folder, files, solution) : [],
  };
  return content;
}

/**
 * @param folder e.g. `lessons/02-debug-off`, used in error messages
 * @param files every file of the folder by path relative to it (`lesson.md`, `starter/app.py`, …)
 * @param checks the default export of the folder's checks.ts
 */
export function parseLesson(
  folder: string,
  files: Record<string, string>,
  checks: unknown,
  options: ParseOptions = {},
): Lesson {
  const content = parseLessonContent(folder, files, options);
  const checkList = parseChecks(folder, checks);
  const unknown = content.starterFails.find((id) => !checkList.some((check) => check.id === id));
  if (unknown) throw new LessonError(`${folder}/lesson.md`, `starterFails: no check has the id "${unknown}"`);
  for (const mistake of content.mistakes) {
    const stray = Object.keys(mistake.fails).find((id) => !checkList.some((check) => check.id === id));
    if (stray)
      throw new LessonError(`${folder}/mistakes/${mistake.name}/expect.json`, `fails: no check has the id "${stray}"`);
  }
  return { ...content, checks: checkList };
}
