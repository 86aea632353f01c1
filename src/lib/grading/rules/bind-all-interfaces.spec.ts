import { describe, expect, test } from 'vitest';
import { bindAllInterfaces } from './bind-all-interfaces';
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

const waitress = (serve: string) =>
  judge(bindAllInterfaces, python, {
    files: { 'app.py': APP, 'serve.py': serve, Procfile: 'web: python serve.py\n' },
    env: SECRET,
  });

const gunicorn = (conf: string, procfile = GUNICORN_PROCFILE) =>
  judge(bindAllInterfaces, python, {
    files: { 'app.py': APP, 'wsgi.py': WSGI, 'gunicorn.conf.py': conf, Procfile: procfile },
    env: SECRET,
  });

const SERVE_HEAD = 'from waitress import serve\n\nfrom app import app\n\n';

describe('bind-all-interfaces', () => {
  test("Waitress's implicit default: serve() without a host listens on 0.0.0.0", async () => {
    const serve = `${SERVE_HEAD}serve(app, port=8080, threads=8)\n`;
    const finding = expectFinding(await waitress(serve), bindAllInterfaces);
    expect(finding.message).toBe(
      "Waitress listens on every interface (0.0.0.0:8080): serve() was given no host, and Waitress's default is all interfaces.",
    );
    expect(finding).toMatchObject({ file: 'serve.py', line: lineOf(serve, 'serve(app') });
  });

  test('Waitress told listen="0.0.0.0:8080" explicitly', async () => {
    const serve = edit(WAITRESS_SERVE, 'listen="127.0.0.1:8080"', 'listen="0.0.0.0:8080"');
    const finding = expectFinding(await waitress(serve), bindAllInterfaces);
    expect(finding.message).toBe(
      'The waitress server listens on every interface (0.0.0.0:8080); behind a proxy it should listen on 127.0.0.1 or a unix socket.',
    );
    expect(finding).toMatchObject({ file: 'serve.py', line: lineOf(serve, 'serve(') });
  });

  test('Waitress listen="*:8080": the wildcard is every interface', async () => {
    const serve = edit(WAITRESS_SERVE, 'listen="127.0.0.1:8080"', 'listen="*:8080"');
    const finding = expectFinding(await waitress(serve), bindAllInterfaces);
    expect(finding.message).toContain('The waitress server listens on every interface (0.0.0.0:8080)');
    expect(finding).toMatchObject({ file: 'serve.py', line: lineOf(serve, 'serve(') });
  });

  test('the development server told host="0.0.0.0"', async () => {
    const app = edit(APP, '    app.run()', '    app.run(host="0.0.0.0", port=5000)');
    const finding = expectFinding(
      await judge(bindAllInterfaces, python, { files: { 'app.py': app }, env: SECRET }),
      bindAllInterfaces,
    );
    expect(finding.message).toContain('The werkzeug server listens on every interface (0.0.0.0:5000)');
    expect(finding).toMatchObject({ file: 'app.py', line: lineOf(app, 'app.run(') });
  });

  test('Gunicorn bound to [::] (every IPv6 interface): the marker is on the bind line', async () => {
    const conf = edit(GUNICORN_CONF, 'bind = "127.0.0.1:8000"', 'bind = "[::]:8000"');
    const finding = expectFinding(await gunicorn(conf), bindAllInterfaces);
    expect(finding.message).toMatch(/^The gunicorn server listens on every interface \(::/);
    expect(finding).toMatchObject({ file: 'gunicorn.conf.py', line: lineOf(conf, 'bind =') });
  });

  test('Gunicorn -b 0.0.0.0:8000 on the command line: the marker is on the Procfile', async () => {
    const conf = edit(GUNICORN_CONF, 'bind = "127.0.0.1:8000"\n', '');
    const finding = expectFinding(
      await gunicorn(conf, 'web: gunicorn -c gunicorn.conf.py -b 0.0.0.0:8000 wsgi:app\n'),
      bindAllInterfaces,
    );
    expect(finding.message).toContain('(0.0.0.0:8000)');
    expect(finding).toMatchObject({ file: 'Procfile', line: 1 });
  });

  test('no finding: Waitress on 127.0.0.1 (the lesson solution)', async () => {
    expectNoFinding(await waitress(WAITRESS_SERVE));
  });

  test('no finding: Gunicorn on a unix socket', async () => {
    expectNoFinding(
      await gunicorn(edit(GUNICORN_CONF, 'bind = "127.0.0.1:8000"', 'bind = "unix:/run/shop/gunicorn.sock"')),
    );
  });

  test('no finding: Waitress on a unix socket', async () => {
    expectNoFinding(await waitress(`${SERVE_HEAD}serve(app, unix_socket="/run/shop/waitress.sock")\n`));
  });

  test("no finding: Gunicorn's own default bind (127.0.0.1:8000)", async () => {
    expectNoFinding(await gunicorn(edit(GUNICORN_CONF, 'bind = "127.0.0.1:8000"\n', '')));
  });
});
