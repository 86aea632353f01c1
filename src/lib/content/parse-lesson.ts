/**
 * Builds a Lesson from the raw files of its folder. Shared by the browser (files from
 * import.meta.glob) and Node (files from disk). Every content error names the file, the key and,
 * where the file has lines, the line, so a lesson author sees what to fix.
 */
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import type { WorkspaceFiles } from '../runtime/protocol';
import { checkSpec } from './checks-schema';
import type { Lesson, Mistake } from './lesson';
import { lessonFrontmatter } from './lesson-schema';

export class LessonError extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly line?: number,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${message}`);
    this.name = 'LessonError';
  }
}

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
    const merged: WorkspaceFiles = { ...solution, ...own };
    for (const removed of parsed.data.remove) delete merged[removed];
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
    const merged: WorkspaceFiles = { ...solution, ...own };
    for (const removed of remove) delete merged[removed];
    return { name, files: merged };
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

/**
 * @param folder e.g. `lessons/02-debug-off`, used in error messages
 * @param files every file of the folder by path relative to it (`lesson.md`, `starter/app.py`, …)
 * @param checks the default export of the folder's checks.ts
 * @param withMistakes the browser skips mistakes; the proofs need them
 */
export function parseLesson(
  folder: string,
  files: Record<string, string>,
  checks: unknown,
  withMistakes = true,
): Lesson {
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
  const starter = filesUnder(files, 'starter');
  const solution = filesUnder(files, 'solution');
  if (Object.keys(starter).length === 0)
    throw new LessonError(`${folder}/starter`, 'no files: a lesson needs a starter');
  if (Object.keys(solution).length === 0)
    throw new LessonError(`${folder}/solution`, 'no files: a lesson needs a solution');
  if (!(frontmatter.entry in starter)) {
    throw new LessonError(lessonFile, `entry: "${frontmatter.entry}" is not a file of starter/`);
  }
  const checkList = parseChecks(folder, checks);
  const unknown = frontmatter.starterFails.find((id) => !checkList.some((check) => check.id === id));
  if (unknown) throw new LessonError(lessonFile, `starterFails: no check has the id "${unknown}"`);
  const mistakes = withMistakes ? parseMistakes(folder, files, solution) : [];
  for (const mistake of mistakes) {
    const stray = Object.keys(mistake.fails).find((id) => !checkList.some((check) => check.id === id));
    if (stray)
      throw new LessonError(`${folder}/mistakes/${mistake.name}/expect.json`, `fails: no check has the id "${stray}"`);
  }
  return {
    ...frontmatter,
    body: instructions.trim(),
    hints: hints.map((hint) => hint.trim()).filter(Boolean),
    starter,
    solution,
    mistakes,
    alternatives: withMistakes ? parseAlternatives(folder, files, solution) : [],
    checks: checkList,
  };
}
