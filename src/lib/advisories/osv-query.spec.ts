import { describe, expect, test } from 'vitest';
import { dedupe, queryBody, snapshotFrom } from './osv-query';
import { ADVISORIES, advisory, type OsvRecord } from './snapshot';

const debuggerRecord = advisory('GHSA-2g68-c3qc-8985') as OsvRecord;
/** The same advisory as PyPI's advisory database publishes it to OSV, naming the GHSA as an alias. */
const pysec: OsvRecord = {
  ...debuggerRecord,
  id: 'PYSEC-2024-0000',
  aliases: ['CVE-2024-34069', 'GHSA-2g68-c3qc-8985'],
};

describe('the OSV refresh, offline on the committed records', () => {
  test('a query body per package, with the page token of the previous answer', () => {
    expect(JSON.parse(queryBody('werkzeug'))).toEqual({ package: { ecosystem: 'PyPI', name: 'werkzeug' } });
    expect(JSON.parse(queryBody('werkzeug', 'abc'))).toMatchObject({ page_token: 'abc' });
  });

  test('one record per advisory: the GHSA is kept over the PYSEC record that names it', () => {
    expect(dedupe([pysec, debuggerRecord]).map((record) => record.id)).toEqual(['GHSA-2g68-c3qc-8985']);
  });

  test('pages of every package make a snapshot the loader accepts, with every committed record once', () => {
    const byPackage: Record<string, OsvRecord[]> = {};
    for (const record of ADVISORIES.records) {
      const name = (record.affected[0]?.package.name ?? '').toLowerCase();
      (byPackage[name] ??= []).push(record);
    }
    const pages = Object.fromEntries(
      Object.entries(byPackage).map(([name, records]) => [
        name,
        [
          { vulns: records.slice(0, 1), next_page_token: 't' },
          { vulns: [...records.slice(1), ...(name === 'werkzeug' ? [pysec] : [])] },
        ],
      ]),
    );
    const snapshot = snapshotFrom(pages, '2026-11-29');
    expect(snapshot.records.map((record) => record.id).sort()).toEqual(
      ADVISORIES.records.map((record) => record.id).sort(),
    );
    expect(snapshot).toMatchObject({ retrieved: '2026-11-29', files: {} });
    expect(snapshot.source).toContain('https://api.osv.dev/v1/query');
  });
});
