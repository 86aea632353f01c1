import { describe, expect, test } from 'vitest';
import { vulnerableDependency } from './vulnerable-dependency';
import type { RuleVerdict } from '../rule';
import type { Finding } from '../types';
import { NO_PYTHON, edit, expectNoFinding, judge, lineOf, usePython } from './test-support';

const python = usePython();
const check = (files: Record<string, string>) => judge(vulnerableDependency, python, { files });

/** Decided, with findings of this rule only; each carries its advisory's severity, not one for the rule. */
function expectFinding(verdict: RuleVerdict, rule: typeof vulnerableDependency): Finding {
  expect(verdict.inconclusive).toBeUndefined();
  expect(verdict.findings.length).toBeGreaterThan(0);
  for (const finding of verdict.findings) expect(finding.rule).toBe(rule.id);
  return verdict.findings[0] as Finding;
}

const HASH = `--hash=sha256:${'0'.repeat(64)}`;
/** Versions with no advisory in the snapshot. */
const CURRENT = `flask==3.1.3 ${HASH}
werkzeug==3.1.9 ${HASH}
jinja2==3.1.6 ${HASH}
gunicorn==23.0.0 ${HASH}
waitress==3.0.2 ${HASH}
`;

describe('vulnerable-dependency', () => {
  test('werkzeug==3.0.1: one finding at the pin with every advisory, CVE, severity and fixed version', async () => {
    const requirements = edit(CURRENT, 'werkzeug==3.1.9', 'werkzeug==3.0.1');
    const verdict = await check({ 'requirements.txt': requirements });
    expect(verdict.findings).toHaveLength(1);
    const finding = expectFinding(verdict, vulnerableDependency);
    expect(finding).toMatchObject({
      severity: 'high',
      file: 'requirements.txt',
      line: lineOf(requirements, 'werkzeug=='),
    });
    expect(finding.message).toMatch(/^werkzeug==3\.0\.1 is affected by 4 advisories: /);
    expect(finding.message).toContain(
      'GHSA-2g68-c3qc-8985 (CVE-2024-34069, high): Werkzeug debugger vulnerable to remote execution when interacting with attacker controlled domain; fixed in 3.0.3.',
    );
    for (const id of ['GHSA-q34m-jh98-gwm2', 'GHSA-f9vj-2wh5-fj8j', 'GHSA-hgf8-39gv-g3f2'])
      expect(finding.message).toContain(id);
  });

  test('one advisory: said without a count, with the severity of the advisory itself', async () => {
    const verdict = await check({ 'requirements.txt': edit(CURRENT, 'flask==3.1.3', 'flask==3.1.0') });
    expect(verdict.findings).toEqual([
      {
        rule: 'vulnerable-dependency',
        severity: 'low',
        file: 'requirements.txt',
        line: 1,
        message:
          'flask==3.1.0 is affected by GHSA-4grg-w6v8-c28g (CVE-2025-47278, low): Flask uses fallback key instead of current signing key; fixed in 3.1.1.',
      },
    ]);
  });

  test('gunicorn==21.2.0: both smuggling advisories (last_affected 21.2.0, and fixed in 23.0.0)', async () => {
    const verdict = await check({ 'requirements.txt': edit(CURRENT, 'gunicorn==23.0.0', 'gunicorn==21.2.0') });
    const messages = verdict.findings.map((finding) => finding.message).join('\n');
    expect(messages).toContain('GHSA-w3h3-4rj7-4ph4');
    expect(messages).toContain('GHSA-hc5x-x2vx-497g');
    expect(messages).toContain('fixed in 23.0.0');
  });

  test('gunicorn==22.0.0 is past last_affected 21.2.0 but still under 23.0.0', async () => {
    const verdict = await check({ 'requirements.txt': edit(CURRENT, 'gunicorn==23.0.0', 'gunicorn==22.0.0') });
    const messages = verdict.findings.map((finding) => finding.message).join('\n');
    expect(messages).not.toContain('GHSA-w3h3-4rj7-4ph4');
    expect(messages).toContain('GHSA-hc5x-x2vx-497g');
  });

  test('flask==3.1.0 only (introduced 3.1.0): 3.0.3 and 3.1.1 are outside the range', async () => {
    expectFinding(
      await check({ 'requirements.txt': edit(CURRENT, 'flask==3.1.3', 'flask==3.1.0') }),
      vulnerableDependency,
    );
    expectNoFinding(await check({ 'requirements.txt': edit(CURRENT, 'flask==3.1.3', 'flask==3.0.3') }));
    expectNoFinding(await check({ 'requirements.txt': edit(CURRENT, 'flask==3.1.3', 'flask==3.1.1') }));
  });

  test('a range is judged by the newest release it admits, which pip installs: open above, it is past every fix', async () => {
    for (const range of ['werkzeug>=3.0.3', 'werkzeug>=0.1', 'werkzeug', 'werkzeug>3.0.1,!=3.1.0', 'werkzeug~=3.1.4'])
      expectNoFinding(await check({ 'requirements.txt': edit(CURRENT, 'werkzeug==3.1.9', range) }));
    for (const range of ['flask>=1.0.2', 'gunicorn>=19.7.1', 'jinja2>=3.1.2', 'waitress>=2.1', 'waitress<4'])
      expectNoFinding(await check({ 'requirements.txt': range + '\n' }));
  });

  test('a range capped below a fix installs an affected release: one finding naming the highest version the record shows', async () => {
    const capped = await check({ 'requirements.txt': edit(CURRENT, 'werkzeug==3.1.9', 'werkzeug~=3.0.1') });
    const message = expectFinding(capped, vulnerableDependency).message;
    // Every 3.0.x is below 3.1.4 (the Windows safe_join fix); the newest 3.0.x has the 3.0.3 and 3.0.6 fixes.
    expect(message).toContain('werkzeug~=3.0.1 makes pip install its newest admitted release');
    expect(message).toContain('GHSA-hgf8-39gv-g3f2');
    expect(message).not.toContain('GHSA-2g68-c3qc-8985');
    expect(message).not.toContain('GHSA-q34m-jh98-gwm2');
    for (const range of [
      'waitress<3.0.1',
      'waitress>=2.1,<3',
      'gunicorn<=22.0.0',
      'werkzeug==3.0.*',
      'flask>=3.1.0,<3.1.1',
    ])
      expectFinding(await check({ 'requirements.txt': range + '\n' }), vulnerableDependency);
    // The bound sits exactly on the fix: everything admitted is fixed or unaffected.
    for (const range of ['waitress<=3.0.1,>=3.0.1', 'flask>=3.1.1,<3.2', 'gunicorn>=23.0.0,<24'])
      expectNoFinding(await check({ 'requirements.txt': range + '\n' }));
  });

  test('an ignore with a reason the scope supports holds; without a reason, or for an advisory of every platform, it does not', async () => {
    const requirements = edit(CURRENT, 'werkzeug==3.1.9', 'werkzeug==3.1.3');
    expectNoFinding(
      await check({
        'requirements.txt': requirements,
        'advisories-ignored.txt': 'GHSA-hgf8-39gv-g3f2  Windows only: the shop runs on Debian\n',
      }),
    );
    const bare = await check({ 'requirements.txt': requirements, 'advisories-ignored.txt': 'GHSA-hgf8-39gv-g3f2\n' });
    expect(expectFinding(bare, vulnerableDependency).message).toContain(
      'The ignore at advisories-ignored.txt:1 does not hold: GHSA-hgf8-39gv-g3f2 is ignored without a reason',
    );
    const everywhere = await check({
      'requirements.txt': edit(CURRENT, 'werkzeug==3.1.9', 'werkzeug==3.0.1'),
      'advisories-ignored.txt': 'GHSA-2g68-c3qc-8985  we never run the debugger in production\n',
    });
    expect(everywhere.findings.map((finding) => finding.message).join('\n')).toContain(
      'GHSA-2g68-c3qc-8985 applies to every deployment of the package',
    );
  });

  test('a sandbox-only ignore is refused when the project imports jinja2.sandbox', async () => {
    const files = {
      'requirements.txt': edit(CURRENT, 'jinja2==3.1.6', 'jinja2==3.1.5'),
      'advisories-ignored.txt': 'GHSA-cpwx-vrp4-4pq7  sandbox only: we render no untrusted templates\n',
    };
    expectNoFinding(await check(files));
    const verdict = await check({ ...files, 'reports.py': 'from jinja2.sandbox import SandboxedEnvironment\n' });
    expect(expectFinding(verdict, vulnerableDependency).message).toContain('but the project imports jinja2.sandbox');
  });

  test('no requirements file: inconclusive, not clean; a static check of that never calls Python', async () => {
    const verdict = await judge(vulnerableDependency, NO_PYTHON, { files: { 'app.py': 'import flask\n' } });
    expect(verdict).toEqual({
      findings: [],
      inconclusive: 'no requirements*.txt says which versions production installs',
    });
  });

  test('--hash continuation lines: the finding stays on the requirement line', async () => {
    const requirements = `flask==3.1.3 \\\n    ${HASH}\nwaitress==3.0.0 \\\n    ${HASH} \\\n    ${HASH}\n`;
    const finding = expectFinding(await check({ 'requirements.txt': requirements }), vulnerableDependency);
    expect(finding).toMatchObject({ line: 3, severity: 'high' });
  });
});
