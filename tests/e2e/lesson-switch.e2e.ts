/**
 * Each lesson starts clean: its own terminal scrollback and preview history, its text at the top,
 * and its last check results back after a reload.
 */
import { expect, test } from '@playwright/test';
import {
  check,
  countInTerminal,
  expectTerminalToShow,
  LESSON_1,
  LESSON_2,
  openLesson,
  runAndWaitForServing,
  typeInTerminal,
  waitForPython,
} from './helpers';

test('switching lessons leaves no trace of the previous one, and coming back restores it', async ({ page }) => {
  await openLesson(page, LESSON_1);
  await waitForPython(page);
  await runAndWaitForServing(page);
  await typeInTerminal(page, 'export LESSON_ONE_MARKER=1');
  await expectTerminalToShow(page, ['LESSON_ONE_MARKER']);
  await page.getByTestId('preview-path').fill('/products');
  await page.getByTestId('preview-go').click();
  await expect(page.getByTestId('preview-body')).toContainText('Hand grinder');
  await check(page);
  await page.getByTestId('lesson-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  expect(await page.getByTestId('lesson-scroll').evaluate((el) => el.scrollTop)).toBeGreaterThan(0);

  await test.step('lesson 2 opens clean', async () => {
    await page.getByTestId(`lesson-link-${LESSON_2}`).click();
    await expect(page.getByTestId(`lesson-link-${LESSON_2}`)).toHaveAttribute('aria-current', 'page');
    await expectTerminalToShow(page, ['prodready terminal']);
    expect(await countInTerminal(page, 'LESSON_ONE_MARKER')).toBe(0);
    expect(await countInTerminal(page, 'Debugger PIN')).toBe(0);
    await expect(page.getByTestId('preview-body')).toHaveCount(0);
    await expect(page.getByTestId('preview-path')).toHaveValue('/');
    await expect(page.getByTestId('checks-summary')).toHaveCount(0);
    expect(await page.getByTestId('lesson-scroll').evaluate((el) => el.scrollTop)).toBe(0);
    // Lesson 1's app was stopped on the way out: nothing answers here until this lesson runs.
    await typeInTerminal(page, 'curl -i /');
    await expectTerminalToShow(page, ['curl: (7) Failed to connect']);
    await page.getByTestId('preview-cookies').locator('summary').click();
    await expect(page.getByTestId('preview-cookies')).toContainText('Cookies (0)');
  });

  await test.step('lesson 1 comes back as it was left', async () => {
    await page.getByTestId(`lesson-link-${LESSON_1}`).click();
    await expectTerminalToShow(page, ['LESSON_ONE_MARKER']);
    await expect(page.getByTestId('preview-path')).toHaveValue('/products');
    await expect(page.getByTestId('preview-body')).toContainText('Hand grinder');
    await expect(page.getByTestId('checks-summary')).toBeVisible();
  });

  await test.step('a reload shows the last check results', async () => {
    await page.reload();
    await expect(page.getByTestId('checks-summary')).toBeVisible();
    await expect(page.getByTestId('check-names-the-leak')).toHaveAttribute('data-passed', 'false');
  });
});
