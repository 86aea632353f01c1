import { expect, test, type Page } from '@playwright/test';
import { check, editorText, LESSON_2, lessonFile, openLesson, setEditorContent, waitForPython } from './helpers';

/** The 1-based line number Monaco shows beside the first error squiggle in view. */
async function squiggleLine(page: Page): Promise<number> {
  const squiggle = page.locator('[data-testid=editor] .squiggly-error').first();
  await expect(squiggle).toBeVisible();
  const box = (await squiggle.boundingBox())!;
  const numbers = page.locator('[data-testid=editor] .margin .line-numbers');
  const lines = await numbers.evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { n: Number(el.textContent), top: r.top, bottom: r.bottom };
    }),
  );
  const middle = box.y + box.height / 2;
  const hit = lines.find((l) => middle >= l.top && middle <= l.bottom);
  expect(hit, 'a line number beside the squiggle').toBeDefined();
  return hit!.n;
}

test('lesson 2: the starter fails with a marker on the debug line; the fix passes every check', async ({ page }) => {
  await openLesson(page, LESSON_2);
  await waitForPython(page);
  const starter = lessonFile(LESSON_2, 'starter/app.py');
  const debugLine = starter.split('\n').findIndex((l) => l.includes('app.run(debug=True)')) + 1;
  expect(debugLine).toBeGreaterThan(0);

  await test.step('Check on the starter: debug-off-in-production fails, with a message and a marker', async () => {
    await check(page);
    const result = page.getByTestId('check-debug-off-in-production');
    await expect(result).toHaveAttribute('data-passed', 'false');
    await expect(result.locator('.message')).toHaveText(/\S{10,}/);
    const location = page.getByTestId('check-location-debug-off-in-production');
    await expect(location).toHaveText(`app.py:${debugLine}`);
    // Jump to the line, then the squiggle sits on it.
    await location.click();
    await expect.poll(() => squiggleLine(page)).toBe(debugLine);
    expect(await editorText(page)).toContain('app.run(debug=True)');
  });

  await test.step('replace app.py in Monaco with the fix; every check passes', async () => {
    const solution = lessonFile(LESSON_2, 'solution/app.py');
    await setEditorContent(page, LESSON_2, 'app.py', solution);
    await check(page);
    const results = page.locator('[data-testid=checks-panel] li[data-testid^=check-]');
    await expect(results).toHaveCount(8);
    await expect(page.locator('[data-testid=checks-panel] li[data-passed=false]')).toHaveCount(0);
    await expect(page.getByTestId('checks-summary')).toContainText('8 of 8 passed');
    await expect(page.locator('[data-testid=editor] .squiggly-error')).toHaveCount(0);
  });
});
