import { describe, expect, test } from 'vitest';
import type { AuditResult } from './evaluate';
import type { AuditFinding } from './findings';
import { toSarif, toText, type LineReader } from './format';

const finding = (line: number): AuditFinding => ({
  rule: 'debug-enabled',
  severity: 'high',
  file: 'app.py',
  line,
  message: 'debug on',
});

const result = (findings: AuditFinding[]): AuditResult => ({
  findings,
  entrypoints: [],
  infos: [],
  unjudged: [],
  fileCount: 1,
});

function fingerprints(findings: AuditFinding[], lines: string[]): string[] {
  const readLine: LineReader = (_file, line) => lines[line - 1];
  const log = JSON.parse(toSarif(result(findings), '0.0.0', readLine)) as {
    runs: Array<{ results: Array<{ partialFingerprints: { primaryLocationLineHash: string } }> }>;
  };
  return log.runs[0]!.results.map((r) => r.partialFingerprints.primaryLocationLineHash);
}

describe('SARIF primaryLocationLineHash', () => {
  const source = ['from flask import Flask', 'app = Flask(__name__)', 'app.run(debug=True)'];

  test('is a hash with an occurrence count, not the rule, file and line number', () => {
    const [hash] = fingerprints([finding(3)], source);
    expect(hash).toMatch(/^[0-9a-f]{16}:1$/);
    expect(hash).not.toContain('app.py');
  });

  test('follows the line when lines are added above it', () => {
    const before = fingerprints([finding(3)], source);
    const after = fingerprints([finding(5)], ['"""Shop."""', '', ...source]);
    expect(after).toEqual(before);
  });

  test('changes when the flagged line changes, and counts identical lines', () => {
    const [original] = fingerprints([finding(3)], source);
    const [edited] = fingerprints([finding(3)], [...source.slice(0, 2), 'app.run(debug=True, port=80)']);
    expect(edited).not.toBe(original);
    const twice = fingerprints([finding(3), finding(4)], [...source, 'app.run(debug=True)']);
    expect(twice[0]!.split(':')[0]).toBe(twice[1]!.split(':')[0]);
    expect(twice.map((hash) => hash.split(':')[1])).toEqual(['1', '2']);
  });
});

describe('the summary line', () => {
  test('says how many of the files read have findings, not just how many were read', () => {
    const other: AuditFinding = { ...finding(1), file: 'nginx/shop.conf' };
    const text = toText({ ...result([finding(3), finding(4), other]), fileCount: 6 }, { color: false });
    expect(text).toMatch(/^3 findings \(3 high, 0 medium, 0 low\) in 2 of 6 files read\.$/m);
  });
});
