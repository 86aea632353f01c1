/**
 * Accessibility: axe-core finds no violation on the home page and on every lesson page, in the
 * light and the dark theme, on a desktop and a phone. The preview's frame is left out: it shows
 * the learner's app, not prodready.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import { waitForPython } from './helpers';

/** Every lesson folder (the site lists the same ones). */
const lessons = fs
  .readdirSync('lessons')
  .filter((name) => /^\d\d-/.test(name) && fs.existsSync(`lessons/${name}/lesson.md`))
  .map((id) => ({ id }));

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
      test.setTimeout(300_000);
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme });
      await page.goto('/');
      await expect(page.getByTestId('course-overview')).toBeVisible();
      const found: Record<string, string[]> = { home: await violations(page) };
      for (const lesson of lessons) {
        await page.goto(`/#/${lesson.id}`);
        await expect(page.getByTestId(`lesson-link-${lesson.id}`)).toHaveAttribute('aria-current', 'page');
        await waitForPython(page);
        found[lesson.id] = await violations(page);
      }
      expect(Object.keys(found)).toHaveLength(lessons.length + 1);
      expect(Object.fromEntries(Object.entries(found).filter(([, v]) => v.length > 0))).toEqual({});
    });
  }
}
