/**
 * A new build served at the same address: the learner's page keeps the version it started with,
 * says "New version · Reload", and only the click brings the new build. The site is served from a
 * copy of dist/ (tests/scorm/lms-server.ts serves a folder under /course/, with the site's
 * cross-origin isolation headers); the "new build" changes index.html in the copy and its revision
 * in sw.js, which is what `vite build` writes when index.html changes (workbox-build's revision is
 * the MD5 of the file).
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { startLmsServer, type LmsServer } from '../scorm/lms-server';

test.use({ serviceWorkers: 'allow' });

const DIST = resolve(fileURLToPath(new URL('../../dist', import.meta.url)));
const MARK = '<!-- prodready e2e: build 2 -->';

let site: string;
let server: LmsServer;

test.beforeAll(async () => {
  site = mkdtempSync(join(tmpdir(), 'prodready-update-'));
  // The precompressed variants are not served here; leave them out of the copy.
  cpSync(DIST, site, { recursive: true, filter: (path) => !/\.(br|gz)$/.test(path) });
  server = await startLmsServer(site);
});

test.afterAll(async () => {
  await server?.close();
  rmSync(site, { recursive: true, force: true });
});

/** What a rebuild with a changed index.html serves: the new file, and sw.js listing its new revision. */
function publishNewBuild(): void {
  const md5 = (text: string) => createHash('md5').update(text).digest('hex');
  const index = readFileSync(join(site, 'index.html'), 'utf8');
  const worker = readFileSync(join(site, 'sw.js'), 'utf8');
  const entry = `"revision":"${md5(index)}","url":"index.html"`;
  expect(worker, 'sw.js lists index.html by the MD5 of its content').toContain(entry);
  const changed = index.replace('</head>', `${MARK}</head>`);
  writeFileSync(join(site, 'index.html'), changed);
  writeFileSync(join(site, 'sw.js'), worker.replace(entry, `"revision":"${md5(changed)}","url":"index.html"`));
}

test('a new build shows "New version · Reload"; the page keeps its build until the click', async ({ page }) => {
  const status = page.getByTestId('offline-status');
  await page.goto(`${server.url}/course/index.html`);
  await expect(status).toHaveAttribute('data-state', 'ready', { timeout: 180_000 });
  const built = () => page.evaluate(() => document.head.innerHTML);

  publishNewBuild();
  await page.reload();
  await expect(status).toHaveAttribute('data-state', 'update', { timeout: 60_000 });
  await expect(status).toContainText('New version');
  // Still the first build: the waiting worker has not taken over, the old one answered the reload.
  expect(await built()).not.toContain(MARK);

  await page.getByTestId('offline-reload').click();
  // The click reloads the page: a reading in the middle of it finds no document and tries again.
  await expect.poll(() => built().catch(() => ''), { timeout: 30_000 }).toContain(MARK);
  await expect(status).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
});
