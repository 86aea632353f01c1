import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { readTreeWithin } from './lessons-fs';

let base: string;
let root: string;
beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'prodready-tree-'));
  root = join(base, 'project');
  mkdirSync(join(root, 'pkg'), { recursive: true });
  writeFileSync(join(root, 'app.py'), 'print("app")\n');
  writeFileSync(join(root, 'pkg/mod.py'), 'X = 1\n');
  writeFileSync(join(base, 'secret.txt'), 'outside-canary\n');
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

test('a link out of the tree is left out with an info line; its content is never read', () => {
  symlinkSync(join(base, 'secret.txt'), join(root, 'leak.txt'));
  symlinkSync('..', join(root, 'up'));
  const tree = readTreeWithin(root);
  expect(Object.keys(tree.files).sort()).toEqual(['app.py', 'pkg/mod.py']);
  expect(JSON.stringify(tree.files)).not.toContain('outside-canary');
  expect(tree.infos).toContain('leak.txt: skipped, a symbolic link that leads outside the project (or nowhere)');
  expect(tree.infos).toContain('up: skipped, a symbolic link that leads outside the project (or nowhere)');
});

test('a loop is read once, with an info line, not an ELOOP crash', () => {
  symlinkSync('.', join(root, 'loop'));
  symlinkSync('..', join(root, 'pkg/back'));
  const tree = readTreeWithin(root);
  expect(Object.keys(tree.files).sort()).toEqual(['app.py', 'pkg/mod.py']);
  expect(tree.infos).toEqual([
    'loop: skipped, a link to a folder already read (a loop)',
    'pkg/back: skipped, a link to a folder already read (a loop)',
  ]);
});

test('a link that stays inside the tree is followed', () => {
  symlinkSync('pkg/mod.py', join(root, 'alias.py'));
  expect(readTreeWithin(root).files['alias.py']).toBe('X = 1\n');
});
