/**
 * The audit corpus: every folder in tests/corpus/ is a small project with an expect.json; add a
 * folder, get a test. Each case goes through the CLI's own code path (argument parsing, discovery,
 * evaluation, the JSON report and the exit code) with one Pyodide runtime shared by all cases.
 *
 * expect.json:
 *   found     findings the audit must report: {rule, file, line?}; together they are all it may report
 *   notFound  rule ids that must not be reported (the false positives the case is about)
 *   infos     substrings that must appear among the info lines (bad input, skipped modules)
 *   generate  files made at run time in a copy of the case, for what git cannot hold well:
 *             {"symlink": path, "to": target} | {"bigFile": path, "bytes": n} | {"fifo": path}
 *   source    where a case comes from (an issue of Bandit, Semgrep, gixy...)
 *   FILTER=name runs the cases whose folder name contains it.
 *   RUNTIME=confined runs them in the command line's confined child (docs/confinement.md) instead
 *   of Pyodide in this process, to compare the two.
 */
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import AjvDraft04 from 'ajv-draft-04';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseAuditArgs, runAudit } from '../src/cli/audit/command';
import { ConfinedRuntime } from '../src/cli/confined/runtime';
import { NodeRuntime } from '../src/cli/node-runtime';
import type { PythonRuntime } from '../src/lib/grading/runtime';
import { RULE_IDS } from '../src/lib/grading/rule-ids';

interface Expectation {
  found: Array<{ rule: string; file: string; line?: number }>;
  notFound?: string[];
  infos?: string[];
  generate?: Array<{ symlink?: string; to?: string; bigFile?: string; bytes?: number; fifo?: string }>;
  source?: string | string[];
  exit?: number;
}

interface Report {
  tool: string;
  version: string;
  findings: Array<{ rule: string; severity: string; file: string; line: number; message: string }>;
}

const corpusDir = resolve(import.meta.dirname, 'corpus');
const cases = readdirSync(corpusDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(corpusDir, entry.name, 'expect.json')))
  .map((entry) => entry.name)
  .filter((name) => !process.env.FILTER || name.includes(process.env.FILTER))
  .sort();

let runtime: PythonRuntime;
beforeAll(async () => {
  runtime = process.env.RUNTIME === 'confined' ? await ConfinedRuntime.start() : await NodeRuntime.start();
}, 120_000);
afterAll(() => (runtime as Partial<ConfinedRuntime>).close?.());

/** A copy of the case with its generated files, or the case folder itself when it needs none. */
function prepare(name: string, expectation: Expectation): { dir: string; cleanup: () => void } {
  const source = join(corpusDir, name);
  if (!expectation.generate?.length) return { dir: source, cleanup: () => {} };
  const dir = join(mkdtempSync(join(tmpdir(), 'prodready-corpus-')), name);
  cpSync(source, dir, { recursive: true });
  for (const item of expectation.generate) {
    const target = join(dir, item.symlink ?? item.bigFile ?? item.fifo ?? '');
    mkdirSync(dirname(target), { recursive: true });
    if (item.symlink) symlinkSync(item.to ?? '.', target);
    if (item.bigFile) writeFileSync(target, `# padding\n${'x = 1\n'.repeat(Math.ceil((item.bytes ?? 0) / 6))}`);
    if (item.fifo) execFileSync('mkfifo', [target]);
  }
  return { dir, cleanup: () => rmSync(dirname(dir), { recursive: true, force: true }) };
}

async function auditCase(dir: string, format: 'json' | 'sarif') {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAudit(
    parseAuditArgs([dir, '--format', format]),
    runtime,
    '0.1.0',
    (text) => out.push(text),
    (text) => err.push(text),
    false,
  );
  return { code, stdout: out.join('\n'), infos: err.map((line) => line.replace(/^prodready: info: /, '')) };
}

test('there are corpus cases', () => {
  expect(cases.length).toBeGreaterThan(0);
});

