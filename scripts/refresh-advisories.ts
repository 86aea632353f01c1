/**
 * Rewrites src/lib/advisories/osv-snapshot.json from OSV (needs the network; OSV's API was not
 * reachable where the committed snapshot was made, see docs/advisories.md). Keeps the packages the
 * current snapshot covers unless others are named.
 *
 * Usage: node --import tsx scripts/refresh-advisories.ts [PACKAGE…]
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { OSV_QUERY_URL, queryBody, snapshotFrom, type OsvQueryPage } from '../src/lib/advisories/osv-query';
import { ADVISORIES } from '../src/lib/advisories/snapshot';

const OUT = fileURLToPath(new URL('../src/lib/advisories/osv-snapshot.json', import.meta.url));

async function pagesOf(name: string): Promise<OsvQueryPage[]> {
  const pages: OsvQueryPage[] = [];
  let token: string | undefined;
  do {
    const response = await fetch(OSV_QUERY_URL, { method: 'POST', body: queryBody(name, token) });
    if (!response.ok) throw new Error(`${OSV_QUERY_URL} answered ${response.status} for ${name}`);
    const page = (await response.json()) as OsvQueryPage;
    pages.push(page);
    token = page.next_page_token;
  } while (token);
  return pages;
}

async function main() {
  const names = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ADVISORIES.packages;
  const pages: Record<string, OsvQueryPage[]> = {};
  for (const name of names) pages[name] = await pagesOf(name);
  const snapshot = snapshotFrom(pages, new Date().toISOString().slice(0, 10));
  writeFileSync(OUT, `${JSON.stringify(snapshot, null, 2)}\n`);
  console.log(`refresh-advisories: ${snapshot.records.length} records of ${names.join(', ')} → ${OUT}`);
}

main().catch((error: unknown) => {
  console.error(`refresh-advisories: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
