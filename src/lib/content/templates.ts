/**
 * Templates: lessons/_templates/NAME/, the files lessons build on (TutorialKit's `template`). A
 * template may build on another one with a `template.json`, `{ "extends": "shop", "remove": [...] }`,
 * so each stage of the shop app is written once: its own files replace or patch (PATH.patch) the
 * base's, `remove` drops base files it does not carry. Pure; lessons-fs.ts reads the folders.
 */
import { z } from 'zod';
import type { WorkspaceFiles } from '../runtime/protocol';
import { LessonError } from './lesson-error';
import { overlay } from './overlay';

export const TEMPLATES_FOLDER = '_templates';

/** The templates a lesson may build on, resolved, by name. */
export type Templates = Record<string, WorkspaceFiles>;

const templateNote = z
  .object({
    extends: z.string().min(1).optional().describe('The template this one builds on; default none'),
    remove: z.array(z.string()).default([]).describe('Files of the base this template does not carry; default none'),
  })
  .strict();

const NOTE = 'template.json';

/** @param raw every template folder's files by path relative to it, by template name */
export function resolveTemplates(raw: Record<string, WorkspaceFiles>): Templates {
  const resolved: Templates = {};
  const resolve = (name: string, seen: string[]): WorkspaceFiles => {
    const done = resolved[name];
    if (done) return done;
    const folder = `lessons/${TEMPLATES_FOLDER}/${name}`;
    const own = { ...raw[name]! };
    const noteText = own[NOTE];
    delete own[NOTE];
    let files: WorkspaceFiles = own;
    if (noteText !== undefined) {
      const file = `${folder}/${NOTE}`;
      let json: unknown;
      try {
        json = JSON.parse(noteText);
      } catch (error) {
        throw new LessonError(file, `not valid JSON: ${(error as Error).message}`);
      }
      const parsed = templateNote.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const keys = issue.code === 'unrecognized_keys' ? ` (${issue.keys.join(', ')})` : '';
        throw new LessonError(file, `${issue.path.join('.') || '(root)'}: ${issue.message}${keys}`);
      }
      const base = parsed.data.extends;
      if (base !== undefined) {
        if (!(base in raw)) {
          throw new LessonError(
            file,
            `extends: no folder ${TEMPLATES_FOLDER}/${base}/ (there are: ${Object.keys(raw).sort().join(', ')})`,
          );
        }
        if (seen.includes(base)) throw new LessonError(file, `extends: a cycle, ${[...seen, name, base].join(' → ')}`);
        files = overlay(folder, resolve(base, [...seen, name]), own, parsed.data.remove);
      } else if (parsed.data.remove.length > 0) {
        throw new LessonError(file, 'remove: only a template that extends another one has files to remove');
      }
    }
    resolved[name] = files;
    return files;
  };
  for (const name of Object.keys(raw).sort()) resolve(name, []);
  return resolved;
}