describe('audit corpus', () => {
  for (const name of cases) {
    test(name, async () => {
      const expectation = JSON.parse(readFileSync(join(corpusDir, name, 'expect.json'), 'utf8')) as Expectation;
      for (const rule of [...expectation.found.map((f) => f.rule), ...(expectation.notFound ?? [])]) {
        expect(RULE_IDS as readonly string[], `expect.json names an unknown rule`).toContain(rule);
      }
      const { dir, cleanup } = prepare(name, expectation);
      try {
        const { code, stdout, infos } = await auditCase(dir, 'json');
        const report = JSON.parse(stdout) as Report;
        expect(report.tool).toBe('prodready');
        const found = report.findings.map(({ rule, file, line }) => ({ rule, file, line }));
        const matches = (want: Expectation['found'][number], got: (typeof found)[number]) =>
          want.rule === got.rule && want.file === got.file && (want.line === undefined || want.line === got.line);
        for (const want of expectation.found) {
          expect(
            found.some((got) => matches(want, got)),
            `${JSON.stringify(want)} not in ${JSON.stringify(found)}`,
          ).toBe(true);
        }
        const unexpected = found.filter((got) => !expectation.found.some((want) => matches(want, got)));
        expect(unexpected, 'findings the case does not expect').toEqual([]);
        for (const rule of expectation.notFound ?? []) {
          expect(found.map((f) => f.rule)).not.toContain(rule);
        }
        for (const info of expectation.infos ?? []) {
          expect(
            infos.some((line) => line.includes(info)),
            `no info line with "${info}" in ${JSON.stringify(infos)}`,
          ).toBe(true);
        }
        const failing = report.findings.some((f) => f.severity === 'high' || f.severity === 'medium');
        expect(code).toBe(expectation.exit ?? (failing ? 1 : 0));
      } finally {
        cleanup();
      }
    });
  }
});

describe('audit JSON entrypoints', () => {
  test('each entrypoint production starts, with whether the app came up and why not', async () => {
    const started = JSON.parse((await auditCase(join(corpusDir, 'lesson01-starter-app-run-debug'), 'json')).stdout);
    expect(started.entrypoints).toEqual([{ command: 'python app.py', file: null, line: null, started: true }]);
    // A missing package gets a stand-in in an audit run; a settings file only the server has stops the start.
    const failed = JSON.parse((await auditCase(join(corpusDir, 'import-failure-gunicorn-main-guard'), 'json')).stdout);
    expect(failed.entrypoints).toHaveLength(1);
    for (const entry of failed.entrypoints) {
      expect(entry.started).toBe(false);
      expect(entry.reason).toContain('FileNotFoundError');
    }
  });
});

describe('audit SARIF', () => {
  const schema = JSON.parse(
    readFileSync(
      resolve(import.meta.dirname, '../node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'),
      'utf8',
    ),
  ) as object;
  const validate = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false }).compile(schema);

  for (const name of ['lesson01-starter-app-run-debug', 'nginx-alias-traversal', 'clean-gunicorn-behind-nginx']) {
    test(`${name}: valid SARIF 2.1.0 with the same findings as JSON`, async () => {
      const dir = join(corpusDir, name);
      const sarif = await auditCase(dir, 'sarif');
      const log = JSON.parse(sarif.stdout) as {
        version: string;
        runs: Array<{
          tool: { driver: { name: string; rules: Array<{ id: string; defaultConfiguration: { level: string } }> } };
          results: Array<{
            ruleId: string;
            level: string;
            locations: Array<{
              physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
            }>;
          }>;
        }>;
      };
      const valid = validate(log);
      expect(validate.errors ?? [], 'schema errors').toEqual([]);
      expect(valid).toBe(true);
      expect(log.version).toBe('2.1.0');
      const run = log.runs[0]!;
      expect(run.tool.driver.name).toBe('prodready');
      expect(run.tool.driver.rules.map((rule) => rule.id).sort()).toEqual([...RULE_IDS].sort());
      const json = JSON.parse((await auditCase(dir, 'json')).stdout) as Report;
      expect(
        run.results.map((r) => [
          r.ruleId,
          r.locations[0]!.physicalLocation.artifactLocation.uri,
          r.locations[0]!.physicalLocation.region.startLine,
        ]),
      ).toEqual(json.findings.map((f) => [f.rule, f.file, f.line]));
    });
  }
});
