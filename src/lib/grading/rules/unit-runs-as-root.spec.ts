import { describe, expect, test } from 'vitest';
import { unitRunsAsRoot } from './unit-runs-as-root';
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

const unit = (text: string) => judge(unitRunsAsRoot, NO_PYTHON, { files: { [UNIT_FILE]: text } });
const supervisor = (text: string) => judge(unitRunsAsRoot, NO_PYTHON, { files: { [SUPERVISOR_FILE]: text } });

describe('unit-runs-as-root', () => {
  test('no User=: systemd starts the app as root; the marker is on [Service]', async () => {
    const text = edit(UNIT, 'User=shop\n', '');
    const finding = expectFinding(await unit(text), unitRunsAsRoot);
    expect(finding.message).toBe('No User=: systemd starts the app as root.');
    expect(finding).toMatchObject({ file: UNIT_FILE, line: lineOf(text, '[Service]') });
  });

  test('User=root, at its line', async () => {
    const text = edit(UNIT, 'User=shop', 'User=root');
    const finding = expectFinding(await unit(text), unitRunsAsRoot);
    expect(finding.message).toBe('User=root: the app runs with every privilege on the machine.');
    expect(finding).toMatchObject({ file: UNIT_FILE, line: lineOf(text, 'User=root') });
  });

  test('User=0 is root too', async () => {
    const finding = expectFinding(await unit(edit(UNIT, 'User=shop', 'User=0')), unitRunsAsRoot);
    expect(finding.message).toContain('User=0');
  });

  test('Supervisor without user=: the program runs as root', async () => {
    const text = edit(SUPERVISOR, 'user=shop\n', '');
    const finding = expectFinding(await supervisor(text), unitRunsAsRoot);
    expect(finding.message).toBe('No user=: Supervisor starts the app as root.');
    expect(finding).toMatchObject({ file: SUPERVISOR_FILE, line: lineOf(text, '[program:shop]') });
  });

  test('no finding: User=shop (the lesson solution)', async () => {
    expectNoFinding(await unit(UNIT));
  });

  test('no finding: DynamicUser=yes gives the service a user of its own', async () => {
    expectNoFinding(await unit(edit(edit(UNIT, 'User=shop\n', 'DynamicUser=yes\n'), 'Group=shop\n', '')));
  });

  test('no finding: Supervisor with user=shop', async () => {
    expectNoFinding(await supervisor(SUPERVISOR));
  });

  test('undecided without a unit or program', async () => {
    const verdict = await judge(unitRunsAsRoot, NO_PYTHON, { files: { 'app.py': '' } });
    expect(verdict).toEqual({ findings: [], inconclusive: 'there is no systemd unit or Supervisor program' });
  });

  test('no finding: DynamicUser=true (systemd accepts true, yes, 1 and on)', async () => {
    expectNoFinding(await unit(edit(edit(UNIT, 'User=shop\n', 'DynamicUser=true\n'), 'Group=shop\n', '')));
  });
});
