/** docs/check-kinds.md lists every check kind the schema knows, with the lessons that use it, as the lessons are. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkSpec } from './checks-schema';

const ROOT = resolve(import.meta.dirname, '../../..');

function documentedKinds(): Map<string, string> {
  const rows = new Map<string, string>();
  for (const line of readFileSync(join(ROOT, 'docs/check-kinds.md'), 'utf8').split('\n')) {
    const row = /^\| `([a-z-]+)`\s*\|.*\|\s*([^|]*?)\s*\|$/.exec(line);
    if (row) rows.set(row[1]!, row[2]!);
  }
  return rows;
}

function lessonsUsing(kind: string): string {
  const lessons = readdirSync(join(ROOT, 'lessons'))
    .filter((name) => /^\d\d-/.test(name))
    .sort();
  return lessons
    .filter((name) => readFileSync(join(ROOT, 'lessons', name, 'checks.ts'), 'utf8').includes(`kind: '${kind}'`))
    .map((name) => name.slice(0, 2))
    .join(', ');
}

describe('docs/check-kinds.md', () => {
  const documented = documentedKinds();
  for (const kind of checkSpec.options.map((option) => option.shape.kind.value)) {
    test(`${kind}: documented, with the lessons that use it`, () => {
      expect(documented.has(kind), `no row for ${kind}`).toBe(true);
      expect(documented.get(kind)).toBe(lessonsUsing(kind));
    });
  }
});
