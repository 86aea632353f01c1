/**
 * `prodready record` and `prodready verify` through the real command line: the real engine, the
 * lesson graded in the confined runtime. Lesson 02 only (one app, a few runs), to stay quick.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CompletionRecord } from '../lib/record/schema';
import { runMain } from './main.test-support';
import type { RecordVerdict } from './verify-report';

const LESSON = '02-debug-off';
let work: string;
let genuine: CompletionRecord;
let starterApp: string;

const cli = (...args: string[]) => runMain(args);
/** A file or folder in the work folder. */
const at = (name: string) => join(work, name);

/** A copy of the genuine record, changed, written to `name`. */
function tampered(name: string, change: (record: CompletionRecord) => void): string {
  const copy = structuredClone(genuine);
  change(copy);
  writeFileSync(at(name), JSON.stringify(copy, null, 2));
  return at(name);
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'prodready-verify-'));
  for (const args of [
    ['lessons', 'export', LESSON, at('starter')],
    ['lessons', 'export', LESSON, at('solution'), '--solution'],
    ['record', LESSON, at('solution'), '--out', at('genuine.json'), '--learner', 'Ada'],
  ]) {
    const run = await cli(...args);
    expect(run.code, run.stderr).toBe(0);
  }
  genuine = JSON.parse(readFileSync(join(work, 'genuine.json'), 'utf8')) as CompletionRecord;
  starterApp = readFileSync(join(work, 'starter/app.py'), 'utf8');
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('prodready verify', () => {
  test('the genuine record passes; edited results, a swapped file, another version of the lesson, a revealed solution: each judged on its files', async () => {
    const claim = (record: CompletionRecord) => {
      record.lessons[0]!.seen = {
        passed: true,
        at: record.createdAt,
        results: [{ id: 'debug-off-in-production', title: 'Debug off', passed: true, message: 'forged' }],
      };
    };
    const files = [
      at('genuine.json'),
      // The starter's files, with results edited to say every check passed.
      tampered('edited-results.json', (record) => {
        record.lessons[0]!.files = { 'app.py': starterApp };
        claim(record);
      }),
      // The genuine record, its app.py swapped for another (the starter's), its results left alone.
      tampered('swapped-file.json', (record) => {
        record.lessons[0]!.files['app.py'] = starterApp;
      }),
      tampered('other-version.json', (record) => {
        record.prodready = '0.0.9';
        record.lessons[0]!.contentHash = `sha256:${'ab'.repeat(32)}`;
      }),
      tampered('revealed.json', (record) => {
        record.lessons[0]!.solutionRevealed = true;
      }),
    ];
    const run = await cli('verify', '--json', ...files);
    const report = JSON.parse(run.stdout) as { passed: boolean; records: RecordVerdict[] };
    const [untouched, edited, swapped, changed, revealed] = report.records.map((record) => record.lessons[0]!);
    expect(untouched).toMatchObject({ status: 'passed', accepted: true, contentChanged: null, failed: [] });
    expect(edited).toMatchObject({ status: 'failed', recordSaysPassed: true, accepted: false });
    expect(edited!.failed.map((check) => check.id)).toContain('debug-off-in-production');
    expect(swapped).toMatchObject({ status: 'failed', accepted: false });
    expect(changed).toMatchObject({
      status: 'passed',
      accepted: true,
      contentChanged: { gradedAgainst: `sha256:${'ab'.repeat(32)}`, recordedBy: '0.0.9' },
    });
    expect(changed!.contentChanged!.current).toBe(genuine.lessons[0]!.contentHash);
    expect(revealed).toMatchObject({ status: 'passed', solutionRevealed: true, accepted: false });
    expect(report.passed).toBe(false);
    expect(run.code).toBe(1);
  });

  test('a genuine record and, with --accept-revealed, a revealed pass: exit 0, with a table of the two', async () => {
    const revealed = tampered('revealed-accepted.json', (record) => {
      record.learner = 'Bea';
      record.lessons[0]!.solutionRevealed = true;
    });
    const run = await cli('verify', '--accept-revealed', at('genuine.json'), revealed);
    expect(run.stdout).toMatch(/genuine\.json: learner Ada.*\n +PASS +02-debug-off +passed again \(\d+ checks\)\n/);
    expect(run.stdout).toMatch(/PASS +02-debug-off +passed again \(\d+ checks\), with the solution revealed/);
    expect(run.stdout).toMatch(/\ngenuine\.json +Ada +ok +pass\n/);
    expect(run.stdout).toMatch(/\nrevealed-accepted\.json +Bea +ok +pass\(rev\)\n/);
    expect(run.stdout).toContain('2 of 2 lessons verified');
    expect(run.code, run.stdout + run.stderr).toBe(0);
  });

  test('a malformed record: exit 2, naming the file and where it breaks, before anything runs', async () => {
    const text = JSON.stringify(genuine, null, 2).replace('"version": 1,', '"version": 1');
    writeFileSync(join(work, 'broken.json'), text);
    writeFileSync(
      join(work, 'bad-hash.json'),
      JSON.stringify({ ...genuine, lessons: [{ ...genuine.lessons[0], contentHash: 'x' }] }),
    );
    const run = await cli('verify', at('broken.json'), at('bad-hash.json'), at('missing.json'));
    expect(run.stdout).toContain('broken.json: malformed record: not JSON (line 4, column 3: comma expected)');
    expect(run.stdout).toContain(
      'bad-hash.json: malformed record: lessons[0].contentHash: "sha256:" and 64 hex digits',
    );
    expect(run.stdout).toMatch(/missing\.json: malformed record: cannot read it \(ENOENT/);
    expect(run.code).toBe(2);
  });

  test('record --schema prints a JSON Schema that accepts the genuine record and refuses a forged field', async () => {
    const run = await cli('record', '--schema');
    expect(run.code).toBe(0);
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(run.stdout) as object);
    expect(validate(genuine), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...genuine, verdict: 'passed' })).toBe(false);
  });

  test('record refuses a LESSON-ID it does not know and an odd number of arguments', async () => {
    const unknown = await cli('record', '99-nothing', at('solution'), '--out', at('x.json'));
    expect(unknown.stderr).toContain('no lesson "99-nothing"');
    expect(unknown.code).toBe(2);
    const odd = await cli('record', LESSON, at('solution'), at('starter'), '--out', at('x.json'));
    expect(odd.stderr).toContain('as many DIRs');
    expect(odd.code).toBe(2);
  });
});
