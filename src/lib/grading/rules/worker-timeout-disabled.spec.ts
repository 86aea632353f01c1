import { describe, expect, test } from 'vitest';
import { workerTimeoutDisabled } from './worker-timeout-disabled';
import {
  APP,
  GUNICORN_CONF,
  GUNICORN_PROCFILE,
  SECRET,
  WAITRESS_SERVE,
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
  judge(workerTimeoutDisabled, python, {
    files: { 'app.py': APP, 'wsgi.py': WSGI, 'gunicorn.conf.py': conf, Procfile: procfile },
    env: SECRET,
  });

describe('worker-timeout-disabled', () => {
  test('timeout = 0 in gunicorn.conf.py, at its line', async () => {
    const conf = edit(GUNICORN_CONF, 'timeout = 30', 'timeout = 0');
    const finding = expectFinding(await gunicorn(conf), workerTimeoutDisabled);
    expect(finding.message).toBe('Gunicorn runs with timeout 0: a stuck worker is never killed and replaced.');
    expect(finding).toMatchObject({ file: 'gunicorn.conf.py', line: lineOf(conf, 'timeout = 0') });
  });

  test('--timeout 0 on the command line: the marker is on the Procfile', async () => {
    const conf = edit(GUNICORN_CONF, 'timeout = 30\n', '');
    const finding = expectFinding(
      await gunicorn(conf, 'web: gunicorn -c gunicorn.conf.py --timeout 0 wsgi:app\n'),
      workerTimeoutDisabled,
    );
    expect(finding).toMatchObject({ file: 'Procfile', line: 1 });
  });

  test('no finding: timeout = 30 (the lesson solution)', async () => {
    expectNoFinding(await gunicorn(GUNICORN_CONF));
  });

  test("no finding: no timeout written: Gunicorn's default is 30 s", async () => {
    expectNoFinding(await gunicorn(edit(GUNICORN_CONF, 'timeout = 30\n', '')));
  });

  test("no finding: --threads 8 runs the gthread worker, whose timeout never watched a stuck request (Cloud Run's setting)", async () => {
    const conf = edit(GUNICORN_CONF, 'timeout = 30\n', '');
    expectNoFinding(await gunicorn(conf, 'web: gunicorn -c gunicorn.conf.py --threads 8 --timeout 0 wsgi:app\n'));
    expectFinding(
      await gunicorn(conf, 'web: gunicorn -c gunicorn.conf.py --threads 1 --timeout 0 wsgi:app\n'),
      workerTimeoutDisabled,
    );
  });

  test('no finding: Waitress has no worker timeout to disable', async () => {
    const verdict = await judge(workerTimeoutDisabled, python, {
      files: { 'app.py': APP, 'serve.py': WAITRESS_SERVE, Procfile: 'web: python serve.py\n' },
      env: SECRET,
    });
    expectNoFinding(verdict);
  });
});
