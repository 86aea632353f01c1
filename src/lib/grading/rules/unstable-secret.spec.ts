import { describe, expect, test } from 'vitest';
import { unstableSecret } from './unstable-secret';
import { APP, SECRET, edit, expectFinding, expectNoFinding, judge, lineOf, usePython } from './test-support';

const python = usePython();

const check = (app: string, env: Record<string, string> = SECRET) =>
  judge(unstableSecret, python, { files: { 'app.py': app }, env });

const FROM_ENVIRONMENT = 'app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]';

describe('unstable-secret', () => {
  test('secrets.token_hex() at import: every process gets its own key', async () => {
    const app = edit(APP, FROM_ENVIRONMENT, 'import secrets\napp.config["SECRET_KEY"] = secrets.token_hex(32)');
    const finding = expectFinding(await check(app), unstableSecret);
    expect(finding.message).toBe(
      `The secret key at app.py:${lineOf(app, 'token_hex')} is generated at start: two runs with the same environment get different keys, so sessions break on every restart and between workers.`,
    );
    expect(finding).toMatchObject({ file: 'app.py', line: lineOf(app, 'token_hex') });
  });

  test('os.urandom() as the fallback when SECRET_KEY is unset', async () => {
    const app = edit(APP, FROM_ENVIRONMENT, 'app.secret_key = os.environ.get("SECRET_KEY") or os.urandom(24)');
    const finding = expectFinding(await check(app, {}), unstableSecret);
    expect(finding.message).toContain('is generated at start (SECRET_KEY is not set)');
    expect(finding).toMatchObject({ file: 'app.py', line: lineOf(app, 'os.urandom') });
  });

  test("a project helper that makes the key, after a testing class's literal: the assignment that calls it is named", async () => {
    const app = edit(
      APP,
      FROM_ENVIRONMENT,
      `def gen_secret_key():
    return os.urandom(32)


class Config:
    SECRET_KEY = os.environ.get("SECRET_KEY") or gen_secret_key()


class TestingConfig(Config):
    SECRET_KEY = "AAAAAAAAAAAAAAAAAAAA"


app.config.from_object(Config)`,
    );
    const finding = expectFinding(await check(app, {}), unstableSecret);
    expect(finding).toMatchObject({ file: 'app.py', line: lineOf(app, 'or gen_secret_key()') });
  });

  test('no finding: the same fallback when production sets SECRET_KEY', async () => {
    expectNoFinding(
      await check(edit(APP, FROM_ENVIRONMENT, 'app.secret_key = os.environ.get("SECRET_KEY") or os.urandom(24)')),
    );
  });

  test('no finding: the key from the environment', async () => {
    expectNoFinding(await check(APP));
  });

  test('no finding: a literal key is the same in every run (that is hardcoded-secret)', async () => {
    expectNoFinding(await check(edit(APP, FROM_ENVIRONMENT, 'app.secret_key = "s3cr3t-written-in-the-code"')));
  });

  test('no finding: no secret key at all', async () => {
    expectNoFinding(await check(edit(APP, FROM_ENVIRONMENT, '')));
  });
});
