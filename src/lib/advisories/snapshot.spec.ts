import { describe, expect, test } from 'vitest';
import { readIgnores } from './ignores';
import { SCOPED_ADVISORIES } from './scopes';
import { ADVISORIES, advisory, describeAdvisory } from './snapshot';

describe('the advisory snapshot', () => {
  test('holds the advisories the lessons teach, each with the file it was read from', () => {
    const ids = ADVISORIES.records.map((record) => record.id);
    for (const id of [
      'GHSA-2g68-c3qc-8985',
      'GHSA-4grg-w6v8-c28g',
      'GHSA-w3h3-4rj7-4ph4',
      'GHSA-hc5x-x2vx-497g',
      'GHSA-9298-4cf8-g4wj',
      'GHSA-cpwx-vrp4-4pq7',
      'GHSA-hgf8-39gv-g3f2',
    ])
      expect(ids).toContain(id);
    for (const id of ids) expect(ADVISORIES.files[id]?.path).toContain(`/${id}/${id}.json`);
    expect(ADVISORIES.retrieved).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  test('every record affects a package the snapshot says it covers', () => {
    for (const record of ADVISORIES.records) {
      const names = record.affected.map((entry) => entry.package.name.toLowerCase());
      expect(names.some((name) => ADVISORIES.packages.includes(name))).toBe(true);
    }
  });

  test("each scoped advisory's evidence is the record's own words", () => {
    for (const [id, scoped] of Object.entries(SCOPED_ADVISORIES)) {
      expect(advisory(id)?.details, id).toContain(scoped.evidence);
    }
  });

  test('describeAdvisory: id, CVE, severity and summary', () => {
    const record = advisory('GHSA-4grg-w6v8-c28g');
    expect(record && describeAdvisory(record)).toBe(
      'GHSA-4grg-w6v8-c28g (CVE-2025-47278, low): Flask uses fallback key instead of current signing key',
    );
  });
});

describe('advisories-ignored.txt', () => {
  test('an id and its reason per line; comments and blank lines skipped; ids normalised', () => {
    const { ignores, problems } = readIgnores({
      'advisories-ignored.txt':
        '# why each is safe here\n\nghsa-HGF8-39gv-g3f2  Windows only\nGHSA-cpwx-vrp4-4pq7\nnot-an-id because\n',
    });
    expect(ignores).toEqual([
      { id: 'GHSA-hgf8-39gv-g3f2', reason: 'Windows only', file: 'advisories-ignored.txt', line: 3 },
      { id: 'GHSA-cpwx-vrp4-4pq7', reason: '', file: 'advisories-ignored.txt', line: 4 },
    ]);
    expect(problems).toEqual([
      {
        file: 'advisories-ignored.txt',
        line: 5,
        message: '"not-an-id" is not an advisory id (GHSA-…, PYSEC-…, CVE-…)',
      },
    ]);
  });
});
