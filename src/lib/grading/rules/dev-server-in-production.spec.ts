import { describe, expect, test } from 'vitest';
import { devServerInProduction } from './dev-server-in-production';
import {
  APP,
  GUNICORN_CONF,
  GUNICORN_PROCFILE,
  SECRET,
  UNIT,
  UNIT_FILE,
  WSGI,
  edit,
  expectFinding,
  expectNoFinding,
  judge,
  lineOf,
  usePython,
} from './test-support';

const python = usePython();

const check = (files: Record<string, string>, command?: string) =>
  judge(devServerInProduction, python, {
    files: { 'app.py': APP, 'wsgi.py': WSGI, 'gunicorn.conf.py': GUNICORN_CONF, ...files },
    env: SECRET,
    command,
  });

const APP_RUN = `app.py:${lineOf(APP, 'app.run(')}`;

describe('dev-server-in-production', () => {
  test('Procfile web: python app.py: the marker is on the Procfile', async () => {
    const finding = expectFinding(await check({ Procfile: 'web: python app.py\n' }), devServerInProduction);
    expect(finding.message).toBe(
      `Procfile starts \`python app.py\`, which serves the app with Flask's development server (app.run at ${APP_RUN}).`,
    );
    expect(finding).toMatchObject({ file: 'Procfile', line: 1 });
  });

  test("a unit's ExecStart= runs the venv's python app.py: the marker is on ExecStart=", async () => {
    const unit = edit(
      UNIT,
      'ExecStart=/srv/shop/venv/bin/gunicorn -c /srv/shop/gunicorn.conf.py wsgi:app',
      'ExecStart=/srv/shop/venv/bin/python app.py',
    );
    const finding = expectFinding(await check({ [UNIT_FILE]: unit }), devServerInProduction);
    expect(finding.message).toContain(`${UNIT_FILE} starts \`/srv/shop/venv/bin/python app.py\``);
    expect(finding).toMatchObject({ file: UNIT_FILE, line: lineOf(unit, 'ExecStart=') });
  });

  test('no project file says: the run command, and the marker on app.run', async () => {
    const finding = expectFinding(await check({}, 'python app.py'), devServerInProduction);
    expect(finding.message).toMatch(/^`python app\.py`, which serves the app with Flask's development server/);
    expect(finding).toMatchObject({ file: 'app.py', line: lineOf(APP, 'app.run(') });
  });

  test('no finding: Procfile web: gunicorn (it wins over a python app.py run command)', async () => {
    expectNoFinding(await check({ Procfile: GUNICORN_PROCFILE }, 'python app.py'));
  });

  test("no finding: the unit's ExecStart= runs Gunicorn (the lesson solution)", async () => {
    expectNoFinding(await check({ [UNIT_FILE]: UNIT }));
  });

  test('no finding: Procfile web: waitress-serve', async () => {
    expectNoFinding(await check({ Procfile: 'web: waitress-serve --listen=127.0.0.1:8080 app:app\n' }));
  });
});
