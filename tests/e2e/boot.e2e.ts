import { expect, test } from '@playwright/test';
import { PYTHON_TIMEOUT } from './helpers';

interface Sample {
  t: number;
  lessonText: number;
  progress: string | null;
  stage: string | null;
  ready: boolean;
}

test('the lesson is readable while Python loads, with stage and bytes shown', async ({ page }) => {
  // Sample the page on every DOM change from the very start: what was on screen, and when.
  await page.addInitScript(() => {
    const samples: Sample[] = [];
    (window as unknown as { __samples: Sample[] }).__samples = samples;
    const sample = () => {
      const progress = document.querySelector('[data-testid=boot-progress]');
      samples.push({
        t: performance.now(),
        lessonText: document.querySelector('[data-testid=lesson-body]')?.textContent?.trim().length ?? 0,
        progress: progress?.textContent?.trim() ?? null,
        stage: progress?.getAttribute('data-stage') ?? null,
        ready: document.querySelector('[data-testid=python-ready]') !== null,
      });
    };
    new MutationObserver(sample).observe(document, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
  });

  // The home page is the course overview; a lesson's address shows the lesson at once.
  await page.goto('/#/01-the-open-door');
  await expect(page.getByTestId('lesson-body')).toContainText('The open door');
  await expect(page.getByTestId('lesson-list')).toBeVisible();
  await expect(page.getByTestId('python-ready')).toBeVisible({ timeout: PYTHON_TIMEOUT });
  await expect(page.getByTestId('boot-progress')).toHaveCount(0);

  const samples = await page.evaluate(() => (window as unknown as { __samples: Sample[] }).__samples);
  const readyAt = samples.find((s) => s.ready)?.t;
  expect(readyAt, 'python-ready appeared').toBeDefined();
  const before = samples.filter((s) => s.t < readyAt!);
  // The lesson text was on screen together with a progress line naming the stage and the bytes.
  const withBytes = before.filter(
    (s) => s.lessonText > 200 && s.progress && /\d+(\.\d+)? (B|kB|MB)\b/.test(s.progress),
  );
  expect(withBytes.length, 'samples with lesson text and a byte count before Python was ready').toBeGreaterThan(0);
  expect(withBytes.map((s) => s.progress).join('\n')).toMatch(
    /Downloading Python|Starting Python|Loading Flask|Preparing/,
  );
  // The first contentful paint came before Python was ready (and did not wait for it).
  const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
  expect(fcp).not.toBeNull();
  expect(fcp!).toBeLessThan(readyAt!);
});
