/**
 * A lesson folder that states only what differs from another: a mistake or an alternative over the
 * solution. Each file of the folder replaces the file of the same path, except `PATH.patch`, a
 * unified diff (as `diff -u` or `git diff` writes it) applied to PATH with jsdiff, strictly: no fuzz,
 * so a patch whose context no longer matches the solution is an error naming the patch and its hunk,
 * never a quietly different mistake.
 */
import { applyPatch, parsePatch, type StructuredPatch } from 'diff';
import type { WorkspaceFiles } from '../runtime/protocol';
import { LessonError } from './lesson-error';

const PATCH_SUFFIX = '.patch';

/** The 1-based line of the `@@` header of hunk `index` in a patch text. */
function hunkLine(text: string, index: number): number | undefined {
  let seen = -1;
  const lines = text.split('\n');
  for (let line = 0; line < lines.length; line++) {
    if (lines[line]!.startsWith('@@') && ++seen === index) return line + 1;
  }
  return undefined;
}

function applyOne(folder: string, patchPath: string, text: string, base: WorkspaceFiles): [string, string] {
  const file = `${folder}/${patchPath}`;
  const target = patchPath.slice(0, -PATCH_SUFFIX.length);
  const source = base[target];
  if (source === undefined) throw new LessonError(file, `patches ${target}, which the files below it do not have`);
  let patches: StructuredPatch[];
  try {
    patches = parsePatch(text);
  } catch (error) {
    throw new LessonError(file, `not a unified diff: ${(error as Error).message}`);
  }
  if (patches.length !== 1 || patches[0]!.hunks.length === 0) {
    throw new LessonError(
      file,
      `must hold one file's unified diff (found ${patches.length} file(s)), at least one @@ hunk`,
    );
  }
  const patch = patches[0]!;
  const patched = applyPatch(source, patch);
  if (patched !== false) return [target, patched];
  // Say which hunk no longer fits: apply the hunks one by one, as jsdiff would.
  let partial = source;
  for (const [index, hunk] of patch.hunks.entries()) {
    const next = applyPatch(partial, { ...patch, hunks: [hunk] });
    if (next === false) {
      throw new LessonError(
        file,
        `does not apply to ${target}: the lines of this hunk (@@ -${hunk.oldStart}) are not in it any more`,
        hunkLine(text, index),
      );
    }
    partial = next;
  }
  throw new LessonError(file, `does not apply to ${target}`);
}

/**
 * `own` laid over `base`: whole files replace, `PATH.patch` files patch PATH, `remove` deletes.
 * @param folder the overlay's folder, for error messages (`lessons/05-x/mistakes/NAME`)
 */
export function overlay(
  folder: string,
  base: WorkspaceFiles,
  own: WorkspaceFiles,
  remove: string[] = [],
): WorkspaceFiles {
  const merged: WorkspaceFiles = { ...base };
  for (const [path, content] of Object.entries(own)) {
    if (!path.endsWith(PATCH_SUFFIX)) merged[path] = content;
  }
  for (const [path, content] of Object.entries(own)) {
    if (!path.endsWith(PATCH_SUFFIX)) continue;
    const [target, patched] = applyOne(folder, path, content, base);
    if (target in own) throw new LessonError(`${folder}/${path}`, `${target} is both replaced and patched: keep one`);
    merged[target] = patched;
  }
  for (const path of remove) {
    if (!(path in merged)) throw new LessonError(folder, `remove: "${path}" is not a file it could remove`);
    delete merged[path];
  }
  return merged;
}
