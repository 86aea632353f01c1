import { describe, expect, test } from 'vitest';
import { LessonError } from './lesson-error';
import { resolveTemplates } from './templates';

function errorOf(action: () => unknown): LessonError {
  try {
    action();
  } catch (error) {
    if (error instanceof LessonError) return error;
    throw error;
  }
  throw new Error('expected a LessonError');
}

const shop = { 'app.py': 'import os\nprint("shop")\n' };

describe('resolveTemplates', () => {
  test('a template extends another: its files replace or patch the base, remove drops base files', () => {
    const templates = resolveTemplates({
      shop: { ...shop, Procfile: 'web: python app.py\n' },
      gunicorn: {
        'template.json': JSON.stringify({ extends: 'shop', remove: ['Procfile'] }),
        'wsgi.py': 'from app import app\n',
        'app.py.patch': '--- a/app.py\n+++ b/app.py\n@@ -1,2 +1,2 @@\n import os\n-print("shop")\n+print("behind")\n',
      },
      nginx: { 'template.json': '{ "extends": "gunicorn" }', 'nginx/shop.conf': 'server {}\n' },
    });
    expect(templates.gunicorn).toEqual({
      'app.py': 'import os\nprint("behind")\n',
      'wsgi.py': 'from app import app\n',
    });
    expect(Object.keys(templates.nginx!).sort()).toEqual(['app.py', 'nginx/shop.conf', 'wsgi.py']);
    expect(templates.shop).toEqual({ ...shop, Procfile: 'web: python app.py\n' });
  });

  test('an unknown base, a cycle and a stray key each name template.json', () => {
    const unknown = errorOf(() => resolveTemplates({ a: { 'template.json': '{"extends": "nope"}' }, shop }));
    expect(unknown.file).toBe('lessons/_templates/a/template.json');
    expect(unknown.message).toContain('no folder _templates/nope/ (there are: a, shop)');
    const cycle = errorOf(() =>
      resolveTemplates({ a: { 'template.json': '{"extends": "b"}' }, b: { 'template.json': '{"extends": "a"}' } }),
    );
    expect(cycle.message).toContain('a cycle, a → b → a');
    const stray = errorOf(() => resolveTemplates({ a: { 'template.json': '{"extend": "shop"}' }, shop }));
    expect(stray.message).toContain('extend');
  });
});
