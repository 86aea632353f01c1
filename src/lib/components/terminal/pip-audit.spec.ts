import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLessonContent } from '../../../cli/lessons-fs';
import { usePython } from '../../grading/rules/test-support';
import type { WorkspaceFiles } from '../../runtime/protocol';
import { pipAudit } from './pip-audit';
import type { ProgramContext } from './programs';

const python = usePython();
const lesson = loadLessonContent(resolve(import.meta.dirname, '../../../../lessons/11-vulnerable-dependencies'));

function context(files: WorkspaceFiles, withPython = true): ProgramContext {
  return {
    files: () => files,
    serving: () => false,
    run: async () => {},
    stop: async () => {},
    ...(withPython ? { python } : {}),
  };
}

describe('pip-audit on lesson 11', () => {
  it("the starter: pip-audit's table, each pin's advisories with the version that fixes them", async () => {
    const out = await pipAudit.run([], context(lesson.starter));
    expect(out).toMatch(
      /^Found \d+ known vulnerabilities in 2 packages\nName +Version +ID +Fix Versions\n-+ -+ -+ -+\n/,
    );
    expect(out).toMatch(/werkzeug +3\.0\.1 +GHSA-2g68-c3qc-8985 +3\.0\.3\n/);
    // Jinja2>=3.1.2: pip installs the newest Jinja2, which has both fixes (as pip-audit resolves it).
    expect(out).not.toMatch(/^jinja2 /m);
    expect(out).toMatch(/gunicorn +21\.2\.0 +GHSA-w3h3-4rj7-4ph4/);
    expect(out).toContain('as of 2026-11-29');
  });

  it('the solution: nothing found', async () => {
    expect(await pipAudit.run([], context(lesson.solution))).toMatch(/^No known vulnerabilities found\n/);
  });

  it('an ignore that holds is said, one that does not is said with why', async () => {
    const alternative = lesson.alternatives.find((entry) => entry.name === 'windows-only-ignored');
    expect(await pipAudit.run([], context(alternative!.files))).toContain(
      'Ignored GHSA-hgf8-39gv-g3f2 for werkzeug: Windows only (device names in safe_join): the shop runs on Debian (advisories-ignored.txt:2)',
    );
    const mistake = lesson.mistakes.find((entry) => entry.name === 'ignore-without-reason');
    expect(await pipAudit.run([], context(mistake!.files))).toContain(
      'advisories-ignored.txt:1: not ignored: GHSA-hgf8-39gv-g3f2 is ignored without a reason',
    );
  });

  it('no requirements file, or no Python: says so instead of "nothing found"', async () => {
    expect(await pipAudit.run([], context({ 'app.py': '' }))).toBe('pip-audit: no requirements.txt in the project\n');
    expect(await pipAudit.run([], context(lesson.solution, false))).toBe('pip-audit: Python is not available here\n');
  });
});
