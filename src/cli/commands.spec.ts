/**
 * The command line's surface: every command answers --help, the README's grade example works from
 * `lessons export`, and a run that could not be judged names what it was running.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runMain } from './main.test-support';
import { COMMAND_USAGE, type CommandName } from './usage';

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'prodready-commands-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('prodready commands', () => {
  test.each(Object.keys(COMMAND_USAGE) as CommandName[])('%s --help prints its usage and exits 0', async (name) => {
    const run = await runMain([...name.split(' '), '--help']);
    expect(run.stdout).toContain(`prodready ${name}`);
    expect(run.code).toBe(0);
  });

  test('an unknown option names itself and the command usage', async () => {
    const run = await runMain(['grade', '02-debug-off', work, '--jsn']);
    expect(run.stderr).toContain("Unknown option '--jsn'");
    expect(run.stderr).toContain('prodready grade LESSON-ID DIR');
    expect(run.code).toBe(2);
  });

  test("the README's example: export the starter, grade it (it fails); export never overwrites", async () => {
    const dir = join(work, 'my-02');
    const exported = await runMain(['lessons', 'export', '02-debug-off', dir]);
    expect(exported.code).toBe(0);
    expect(readFileSync(join(dir, 'app.py'), 'utf8')).toContain('debug=True');
    const graded = await runMain(['grade', '02-debug-off', dir]);
    expect(graded.stdout).toMatch(/FAIL debug-off-in-production/);
    expect(graded.code).toBe(1);
    const again = await runMain(['lessons', 'export', '02-debug-off', dir, '--solution']);
    expect(again.stderr).toContain('not a new or empty folder');
    expect(again.code).toBe(2);
  });

  test('could not judge: names the folder, the lesson and the command it was running', async () => {
    const dir = join(work, 'slow');
    expect((await runMain(['lessons', 'export', '02-debug-off', dir, '--solution'])).code).toBe(0);
    const app = readFileSync(join(dir, 'app.py'), 'utf8');
    writeFileSync(join(dir, 'app.py'), `import time\ntime.sleep(600)\n${app}`);
    process.env.PRODREADY_CALL_TIMEOUT_MS = '3000';
    try {
      const run = await runMain(['grade', '02-debug-off', dir]);
      expect(run.stderr).toMatch(
        new RegExp(
          `could not judge ${dir} as 02-debug-off: run did not finish within 3 s, while running \`python app.py\``,
        ),
      );
      expect(run.code).toBe(3);
    } finally {
      delete process.env.PRODREADY_CALL_TIMEOUT_MS;
    }
  });
});
