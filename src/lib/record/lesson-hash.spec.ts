import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradedContent, lessonFolderHash } from '../../cli/lesson-hash-fs';
import { lessonContentHash } from './lesson-hash';

const LESSONS = resolve(import.meta.dirname, '../../../lessons');

describe('lessonContentHash', () => {
  it('is the SHA-256 of the sorted [path, text] pairs as JSON, whatever order the paths come in', async () => {
    const expected = createHash('sha256')
      .update(
        JSON.stringify([
          ['a', 'x'],
          ['b/c', 'y'],
        ]),
      )
      .digest('hex');
    expect(await lessonContentHash({ 'b/c': 'y', a: 'x' })).toBe(`sha256:${expected}`);
    expect(await lessonContentHash({ a: 'x', 'b/c': 'y' })).toBe(`sha256:${expected}`);
  });

  it('tells a moved boundary between a path and its text apart', async () => {
    expect(await lessonContentHash({ ab: 'c' })).not.toBe(await lessonContentHash({ a: 'bc' }));
  });

  it("covers lesson.md, checks.ts and the starter and solution with their template's files", async () => {
    const content = gradedContent(join(LESSONS, '04-gunicorn'));
    // Lesson 04 has no solution folder of its own: its solution is its template's.
    expect(Object.keys(content)).toEqual(
      expect.arrayContaining(['lesson.md', 'checks.ts', 'starter/gunicorn.conf.py', 'solution/app.py']),
    );
    expect(Object.keys(content).some((path) => path.startsWith('mistakes/'))).toBe(false);
    const hash = await lessonFolderHash(join(LESSONS, '04-gunicorn'));
    expect(hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(hash).not.toBe(await lessonFolderHash(join(LESSONS, '02-debug-off')));
    const edited = { ...content, 'checks.ts': `${content['checks.ts']}\n` };
    expect(await lessonContentHash(edited)).not.toBe(hash);
  });
});
