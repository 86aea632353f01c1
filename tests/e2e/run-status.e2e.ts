import { expect, test } from '@playwright/test';
import { LESSON_1, openLesson, waitForPython } from './helpers';

test('the run status says when the serving app is older than the editor, until Run serves the edits', async ({
  page,
}) => {
  await openLesson(page, LESSON_1);
  await waitForPython(page);
  const status = page.getByTestId('run-status');
  await expect(page.getByTestId('preview-status')).toContainText('Run the app, then request a path.');

  await page.locator('[data-testid=editor] .monaco-editor .view-lines').click();
  await page.keyboard.press('Control+Enter');
  await expect(status).toHaveAttribute('data-phase', 'serving', { timeout: 60_000 });
  await expect(status).not.toContainText('edited since');
  await expect(page.getByTestId('preview-status')).toContainText('Type a path above and press Go.');

  // An edit after Run: the server still runs the old text (a traceback would quote the new one).
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n# an edit');
  await expect(status).toContainText('app.py edited since: Run again to serve the edits');

  await page.keyboard.press('Control+Enter');
  await expect(status).toHaveAttribute('data-phase', 'serving', { timeout: 60_000 });
  await expect(status).not.toContainText('edited since');
});
