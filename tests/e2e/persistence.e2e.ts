import { expect, test } from '@playwright/test';
import {
  editorText,
  LESSON_1,
  LESSON_2,
  lessonFile,
  openLesson,
  storedFiles,
  typeInEditor,
  waitForPython,
} from './helpers';

const NOTE_1 = '# My findings, lesson one\n';
const NOTE_2 = '# my fix, lesson two\n';

test('edits survive a reload, per lesson; Reset to starter asks first', async ({ page }) => {
  const starter1 = lessonFile(LESSON_1, 'starter/FINDINGS.md');
  const starter2 = lessonFile(LESSON_2, 'starter/app.py');

  await openLesson(page, LESSON_1);
  await waitForPython(page);

  await test.step('edit lesson 1 and lesson 2', async () => {
    await typeInEditor(page, LESSON_1, 'FINDINGS.md', NOTE_1);
    await page.getByTestId(`lesson-link-${LESSON_2}`).click();
    await expect(page.getByTestId(`lesson-link-${LESSON_2}`)).toHaveAttribute('aria-current', 'page');
    await expect.poll(() => editorText(page)).toContain('Corner Shop: a small order service');
    // Typed at the top of app.py (a comment: nothing for Monaco to auto-close).
    await page.getByTestId('file-tab-app.py').click();
    await page.locator('[data-testid=editor] .monaco-editor .view-lines').click();
    await page.keyboard.press('ControlOrMeta+Home');
    await page.keyboard.type(NOTE_2);
    await expect.poll(async () => (await storedFiles(page, LESSON_2))['app.py']).toBe(NOTE_2 + starter2);
  });

  await test.step('reload: both lessons keep their edits', async () => {
    await page.reload();
    await expect(page.getByTestId(`lesson-link-${LESSON_2}`)).toHaveAttribute('aria-current', 'page');
    await expect(page.getByTestId('editor')).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
    await expect.poll(() => editorText(page)).toContain(NOTE_2.trim());
    await page.getByTestId(`lesson-link-${LESSON_1}`).click();
    await page.getByTestId('file-tab-FINDINGS.md').click();
    await expect.poll(() => editorText(page)).toContain(NOTE_1.trim());
    expect(await editorText(page)).not.toContain('Source file path on the server');
  });

  await test.step('Reset to starter: Cancel keeps the edits', async () => {
    await page.getByTestId('reset-button').click();
    await expect(page.getByTestId('confirm-dialog')).toBeVisible();
    await page.getByTestId('confirm-cancel').click();
    await expect(page.getByTestId('confirm-dialog')).toBeHidden();
    await expect.poll(() => editorText(page)).toContain(NOTE_1.trim());
    expect((await storedFiles(page, LESSON_1))['FINDINGS.md']).toBe(NOTE_1);
  });

  await test.step('Reset to starter: confirming restores the starter of this lesson only', async () => {
    await page.getByTestId('reset-button').click();
    await expect(page.getByTestId('confirm-dialog')).toBeVisible();
    await page.getByTestId('confirm-ok').click();
    await expect(page.getByTestId('confirm-dialog')).toBeHidden();
    await page.getByTestId('file-tab-FINDINGS.md').click();
    await expect.poll(() => editorText(page)).toContain('Source file path on the server');
    expect(await editorText(page)).not.toContain(NOTE_1.trim());
    expect((await storedFiles(page, LESSON_1))['FINDINGS.md']).toBe(starter1);
    expect((await storedFiles(page, LESSON_2))['app.py']).toBe(NOTE_2 + starter2);
  });
});
