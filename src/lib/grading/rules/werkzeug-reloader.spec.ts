import { describe, expect, test } from 'vitest';
import { werkzeugReloader } from './werkzeug-reloader';
import {
  APP,
  GUNICORN_CONF,
  GUNICORN_PROCFILE,
  SECRET,
  WSGI,
  edit,
  expectFinding,
  expectNoFinding,
  judge,
  lineOf,
  usePython,
} from './test-support';

const python = usePython();

const devServer = (app: string) => judge(werkzeugReloader, python, { files: { 'app.py': app }, env: SECRET });

describe('werkzeug-reloader', () => {
  test("the development server's reloader: app.run(use_reloader=True), at the app.run line", async () => {
    const app = edit(APP, '    app.run()', '    app.run(use_reloader=True)');
    const finding = expectFinding(await devServer(app), werkzeugReloader);
    expect(finding.message).toBe("Werkzeug's reloader is on: the app restarts whenever a file changes.");
    expect(finding).toMatchObject({ file: 'app.py', line: lineOf(app, 'app.run(') });
  });

  test('no finding: app.run() with debug off has no reloader', async () => {
    expectNoFinding(await devServer(APP));
  });

  test("no finding: Gunicorn's reload is gunicorn-reload's", async () => {
    const verdict = await judge(werkzeugReloader, python, {
      files: {
        'app.py': APP,
        'wsgi.py': WSGI,
        'gunicorn.conf.py': `${GUNICORN_CONF}reload = True\n`,
        Procfile: GUNICORN_PROCFILE,
      },
      env: SECRET,
    });
    expectNoFinding(verdict);
  });
});
