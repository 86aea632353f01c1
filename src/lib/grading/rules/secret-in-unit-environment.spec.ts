import { describe, expect, test } from 'vitest';
import { secretInUnitEnvironment } from './secret-in-unit-environment';
import {
  NO_PYTHON,
  SUPERVISOR,
  SUPERVISOR_FILE,
  UNIT,
  UNIT_FILE,
  edit,
  expectFinding,
  expectNoFinding,
  judge,
  lineOf,
} from './test-support';

const unit = (text: string) => judge(secretInUnitEnvironment, NO_PYTHON, { files: { [UNIT_FILE]: text } });
const supervisor = (text: string) => judge(secretInUnitEnvironment, NO_PYTHON, { files: { [SUPERVISOR_FILE]: text } });

describe('secret-in-unit-environment', () => {
  test('Environment=SECRET_KEY=… in the unit, at its line', async () => {
    const text = edit(UNIT, 'EnvironmentFile=/etc/shop/shop.env', 'Environment=SECRET_KEY=sk_live_4f9a7c21e8b35d60');
    const verdict = await unit(text);
    const finding = expectFinding(verdict, secretInUnitEnvironment);
    expect(verdict.findings).toHaveLength(1);
    expect(finding.message).toBe(
      'SECRET_KEY is written in Environment= of shop.service: anyone who can read the unit reads the secret.',
    );
    expect(finding).toMatchObject({ file: UNIT_FILE, line: lineOf(text, 'Environment=SECRET_KEY') });
  });

  test('several assignments on one quoted line: only the secrets are named', async () => {
    const text = edit(UNIT, 'EnvironmentFile=/etc/shop/shop.env', 'Environment="FLASK_DEBUG=0" "DB_PASSWORD=hunter2"');
    const verdict = await unit(text);
    const finding = expectFinding(verdict, secretInUnitEnvironment);
    expect(verdict.findings).toHaveLength(1);
    expect(finding.message).toMatch(/^DB_PASSWORD is written in Environment=/);
    expect(finding.line).toBe(lineOf(text, 'DB_PASSWORD'));
  });

  test.each([
    [
      'gunicorn -e',
      '/srv/shop/venv/bin/gunicorn -e SECRET_KEY=sk_live_4f9a7c21e8b35d60 -c /srv/shop/gunicorn.conf.py wsgi:app',
    ],
    ['--env NAME=value', '/srv/shop/venv/bin/gunicorn --env SECRET_KEY=sk_live_4f9a7c21e8b35d60 wsgi:app'],
    ['--env=NAME=value', '/srv/shop/venv/bin/gunicorn --env=SECRET_KEY=sk_live_4f9a7c21e8b35d60 wsgi:app'],
    ['env NAME=value cmd', '/usr/bin/env SECRET_KEY=sk_live_4f9a7c21e8b35d60 /srv/shop/venv/bin/gunicorn wsgi:app'],
  ])('the secret set on ExecStart= (%s), at the command line', async (_form, command) => {
    const text = edit(
      UNIT,
      'ExecStart=/srv/shop/venv/bin/gunicorn -c /srv/shop/gunicorn.conf.py wsgi:app',
      `ExecStart=${command}`,
    );
    const finding = expectFinding(await unit(text), secretInUnitEnvironment);
    expect(finding.message).toBe(
      'SECRET_KEY is set on the command line (ExecStart= of shop.service): anyone who can read the unit, or run ps, reads the secret.',
    );
    expect(finding).toMatchObject({ file: UNIT_FILE, line: lineOf(text, 'ExecStart=') });
  });

  test('no finding: env with a setting that is not a secret', async () => {
    const text = edit(
      UNIT,
      'ExecStart=/srv/shop/venv/bin/gunicorn',
      'ExecStart=/usr/bin/env FLASK_DEBUG=0 /srv/shop/venv/bin/gunicorn',
    );
    expectNoFinding(await unit(text));
  });

  test("Supervisor's environment=", async () => {
    const text = edit(
      SUPERVISOR,
      'environment=FLASK_DEBUG="0"',
      'environment=FLASK_DEBUG="0",SECRET_KEY="sk_live_4f9a"',
    );
    const finding = expectFinding(await supervisor(text), secretInUnitEnvironment);
    expect(finding.message).toBe(
      'SECRET_KEY is written in environment= of supervisor/shop.conf: anyone who can read the unit reads the secret.',
    );
    expect(finding).toMatchObject({ file: SUPERVISOR_FILE, line: lineOf(text, 'environment=') });
  });

  test('no finding: EnvironmentFile= (the lesson solution)', async () => {
    expectNoFinding(await unit(UNIT));
  });

  test('no finding: Environment=FLASK_DEBUG=0 is not a secret', async () => {
    expectNoFinding(await unit(edit(UNIT, 'EnvironmentFile=/etc/shop/shop.env', 'Environment=FLASK_DEBUG=0')));
  });

  test('no finding: a secret variable set empty', async () => {
    expectNoFinding(await unit(edit(UNIT, 'EnvironmentFile=/etc/shop/shop.env', 'Environment=SECRET_KEY=')));
  });

  test('no finding: Supervisor environment without secrets', async () => {
    expectNoFinding(await supervisor(SUPERVISOR));
  });

  test('a URL with a password is a secret whatever the variable is called', async () => {
    const text = edit(
      UNIT,
      'EnvironmentFile=/etc/shop/shop.env',
      'Environment=DATABASE_URL=postgresql://shop:hunter2@db/shop',
    );
    const finding = expectFinding(await unit(text), secretInUnitEnvironment);
    expect(finding.message).toContain('DATABASE_URL (a URL with a password)');
  });
});
