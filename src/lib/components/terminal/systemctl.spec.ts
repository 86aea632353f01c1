import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { loadLessonContent } from '../../../cli/lessons-fs';
import type { WorkspaceFiles } from '../../runtime/protocol';
import type { ProgramContext } from './programs';
import { systemctl } from './systemctl';

const lesson = loadLessonContent(resolve(import.meta.dirname, '../../../../lessons/07-process-manager'));

function context(files: WorkspaceFiles, serving = true) {
  let up = serving;
  const ctx: ProgramContext = {
    files: () => files,
    serving: () => up,
    run: vi.fn(async () => {
      up = true;
    }),
    stop: vi.fn(async () => {
      up = false;
    }),
  };
  return ctx;
}

describe('systemctl for the lesson unit', () => {
  it('show prints the secret in Environment= and says the service runs as root', async () => {
    const out = await systemctl.run(
      ['show', 'shop', '--property=User', '--property=Environment'],
      context(lesson.starter),
    );
    expect(out).toContain('Environment=SECRET_KEY=sk_live_4f9a7c21e8b35d60');
    expect(out).toContain('runs as root');
  });

  it('show on the solution finds a user and no secret', async () => {
    const out = await systemctl.run(['show', 'shop.service'], context(lesson.solution));
    expect(out).toContain('User=shop');
    expect(out).toContain('Environment=\n');
    expect(out).not.toContain('sk_live');
  });

  it('kill leaves a unit without Restart= down, and restarts one with Restart=on-failure', async () => {
    const down = context(lesson.starter);
    expect(await systemctl.run(['kill', '--signal=KILL', 'shop'], down)).toContain(
      'Restart=no: systemd leaves it down',
    );
    expect(down.serving()).toBe(false);
    expect(down.run).not.toHaveBeenCalled();
    const up = context(lesson.solution);
    expect(await systemctl.run(['kill', 'shop'], up)).toContain('Scheduled restart job (Restart=on-failure)');
    expect(up.serving()).toBe(true);
    expect(await systemctl.run(['status', 'shop'], up)).toContain('active (running)');
  });

  it('an unknown unit or verb is named', async () => {
    expect(await systemctl.run(['status', 'web'], context(lesson.starter))).toContain(
      'Unit web.service could not be found',
    );
    expect(await systemctl.run(['restart', 'shop'], context(lesson.starter))).toContain('unknown command restart');
  });
});
