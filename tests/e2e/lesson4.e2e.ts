import { expect, test } from '@playwright/test';
import { check, lessonFile, openLesson, setEditorContent, waitForPython } from './helpers';

const LESSON_4 = '04-gunicorn';

test('lesson 4: the starter gunicorn.conf.py fails; the solution passes every check', async ({ page }) => {
  await openLesson(page, LESSON_4);
  await waitForPython(page);

  await test.step('Check on the starter: the bind to every interface fails, with a message', async () => {
    await check(page);
    const result = page.getByTestId('check-loopback-only');
    await expect(result).toHaveAttribute('data-passed', 'false');
    await expect(result.locator('.message')).toHaveText(/\S{10,}/);
    await expect(page.getByTestId('check-no-reload')).toHaveAttribute('data-passed', 'false');
  });

  await test.step("replace gunicorn.conf.py with the lesson's solution; every check passes", async () => {
    // Read at test time, so the test follows the lesson as it is committed.
    const solution = lessonFile(LESSON_4, 'solution/gunicorn.conf.py');
    await setEditorContent(page, LESSON_4, 'gunicorn.conf.py', solution);
    await check(page);
    const results = page.locator('[data-testid=checks-panel] li[data-testid^=check-]');
    expect(await results.count()).toBeGreaterThan(5);
    await expect(page.locator('[data-testid=checks-panel] li[data-passed=false]')).toHaveCount(0);
    const total = await results.count();
    await expect(page.getByTestId('checks-summary')).toContainText(`${total} of ${total} passed`);
  });
});
