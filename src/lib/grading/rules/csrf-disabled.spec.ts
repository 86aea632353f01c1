import { describe, expect, test } from 'vitest';
import { csrfDisabled } from './csrf-disabled';
import { APP, SECRET, edit, expectFinding, expectNoFinding, judge, lineOf, usePython } from './test-support';

const python = usePython();

const check = (app: string, extra: Record<string, string> = {}, env: Record<string, string> = {}) =>
  judge(csrfDisabled, python, { files: { 'app.py': app, ...extra }, env: { ...SECRET, ...env } });

const AFTER_SECRET = 'app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]\n';
const withLine = (line: string) => edit(APP, AFTER_SECRET, `${AFTER_SECRET}${line}\n`);

describe('csrf-disabled', () => {
  test('app.config["WTF_CSRF_ENABLED"] = False', async () => {
    const app = withLine('app.config["WTF_CSRF_ENABLED"] = False');
    const finding = expectFinding(await check(app), csrfDisabled);
    expect(finding.message).toBe(
      `The app production runs has WTF_CSRF_ENABLED = False at app.py:${lineOf(app, 'WTF_CSRF_ENABLED')}: no form is checked for a CSRF token.`,
    );
    expect(finding).toMatchObject({ file: 'app.py', line: lineOf(app, 'WTF_CSRF_ENABLED') });
  });

  test('WTF_CSRF_CHECK_DEFAULT = False in the config class production loads', async () => {
    const settings = 'class Config:\n    WTF_CSRF_CHECK_DEFAULT = False\n';
    const app = withLine('app.config.from_object("settings.Config")');
    const finding = expectFinding(await check(app, { 'settings.py': settings }), csrfDisabled);
    expect(finding.message).toContain('WTF_CSRF_CHECK_DEFAULT = False at settings.py:2');
    expect(finding).toMatchObject({ file: 'settings.py', line: 2 });
  });

  test('turned off through the environment default: CSRF_ENABLED unset reads as off', async () => {
    const app = withLine('app.config["WTF_CSRF_ENABLED"] = os.environ.get("CSRF_ENABLED", "") == "1"');
    const finding = expectFinding(await check(app), csrfDisabled);
    expect(finding.line).toBe(lineOf(app, 'WTF_CSRF_ENABLED'));
  });

  test('no finding: Flask-WTF defaults (the keys unset)', async () => {
    expectNoFinding(await check(APP));
  });

  test('no finding: CSRF off only in a testing config that production does not load', async () => {
    const settings =
      'class Config:\n    WTF_CSRF_ENABLED = True\n\n\nclass TestingConfig(Config):\n    TESTING = True\n    WTF_CSRF_ENABLED = False\n';
    const app = withLine('app.config.from_object("settings.Config")');
    expectNoFinding(await check(app, { 'settings.py': settings }));
  });
});
