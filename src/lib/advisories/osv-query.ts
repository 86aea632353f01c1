/**
 * Builds an advisory snapshot from OSV's query API (https://google.github.io/osv.dev/post-v1-query/):
 * one POST per package, `{"package": {"ecosystem": "PyPI", "name": …}}`, answered with full OSV
 * records, in pages (`next_page_token`). OSV holds each PyPI advisory up to twice, as GHSA-… and as
 * PYSEC-… naming each other in `aliases`; the GitHub record is kept, as pip-audit keeps one of them.
 * Used by scripts/refresh-advisories.ts; pure, so it is tested offline on the committed records.
 */
import type { AdvisorySnapshot, OsvRecord } from './snapshot';

export const OSV_QUERY_URL = 'https://api.osv.dev/v1/query';

export interface OsvQueryPage {
  vulns?: OsvRecord[];
  next_page_token?: string;
}

/** The body of one query: a package, and the page token of the previous answer if any. */
export function queryBody(name: string, pageToken?: string): string {
  return JSON.stringify({ package: { ecosystem: 'PyPI', name }, ...(pageToken ? { page_token: pageToken } : {}) });
}

/** One record per advisory: GHSA first, then any other whose aliases name none already kept. */
export function dedupe(records: OsvRecord[]): OsvRecord[] {
  const byId = new Map<string, OsvRecord>();
  for (const record of records) byId.set(record.id, record);
  const ordered = [...byId.values()].sort(
    (a, b) => Number(!a.id.startsWith('GHSA-')) - Number(!b.id.startsWith('GHSA-')) || a.id.localeCompare(b.id),
  );
  const kept: OsvRecord[] = [];
  const seen = new Set<string>();
  for (const record of ordered) {
    const names = [record.id, ...(record.aliases ?? [])];
    if (names.some((name) => seen.has(name))) continue;
    names.forEach((name) => seen.add(name));
    kept.push(record);
  }
  return kept.sort((a, b) => a.id.localeCompare(b.id));
}

export function snapshotFrom(pages: Record<string, OsvQueryPage[]>, retrieved: string): AdvisorySnapshot {
  const packages = Object.keys(pages).sort();
  const records = dedupe(packages.flatMap((name) => (pages[name] ?? []).flatMap((page) => page.vulns ?? [])));
  return {
    retrieved,
    source: `OSV's query API (${OSV_QUERY_URL}), ecosystem PyPI, packages ${packages.join(', ')}`,
    packages,
    files: {},
    records,
  };
}
