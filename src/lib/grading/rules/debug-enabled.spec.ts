import { describe, expect, test } from 'vitest';
import { debugEnabled } from './debug-enabled';
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

/** `python app.py`, as lesson 02 runs it, with production's environment (no FLASK_DEBUG unless given). */
const devServer = (app: string, env: Record<string, string> = {}) =>
  judge(debugEnabled, python, { files: { 'app.py': app }, env: { ...SECRET, ...env } });

const RUN = '    app.run()\n';

describe('debug-enabled', () => {
  test('through the configuration: app.config["DEBUG"] = True, and the attack meets the debugger', async () => {
    const app = edit(APP, 'app.config["SECRET_KEY"]', 'app.config["DEBUG"] = True\napp.config["SECRET_KEY"]');
    const finding = expectFinding(await devServer(app), debugEnabled);
    expect(finding.message).toMatch(
      /^Debug mode is switched on through the configuration: `app\.config\[.DEBUG.\] = True` at app\.py:\d+\./,
    );
    expect(finding.message).toContain('The attack on /orders/abc gets');
    expect(finding).toMatchObject({ file: 'app.py', line: lineOf(app, 'app.config["DEBUG"] = True') });
  });

  test('FLASK_DEBUG read with a default of on: debug is on when production does not set it', async () => {
    const app = edit(APP, RUN, '    app.run(debug=os.environ.get("FLASK_DEBUG", "1") == "1")\n');
    const finding = expectFinding(await devServer(app), debugEnabled);
    expect(finding.message).toContain(
      'Debug mode is on when the app runs as production runs it (FLASK_DEBUG is not set)',
    );
    expect(finding.message).toContain('code that defaults to on');
    expect(finding).toMatchObject({ file: 'app.py', line: lineOf(app, 'app.run(') });
  });

  test('DEBUG computed in the configuration production loads: the assignment is named, not a class nothing selects', async () => {
    const settings = `import os


class Config:
    DEBUG = False


class ProductionConfig(Config):
    DEBUG = os.environ.get("APP_DEBUG", "true").lower() in ("1", "true")


class TestingConfig(Config):
    DEBUG = True
`;
    const app = edit(
      APP,
      'app.config["SECRET_KEY"]',
      'app.config.from_object("settings.ProductionConfig")\napp.config["SECRET_KEY"]',
    );
    const verdict = await judge(debugEnabled, python, {
      files: { 'app.py': app, 'settings.py': settings },
      env: { ...SECRET },
    });
    const finding = expectFinding(verdict, debugEnabled);
    expect(finding).toMatchObject({ file: 'settings.py', line: lineOf(settings, 'DEBUG = os.environ') });
    expect(finding.message).toContain(`DEBUG is assigned at settings.py:${lineOf(settings, 'DEBUG = os.environ')}`);
    expectNoFinding(
      await judge(debugEnabled, python, {
        files: { 'app.py': app, 'settings.py': settings },
        env: { ...SECRET, APP_DEBUG: 'false' },
      }),
    );
  });

  test('app.run(debug=True): the literal is named', async () => {
    const app = edit(APP, RUN, '    app.run(debug=True)\n');
    const finding = expectFinding(await devServer(app), debugEnabled);
    expect(finding.message).toMatch(/^`debug=True` at app\.py:\d+ turns debug mode on in production\./);
    expect(finding).toMatchObject({ file: 'app.py', line: lineOf(app, 'app.run(debug=True)') });
  });

  test('production itself sets FLASK_DEBUG=1', async () => {
    const finding = expectFinding(await devServer(APP, { FLASK_DEBUG: '1' }), debugEnabled);
    expect(finding.message).not.toContain('FLASK_DEBUG is not set');
    expect(finding).toMatchObject({ file: 'app.py', line: lineOf(APP, 'app.run(') });
  });

  test('no finding: FLASK_DEBUG as an opt-in (on only when set to 1), not set in production', async () => {
    expectNoFinding(await devServer(edit(APP, RUN, '    app.run(debug=os.environ.get("FLASK_DEBUG") == "1")\n')));
  });

  test("no finding: Flask's own FLASK_DEBUG handling with FLASK_DEBUG=0 (the lesson solution)", async () => {
    expectNoFinding(await devServer(APP, { FLASK_DEBUG: '0' }));
  });

  test('no finding: debug=True written only under __main__, while production runs Gunicorn', async () => {
    const verdict = await judge(debugEnabled, python, {
      files: {
        'app.py': edit(APP, RUN, '    app.run(debug=True)\n'),
        'wsgi.py': WSGI,
        'gunicorn.conf.py': GUNICORN_CONF,
        Procfile: GUNICORN_PROCFILE,
      },
      env: SECRET,
    });
    expectNoFinding(verdict);
  });

  test("Werkzeug's DebuggedApplication around the app in wsgi.py, debug off: the wrapping line is named", async () => {
    const wsgi =
      'from werkzeug.debug import DebuggedApplication\nfrom app import app as flask_app\napp = DebuggedApplication(flask_app, evalex=True)\n';
    const verdict = await judge(debugEnabled, python, {
      files: { 'app.py': APP, 'wsgi.py': wsgi, 'gunicorn.conf.py': GUNICORN_CONF, Procfile: GUNICORN_PROCFILE },
      env: SECRET,
    });
    const finding = expectFinding(verdict, debugEnabled);
    expect(finding.message).toMatch(/^Debug mode is off, but .* `DebuggedApplication\(\.\.\.\)` at wsgi\.py:3\./);
    expect(finding).toMatchObject({ file: 'wsgi.py', line: 3 });
  });
});
