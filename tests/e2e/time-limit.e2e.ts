import { expect, test } from '@playwright/test';
import { check, LESSON_2, lessonFile, openLesson, setEditorContent, waitForPython } from './helpers';
import { TIME_LIMITS } from '../../src/lib/runtime/protocol';

const PARSE = 'def parse_order_id(raw):\n    return int(raw)\n';
const SPIN = 'def parse_order_id(raw):\n    while True:\n        pass\n';

test('Check on an endless loop stops by itself within the limit, says so at the loop, and the page stays usable', async ({
  page,
}) => {
  test.setTimeout(TIME_LIMITS.checkMs * 3);
  await openLesson(page, LESSON_2);
  await waitForPython(page);
  const solution = lessonFile(LESSON_2, 'solution/app.py');
  expect(solution).toContain(PARSE);
  const spinning = solution.replace(PARSE, SPIN);
  const loopLines = [1, 2].map((offset) => spinning.split('\n').indexOf(SPIN.split('\n')[0]!) + 1 + offset);
  await setEditorContent(page, LESSON_2, 'app.py', spinning);

  await test.step('Check ends without Stop, within one check time limit', async () => {
    const started = Date.now();
    await page.evaluate(() =>
      document.querySelector('[data-testid=checks-summary]')?.setAttribute('data-e2e-stale', ''),
    );
    await page.getByTestId('check-button').click();
    await expect(page.locator('[data-testid=checks-summary]:not([data-e2e-stale])')).toBeVisible({
      timeout: TIME_LIMITS.checkMs,
    });
    const seconds = (Date.now() - started) / 1000;
    console.log(`Check on an endless loop ended after ${seconds.toFixed(1)} s`);
    expect(seconds).toBeGreaterThanOrEqual(TIME_LIMITS.requestMs / 1000);
  });

  await test.step('the first check that sent the attack says why, at the line of the loop', async () => {
    const first = page.getByTestId('check-generic-500');
    await expect(first).toHaveAttribute('data-status', 'failed');
    await expect(first.locator('.message')).toContainText(
      'did not answer GET /orders/abc within 10 s — an endless loop?',
    );
    const location = page.getByTestId('check-location-generic-500');
    const where = await location.textContent();
    expect(loopLines.map((line) => `app.py:${line}`)).toContain(where);
    // The same loop is not reported again: the next check that needs the answer is not run.
    await expect(page.getByTestId('check-traceback-logged')).toHaveAttribute('data-status', 'not-run');
    // Checks that need no answer from the loop still judge.
    await expect(page.getByTestId('check-debug-off-in-production')).toHaveAttribute('data-status', 'passed');
  });

  await test.step('Python is free again: the fixed code passes every check', async () => {
    await setEditorContent(page, LESSON_2, 'app.py', solution);
    await check(page);
    await expect(page.getByTestId('checks-summary')).toContainText('8 of 8 passed');
  });
});
