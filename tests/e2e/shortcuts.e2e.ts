import { expect, test } from '@playwright/test';
import { check, expectTerminalToShow, LESSON_1, openLesson, waitForPython } from './helpers';

test('Ctrl+Enter runs and Ctrl+Shift+Enter checks, also from inside the editor', async ({ page }) => {
  await openLesson(page, LESSON_1);
  await waitForPython(page);
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-phase', 'idle');
  await expect(page.getByTestId('checks-summary')).toHaveCount(0);

  // Focus in Monaco, which has its own bindings for both keys.
  await page.locator('[data-testid=editor] .monaco-editor .view-lines').click();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-phase', 'serving', { timeout: 60_000 });
  await expectTerminalToShow(page, ['Debug mode: on', /Debugger PIN: \d{3}-\d{3}-\d{3}/]);

  await page.locator('[data-testid=editor] .monaco-editor .view-lines').click();
  await check(page, () => page.keyboard.press('Control+Shift+Enter'));
  await expect(page.getByTestId('check-names-the-leak')).toHaveAttribute('data-passed', 'false');
  await expect(page.getByTestId('check-parses')).toHaveAttribute('data-passed', 'true');
  // Neither key reached Monaco as an edit.
  expect(await page.evaluate(() => localStorage.getItem('prodready:v1:files:01-the-open-door'))).toBeNull();
});
