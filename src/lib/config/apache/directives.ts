/** The directive table of the loaded modules: lookup, and config.c's own argument checks. */
import { DIRECTIVES, type DirectiveRow } from './data/directives.generated';
import { COMPILED_IN, LOADABLE } from './data/modules.generated';
import { words } from './lexer';

const BY_LOWER_NAME = new Map(Object.entries(DIRECTIVES).map(([name, row]) => [name.toLowerCase(), { name, row }]));
export const SOURCE_TO_ID = new Map(
  [...Object.entries(COMPILED_IN), ...Object.entries(LOADABLE)].map(([id, row]) => [row.source, id]),
);
export const ID_TO_SOURCE = new Map(
  [...Object.entries(COMPILED_IN), ...Object.entries(LOADABLE)].map(([id, row]) => [id, row.source]),
);

/** The directive `name` as the loaded modules define it, or undefined (httpd: "Invalid command"). */
export function lookupDirective(
  name: string,
  modules: ReadonlySet<string>,
): { name: string; row: DirectiveRow } | undefined {
  const found = BY_LOWER_NAME.get(name.toLowerCase());
  if (!found) return undefined;
  const id = SOURCE_TO_ID.get(found.row.module);
  return id !== undefined && modules.has(id) ? found : undefined;
}

export const invalidCommand = (name: string) =>
  `Invalid command '${name}', perhaps misspelled or defined by a module not included in the server configuration`;

/** server/config.c's argument-count messages, for a directive's kind; null when the count is right. */
export function argumentCountError(name: string, row: DirectiveRow, raw: string): string | null {
  const w = words(raw);
  const suffix = row.description ? `, ${row.description}` : '';
  const first = w[0] ?? '';
  const n = w.length;
  const empty = (i: number) => (w[i] ?? '') === '';
  switch (row.args) {
    case 'NO_ARGS':
      return raw.trim() !== '' ? `${name} takes no arguments` : null;
    case 'TAKE1':
      return empty(0) || n > 1 ? `${name} takes one argument${suffix}` : null;
    case 'TAKE2':
      return empty(0) || empty(1) || n > 2 ? `${name} takes two arguments${suffix}` : null;
    case 'TAKE12':
      return empty(0) || n > 2 ? `${name} takes 1-2 arguments${suffix}` : null;
    case 'TAKE3':
      return empty(0) || empty(1) || empty(2) || n > 3 ? `${name} takes three arguments${suffix}` : null;
    case 'TAKE23':
      return empty(0) || empty(1) || n > 3 ? `${name} takes two or three arguments${suffix}` : null;
    case 'TAKE123':
      return empty(0) || n > 3 ? `${name} takes one, two or three arguments${suffix}` : null;
    case 'TAKE13':
      return empty(0) || n === 2 || n > 3 ? `${name} takes one or three arguments${suffix}` : null;
    case 'ITERATE':
      return first === '' ? `${name} requires at least one argument${suffix}` : null;
    case 'ITERATE2':
      return first === '' || n < 2 ? `${name} requires at least two arguments${suffix}` : null;
    case 'FLAG':
      return !/^(on|off)$/i.test(first) ? `${name} must be On or Off` : null;
    default:
      return null;
  }
}
