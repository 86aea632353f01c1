import { describe, expect, test } from 'vitest';
import { unitNotHardened } from './unit-not-hardened';
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

const unit = (text: string) => judge(unitNotHardened, NO_PYTHON, { files: { [UNIT_FILE]: text } });

const SANDBOX = 'NoNewPrivileges=yes\nProtectSystem=strict\nProtectHome=yes\nPrivateTmp=yes\n';

describe('unit-not-hardened', () => {
  test('no sandboxing at all: all three are named; the marker is on [Service]', async () => {
    const text = edit(UNIT, SANDBOX, '');
    const finding = expectFinding(await unit(text), unitNotHardened);
    expect(finding.message).toBe(
      'The unit has no NoNewPrivileges=, ProtectSystem=, PrivateTmp=: the app keeps privileges it never needs.',
    );
    expect(finding).toMatchObject({ file: UNIT_FILE, line: lineOf(text, '[Service]') });
  });

  test('values that do not sandbox count as missing: NoNewPrivileges=no, ProtectSystem=no', async () => {
    const text = edit(
      edit(UNIT, 'NoNewPrivileges=yes', 'NoNewPrivileges=no'),
      'ProtectSystem=strict',
      'ProtectSystem=no',
    );
    const finding = expectFinding(await unit(text), unitNotHardened);
    expect(finding.message).toBe(
      'The unit has no NoNewPrivileges=, ProtectSystem=: the app keeps privileges it never needs.',
    );
  });

  test('no finding: NoNewPrivileges=yes, ProtectSystem=strict, PrivateTmp=yes (the lesson solution)', async () => {
    expectNoFinding(await unit(UNIT));
  });

  test('no finding: the other spellings systemd accepts (true, full)', async () => {
    const text = edit(UNIT, SANDBOX, 'NoNewPrivileges=true\nProtectSystem=full\nPrivateTmp=true\n');
    expectNoFinding(await unit(text));
  });

  test('no finding: Supervisor has no sandboxing to ask for', async () => {
    expectNoFinding(await judge(unitNotHardened, NO_PYTHON, { files: { [SUPERVISOR_FILE]: SUPERVISOR } }));
  });
});
