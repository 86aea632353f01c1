/**
 * Accessibility: axe-core finds no violation on the home page and on every lesson page, in the
 * light and the dark theme, on a desktop and a phone. The lessons are the course's folders (the
 * same list the site is built from, so a lesson added later is checked without editing this file),
 * and the site must list exactly those. The preview's frame is left out: it shows the learner's
 * app, not prodready. Each run records what it checked (`axe-<theme>-<viewport>.json`, see
 * doc-artefacts.ts).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lessonFolders } from '../../src/cli/lessons-fs';
import { docArtefactPath } from './doc-artefacts';
import { waitForPython } from './helpers';

const LESSONS = lessonFolders(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../lessons'));

const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).exclude('[data-testid=preview-frame]').analyze();
  return result.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${n.failureSummary?.split('\n')[1]?.trim() ?? v.help})`),
  );
}

for (const colorScheme of ['light', 'dark'] as const) {
  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    test(`axe: no violations, ${colorScheme} theme, ${name}`, async ({ page }) => {
      test.setTimeout(120_000 + LESSONS.length * 30_000);
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme });
      await page.goto('/');
      await expect(page.getByTestId('course-overview')).toBeVisible();
      const listed = await page
        .locator('[data-testid^=outline-]')
        .evaluateAll((items) => items.map((item) => item.getAttribute('data-testid')!.slice('outline-'.length)));
      expect(listed, 'the built site lists every lesson folder (rebuild after adding one)').toEqual(LESSONS);

      const found: Record<string, string[]> = { home: await violations(page) };
      for (const id of LESSONS) {
        await page.goto(`/#/${id}`);
        await expect(page.getByTestId(`lesson-link-${id}`)).toHaveAttribute('aria-current', 'page');
        await waitForPython(page);
        found[id] = await violations(page);
      }
      expect(Object.keys(found)).toHaveLength(LESSONS.length + 1);
      const failing = Object.fromEntries(Object.entries(found).filter(([, v]) => v.length > 0));
      const record = docArtefactPath(`axe-${colorScheme}-${name}.json`, test.info());
      mkdirSync(path.dirname(record), { recursive: true });
      writeFileSync(
        record,
        `${JSON.stringify({ theme: colorScheme, viewport: { name, ...viewport }, pages: Object.keys(found), violations: failing }, null, 2)}\n`,
      );
      expect(failing).toEqual({});
    });
  }
}
