import { describe, expect, test } from 'vitest';
import { LessonError, parseLesson } from './parse-lesson';

const lessonMd = (frontmatter: string, body = '# Title\n\nText.\n\n## Hint\n\nFirst.\n\n## Hint\n\nSecond.\n') =>
  `---\n${frontmatter}\n---\n${body}`;

const goodFrontmatter = `id: 09-sample
title: Sample
summary: A sample lesson.
entry: app.py
run:
  command: python app.py
attackPath: /boom
starterFails: [parses]`;

const checks = [{ kind: 'python-syntax', id: 'parses', title: 'Parses' }];

function files(frontmatter = goodFrontmatter, extra: Record<string, string> = {}) {
  return {
    'lesson.md': lessonMd(frontmatter),
    'starter/app.py': 'print(1)\n',
    'solution/app.py': 'print(2)\n',
    ...extra,
  };
}

function errorOf(action: () => unknown): LessonError {
  try {
    action();
  } catch (error) {
    if (error instanceof LessonError) return error;
    throw error;
  }
  throw new Error('expected a LessonError');
}

describe('parseLesson', () => {
  test('reads frontmatter, instructions, hints, starter and solution', () => {
    const lesson = parseLesson('lessons/09-sample', files(), checks);
    expect(lesson.id).toBe('09-sample');
    expect(lesson.run).toEqual({ command: 'python app.py', env: {} });
    expect(lesson.body).toBe('# Title\n\nText.');
    expect(lesson.hints).toEqual(['First.', 'Second.']);
    expect(lesson.starter).toEqual({ 'app.py': 'print(1)\n' });
    expect(lesson.tags).toEqual([]);
    expect(lesson.alternatives).toEqual([]);
  });

  test('a mistyped frontmatter key names the file, the key and its line', () => {
    const error = errorOf(() =>
      parseLesson('lessons/09-sample', files(goodFrontmatter.replace('  command:', '  comand:')), checks),
    );
    expect(error.message).toContain('lessons/09-sample/lesson.md:');
    expect(error.message).toContain('run');
    expect(error.line).toBe(7);
  });

  test('an unknown top-level key is rejected with its name and line', () => {
    const error = errorOf(() => parseLesson('lessons/09-sample', files(goodFrontmatter + '\ndificulty: 3'), checks));
    expect(error.message).toContain('dificulty');
    expect(error.line).toBe(10);
  });

  test('the id must equal the folder name', () => {
    const error = errorOf(() => parseLesson('lessons/10-other', files(), checks));
    expect(error.message).toContain('must equal the folder name "10-other"');
  });

  test('a check with a mistyped key names checks.ts, the index and the key', () => {
    const error = errorOf(() =>
      parseLesson('lessons/09-sample', files(), [{ kind: 'python-syntax', id: 'parses', title: 'P', hnit: 'x' }]),
    );
    expect(error.file).toBe('lessons/09-sample/checks.ts');
    expect(error.message).toContain('checks[0]');
    expect(error.message).toContain('hnit');
  });

  test('duplicate check ids are rejected', () => {
    const error = errorOf(() => parseLesson('lessons/09-sample', files(), [...checks, ...checks]));
    expect(error.message).toContain('"parses" is used twice');
  });

  test('starterFails must name existing checks', () => {
    const error = errorOf(() =>
      parseLesson('lessons/09-sample', files(goodFrontmatter.replace('[parses]', '[nope]')), checks),
    );
    expect(error.message).toContain('starterFails: no check has the id "nope"');
  });

  test('a mistake is the solution with its own files laid over it, minus removed files', () => {
    const lesson = parseLesson(
      'lessons/09-sample',
      files(goodFrontmatter, {
        'solution/NOTES.md': 'notes',
        'mistakes/broken/app.py': 'print(\n',
        'mistakes/broken/expect.json': JSON.stringify({
          why: 'typo',
          fails: { parses: 'SyntaxError' },
          remove: ['NOTES.md'],
        }),
      }),
      checks,
    );
    expect(lesson.mistakes).toEqual([
      { name: 'broken', files: { 'app.py': 'print(\n' }, fails: { parses: 'SyntaxError' }, why: 'typo' },
    ]);
  });

  test('an alternative is another correct answer laid over the solution', () => {
    const lesson = parseLesson(
      'lessons/09-sample',
      files(goodFrontmatter, { 'alternatives/cli/Procfile': 'web: x\n' }),
      checks,
    );
    expect(lesson.alternatives).toEqual([{ name: 'cli', files: { 'app.py': 'print(2)\n', Procfile: 'web: x\n' } }]);
  });

  test('a mistake without expect.json, or naming an unknown check, is an error naming the file', () => {
    const missing = errorOf(() =>
      parseLesson('lessons/09-sample', files(goodFrontmatter, { 'mistakes/broken/app.py': 'x' }), checks),
    );
    expect(missing.file).toBe('lessons/09-sample/mistakes/broken/expect.json');
    const unknown = errorOf(() =>
      parseLesson(
        'lessons/09-sample',
        files(goodFrontmatter, { 'mistakes/broken/expect.json': JSON.stringify({ why: 'w', fails: { nope: 'x' } }) }),
        checks,
      ),
    );
    expect(unknown.message).toContain('no check has the id "nope"');
  });

  test('broken YAML names its line', () => {
    const error = errorOf(() => parseLesson('lessons/09-sample', files(goodFrontmatter + '\n  - : [oops'), checks));
    expect(error.file).toBe('lessons/09-sample/lesson.md');
    expect(error.line).toBeGreaterThan(1);
  });

  describe('templates and patches', () => {
    const templates = { shop: { 'app.py': 'print("shop")\n', 'wsgi.py': 'from app import app\n' } };
    const templated = goodFrontmatter.replace('entry: app.py', 'template: shop\nentry: app.py');

    test('starter and solution are the template with their own files laid over it', () => {
      const lesson = parseLesson(
        'lessons/09-sample',
        { 'lesson.md': lessonMd(templated), 'starter/serve.py': 'serve()\n', 'solution/app.py': 'print(2)\n' },
        checks,
        { templates },
      );
      expect(lesson.starter).toEqual({ ...templates.shop, 'serve.py': 'serve()\n' });
      expect(lesson.solution).toEqual({ 'app.py': 'print(2)\n', 'wsgi.py': 'from app import app\n' });
    });

    test('an unknown template names the key, its line and the templates there are', () => {
      const error = errorOf(() =>
        parseLesson('lessons/09-sample', { ...files(templated.replace('shop', 'shopp')) }, checks, { templates }),
      );
      expect(error.file).toBe('lessons/09-sample/lesson.md');
      expect(error.line).toBe(5);
      expect(error.message).toContain('no folder _templates/shopp/ (there are: shop)');
    });

    test('a mistake may be a unified diff of one file, applied to the solution', () => {
      const patch = [
        '--- a/app.py',
        '+++ b/app.py',
        '@@ -1,2 +1,2 @@',
        ' import os',
        '-print(2)',
        '+print(3)',
        '',
      ].join('\n');
      const lesson = parseLesson(
        'lessons/09-sample',
        files(goodFrontmatter, {
          'solution/app.py': 'import os\nprint(2)\n',
          'mistakes/three/app.py.patch': patch,
          'mistakes/three/expect.json': JSON.stringify({ why: 'w', fails: { parses: 'x' } }),
        }),
        checks,
      );
      expect(lesson.mistakes[0]!.files).toEqual({ 'app.py': 'import os\nprint(3)\n' });
    });

    test('a patch that no longer fits names the patch file and the line of its hunk', () => {
      const patch = [
        '--- a/app.py',
        '+++ b/app.py',
        '@@ -1,2 +1,2 @@',
        ' import sys',
        '-print(2)',
        '+print(3)',
        '',
      ].join('\n');
      const error = errorOf(() =>
        parseLesson(
          'lessons/09-sample',
          files(goodFrontmatter, {
            'solution/app.py': 'import os\nprint(2)\n',
            'mistakes/three/app.py.patch': patch,
            'mistakes/three/expect.json': JSON.stringify({ why: 'w', fails: { parses: 'x' } }),
          }),
          checks,
        ),
      );
      expect(error.file).toBe('lessons/09-sample/mistakes/three/app.py.patch');
      expect(error.line).toBe(3);
      expect(error.message).toContain('does not apply to app.py');
    });

    test('a patch of a file the solution lacks, or a removal of one, is an error', () => {
      const expectJson = (extra: object) => JSON.stringify({ why: 'w', fails: { parses: 'x' }, ...extra });
      const patchMissing = errorOf(() =>
        parseLesson(
          'lessons/09-sample',
          files(goodFrontmatter, {
            'mistakes/m/nope.py.patch': '--- a/nope.py\n+++ b/nope.py\n@@ -1 +1 @@\n-a\n+b\n',
            'mistakes/m/expect.json': expectJson({}),
          }),
          checks,
        ),
      );
      expect(patchMissing.message).toContain('patches nope.py, which the files below it do not have');
      const removeMissing = errorOf(() =>
        parseLesson(
          'lessons/09-sample',
          files(goodFrontmatter, { 'mistakes/m/expect.json': expectJson({ remove: ['gone.py'] }) }),
          checks,
        ),
      );
      expect(removeMissing.message).toContain('remove: "gone.py"');
    });

    test('a solution equal to the starter is refused', () => {
      const error = errorOf(() =>
        parseLesson('lessons/09-sample', { 'lesson.md': lessonMd(templated) }, checks, { templates }),
      );
      expect(error.message).toContain('the solution is the starter');
    });
  });
});
