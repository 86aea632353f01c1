import { describe, expect, test } from 'vitest';
import { hardcodedSecret } from './hardcoded-secret';
import { APP, SECRET, edit, expectFinding, expectNoFinding, judge, lineOf, usePython } from './test-support';

const python = usePython();

const check = (app: string) => judge(hardcodedSecret, python, { files: { 'app.py': app }, env: SECRET });

const FROM_ENVIRONMENT = 'app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]';

describe('hardcoded-secret', () => {
  test('a fallback default: with SECRET_KEY unset the app starts with the key from the code', async () => {
    const app = edit(
      APP,
      FROM_ENVIRONMENT,
      'app.config["SECRET_KEY"] = os.environ.get("SECRET_KEY", "dev-secret-change-me")',
    );
    const finding = expectFinding(await check(app), hardcodedSecret);
    expect(finding.message).toBe(
      `With SECRET_KEY unset the app still starts, with the key written at app.py:${lineOf(app, 'dev-secret-change-me')}: a fallback secret that anyone reading the code knows.`,
    );
    expect(finding).toMatchObject({ file: 'app.py', line: lineOf(app, 'dev-secret-change-me') });
  });

  test('a literal key, the variable ignored', async () => {
    const app = edit(APP, FROM_ENVIRONMENT, 'app.secret_key = "s3cr3t-written-in-the-code"');
    const finding = expectFinding(await check(app), hardcodedSecret);
    expect(finding.message).toContain(`with the key written at app.py:${lineOf(app, 's3cr3t-written')}`);
    expect(finding).toMatchObject({ file: 'app.py', line: lineOf(app, 's3cr3t-written') });
  });

  test('SECRET_KEY required at start, then overwritten by a literal: the environment is ignored', async () => {
    const app = edit(
      APP,
      FROM_ENVIRONMENT,
      `${FROM_ENVIRONMENT}\napp.config.from_mapping(SECRET_KEY="s3cr3t-from-a-settings-dict")`,
    );
    const finding = expectFinding(await check(app), hardcodedSecret);
    expect(finding.message).toBe(
      `The secret key is written in the code at app.py:${lineOf(app, 's3cr3t-from')}; SECRET_KEY from the environment is ignored.`,
    );
    expect(finding.line).toBe(lineOf(app, 's3cr3t-from'));
  });

  test('no finding: os.environ["SECRET_KEY"], no default (a missing key stops the app)', async () => {
    expectNoFinding(await check(APP));
  });

  test('no finding: a helper that exits with a message when SECRET_KEY is missing (the lesson solution)', async () => {
    const app = edit(
      APP,
      FROM_ENVIRONMENT,
      `def required_setting(name):
    value = os.environ.get(name)
    if not value:
        raise SystemExit(f"{name} is not set")
    return value


app.config["SECRET_KEY"] = required_setting("SECRET_KEY")`,
    );
    expectNoFinding(await check(app));
  });

  test('no finding: a key generated at start is not written in the code (that is unstable-secret)', async () => {
    expectNoFinding(
      await check(edit(APP, FROM_ENVIRONMENT, 'import secrets\napp.config["SECRET_KEY"] = secrets.token_hex(32)')),
    );
    expectNoFinding(
      await check(
        edit(APP, FROM_ENVIRONMENT, 'app.config["SECRET_KEY"] = os.environ.get("SECRET_KEY") or os.urandom(32)'),
      ),
    );
  });
  describe('the place is the file production loads the key from, not a copy elsewhere', () => {
    const KEY = 'e951e5a1f4b94151b360f47edf596dd2';
    const FACTORY = (loads: string) =>
      edit(
        APP,
        FROM_ENVIRONMENT,
        `${loads}\nif "APP_SETTINGS" in os.environ:\n    app.config.from_envvar("APP_SETTINGS")`,
      );
    const judgeFiles = (files: Record<string, string>, env: Record<string, string> = {}) =>
      judge(hardcodedSecret, python, { files, env: { ...SECRET, ...env } });

    test('a module given to from_object, beside a development config nothing imports (sorted first)', async () => {
      const files = {
        'configs/development.py': `DEBUG = True\nSECRET_KEY = "${KEY}"\n`,
        'app.py': FACTORY('app.config.from_object("shop.default_config")'),
        'shop/__init__.py': '',
        'shop/default_config.py': `PORT = 8000\nSECRET_KEY = "${KEY}"\n`,
      };
      const finding = expectFinding(await judgeFiles(files), hardcodedSecret);
      expect(finding).toMatchObject({ file: 'shop/default_config.py', line: 2 });
    });

    test('a file from_pyfile (through from_envvar) executes, beside a copy nothing loads', async () => {
      const files = {
        'app.py': FACTORY('pass'),
        'a_development.py': `SECRET_KEY = "${KEY}"\n`,
        'settings/production.py': `\n\nSECRET_KEY = "${KEY}"\n`,
      };
      const finding = expectFinding(
        await judgeFiles(files, { APP_SETTINGS: 'settings/production.py' }),
        hardcodedSecret,
      );
      expect(finding).toMatchObject({ file: 'settings/production.py', line: 3 });
    });

    test('the selected class, not the DevelopmentConfig above it with the same literal', async () => {
      const config = `class DevelopmentConfig:\n    DEBUG = True\n    SECRET_KEY = "${KEY}"\n\n\nclass ProductionConfig:\n    SECRET_KEY = "${KEY}"\n`;
      const files = {
        'app.py': FACTORY("app.config.from_object(f\"config.{os.environ.get('APP_CONFIG', 'Development')}Config\")"),
        'config.py': config,
      };
      const production = expectFinding(await judgeFiles(files, { APP_CONFIG: 'Production' }), hardcodedSecret);
      expect(production).toMatchObject({ file: 'config.py', line: lineOf(config, 'class ProductionConfig') + 1 });
      const development = expectFinding(await judgeFiles(files), hardcodedSecret);
      expect(development).toMatchObject({ file: 'config.py', line: 3 });
    });
  });
});
