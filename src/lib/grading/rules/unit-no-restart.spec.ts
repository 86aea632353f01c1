import { describe, expect, test } from 'vitest';
import { unitNoRestart } from './unit-no-restart';
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

const unit = (text: string) => judge(unitNoRestart, NO_PYTHON, { files: { [UNIT_FILE]: text } });
const supervisor = (text: string) => judge(unitNoRestart, NO_PYTHON, { files: { [SUPERVISOR_FILE]: text } });

describe('unit-no-restart', () => {
  test("no Restart=: systemd's default is no; the marker is on [Service]", async () => {
    const text = edit(edit(UNIT, 'Restart=on-failure\n', ''), 'RestartSec=5s\n', '');
    const finding = expectFinding(await unit(text), unitNoRestart);
    expect(finding.message).toBe(
      'No Restart=: systemd does not restart the app when it dies (the default is Restart=no).',
    );
    expect(finding).toMatchObject({ file: UNIT_FILE, line: lineOf(text, '[Service]') });
  });

  test('Restart=no written out, at its line', async () => {
    const text = edit(UNIT, 'Restart=on-failure', 'Restart=no');
    const finding = expectFinding(await unit(text), unitNoRestart);
    expect(finding.message).toBe('Restart=no: a crashed app stays down.');
    expect(finding).toMatchObject({ file: UNIT_FILE, line: lineOf(text, 'Restart=no') });
  });

  test('Supervisor autorestart=false', async () => {
    const text = edit(SUPERVISOR, 'autorestart=true', 'autorestart=false');
    const finding = expectFinding(await supervisor(text), unitNoRestart);
    expect(finding.message).toBe('autorestart=false: Supervisor leaves a crashed app down.');
    expect(finding).toMatchObject({ file: SUPERVISOR_FILE, line: lineOf(text, 'autorestart=false') });
  });

  test('no finding: Restart=on-failure (the lesson solution)', async () => {
    expectNoFinding(await unit(UNIT));
  });

  test('no finding: Restart=always', async () => {
    expectNoFinding(await unit(edit(UNIT, 'Restart=on-failure', 'Restart=always')));
  });

  test('no finding: Supervisor without autorestart= (its default, unexpected, restarts a crash)', async () => {
    expectNoFinding(await supervisor(edit(SUPERVISOR, 'autorestart=true\n', '')));
  });

  test('no finding: Supervisor autorestart=true', async () => {
    expectNoFinding(await supervisor(SUPERVISOR));
  });
});
