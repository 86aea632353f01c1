import { describe, expect, test } from 'vitest';
import { debuggerPinDisabled } from './debugger-pin-disabled';
import { APP, SECRET, expectFinding, expectNoFinding, judge, lineOf, usePython } from './test-support';

const python = usePython();

const check = (app: string, env: Record<string, string> = {}, extra: Record<string, string> = {}) =>
  judge(debuggerPinDisabled, python, { files: { 'app.py': app, ...extra }, env: { ...SECRET, ...env } });

describe('debugger-pin-disabled', () => {
  test('WERKZEUG_DEBUG_PIN=off in the environment production sets, with debug on', async () => {
    const unitEnv = 'FLASK_DEBUG=1\nWERKZEUG_DEBUG_PIN=off\n';
    const finding = expectFinding(
      await check(APP, { FLASK_DEBUG: '1', WERKZEUG_DEBUG_PIN: 'off' }, { 'shop.env': unitEnv }),
      debuggerPinDisabled,
    );
    expect(finding.message).toBe(
      "Werkzeug's debugger serves its console with the PIN turned off (WERKZEUG_DEBUG_PIN=off in the environment production sets (shop.env:2)): anyone who gets an error page can run Python on the server.",
    );
    expect(finding).toMatchObject({ file: 'shop.env', line: 2 });
  });

  test('DebuggedApplication(app, evalex=True, pin_security=False) served by Gunicorn', async () => {
    const wsgi =
      'from werkzeug.debug import DebuggedApplication\n\nfrom app import app\n\napplication = DebuggedApplication(app, evalex=True, pin_security=False)\n';
    const finding = expectFinding(
      await check(APP, {}, { 'wsgi.py': wsgi, Procfile: 'web: gunicorn wsgi:application\n' }),
      debuggerPinDisabled,
    );
    expect(finding.message).toBe(
      `Werkzeug's debugger serves its console with the PIN turned off (DebuggedApplication(..., pin_security=False) at wsgi.py:5): anyone who gets an error page can run Python on the server.`,
    );
    expect(finding).toMatchObject({ file: 'wsgi.py', line: lineOf(wsgi, 'pin_security') });
  });

  test('no finding: debug on, the PIN on (that is debug-enabled alone)', async () => {
    expectNoFinding(await check(APP, { FLASK_DEBUG: '1' }));
  });

  test('no finding: WERKZEUG_DEBUG_PIN=off but debug off (no debugger to open)', async () => {
    expectNoFinding(await check(APP, { WERKZEUG_DEBUG_PIN: 'off' }));
  });

  test('no finding: pin_security=False without the console (evalex=False)', async () => {
    const wsgi =
      'from werkzeug.debug import DebuggedApplication\n\nfrom app import app\n\napplication = DebuggedApplication(app, evalex=False, pin_security=False)\n';
    expectNoFinding(await check(APP, {}, { 'wsgi.py': wsgi, Procfile: 'web: gunicorn wsgi:application\n' }));
  });
});
