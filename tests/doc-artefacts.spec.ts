/** The end-to-end tests leave docs/ alone unless asked to refresh its screenshots; docs/README.md maps every page. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { docArtefactPath } from './e2e/doc-artefacts';

const E2E = path.join(path.dirname(fileURLToPath(import.meta.url)), 'e2e');
const testInfo = { outputPath: (...segments: string[]) => path.join('/tmp/test-results/x', ...segments) };

describe('docs artefacts from the end-to-end tests', () => {
  test('go to the test output folder unless PRODREADY_SCREENSHOTS=1', () => {
    expect(docArtefactPath('overview.png', testInfo, {})).toBe('/tmp/test-results/x/overview.png');
    expect(docArtefactPath('overview.png', testInfo, { PRODREADY_SCREENSHOTS: '0' })).toBe(
      '/tmp/test-results/x/overview.png',
    );
    expect(docArtefactPath('overview.png', testInfo, { PRODREADY_SCREENSHOTS: '1' })).toMatch(
      /\/docs\/screenshots\/overview\.png$/,
    );
  });

  test('no end-to-end file names a path under docs/ itself', () => {
    const offenders = readdirSync(E2E)
      .filter((name) => name.endsWith('.ts') && name !== 'doc-artefacts.ts')
      .filter((name) => /['"`]docs\//.test(readFileSync(path.join(E2E, name), 'utf8')));
    expect(offenders).toEqual([]);
  });
});

test('docs/README.md links every page of docs/', () => {
  const docs = path.join(path.dirname(E2E), '..', 'docs');
  const index = readFileSync(path.join(docs, 'README.md'), 'utf8');
  const unlisted = readdirSync(docs)
    .filter((name) => name.endsWith('.md') && name !== 'README.md')
    .filter((name) => !index.includes(`](${name})`));
  expect(unlisted).toEqual([]);
});
