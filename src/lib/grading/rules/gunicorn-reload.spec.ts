import { describe, expect, test } from 'vitest';
import { gunicornReload } from './gunicorn-reload';
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

const gunicorn = (conf: string, procfile = GUNICORN_PROCFILE) =>
  judge(gunicornReload, python, {
    files: { 'app.py': APP, 'wsgi.py': WSGI, 'gunicorn.conf.py': conf, Procfile: procfile },
    env: SECRET,
  });

const devServer = (app: string) => judge(gunicornReload, python, { files: { 'app.py': app }, env: SECRET });

describe('gunicorn-reload', () => {
  test('reload = True in gunicorn.conf.py, at its line', async () => {
    const conf = `${GUNICORN_CONF}reload = True\n`;
    const finding = expectFinding(await gunicorn(conf), gunicornReload);
    expect(finding.message).toBe("Gunicorn's reload setting is on: workers restart whenever a file changes.");
    expect(finding).toMatchObject({ file: 'gunicorn.conf.py', line: lineOf(conf, 'reload = True') });
  });

  test('--reload on the command line: the marker is on the Procfile', async () => {
    const finding = expectFinding(
      await gunicorn(GUNICORN_CONF, 'web: gunicorn --reload -c gunicorn.conf.py wsgi:app\n'),
      gunicornReload,
    );
    expect(finding).toMatchObject({ file: 'Procfile', line: 1 });
  });

  test("no finding: the development server's reloader is werkzeug-reloader's", async () => {
    expectNoFinding(await devServer(edit(APP, '    app.run()', '    app.run(use_reloader=True)')));
  });

  test('no finding: Gunicorn without reload (the lesson solution)', async () => {
    expectNoFinding(await gunicorn(GUNICORN_CONF));
  });

  test('no finding: reload = False written out', async () => {
    expectNoFinding(await gunicorn(`${GUNICORN_CONF}reload = False\n`));
  });

  test('no finding: app.run() with debug off has no reloader', async () => {
    expectNoFinding(await devServer(APP));
  });
});
