/**
 * The course leads: an overview with progress, a closing note and Next after a pass, a comparison
 * with the reference that leaves the learner's files alone, and a pass after revealing the
 * solution recorded as such. And the editor never traps the keyboard.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { lessonFolders } from '../../src/cli/lessons-fs';
import { docArtefactPath } from './doc-artefacts';
import {
  check,
  editorText,
  LEAKED_PATH,
  LEAKED_SECRET,
  LESSON_1,
  LESSON_2,
  openLesson,
  storedFiles,
  typeInEditor,
  waitForPython,
} from './helpers';

/** How many lessons the course has, as the overview counts them. */
const LESSON_COUNT = lessonFolders(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../lessons')).length;

test('overview, a pass with Next, compare with the reference, and a pass with the solution', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto('/');
  await expect(page.getByTestId('course-overview')).toBeVisible();
  await expect(page.getByTestId('course-progress')).toContainText(`0 of ${LESSON_COUNT} done`);
  await expect(page.getByTestId(`outline-${LESSON_1}`)).toHaveAttribute('data-status', 'not-started');

  await test.step('lesson 1 passes: a closing note and Next', async () => {
    await page.getByTestId('course-continue').click();
    await expect(page.getByTestId(`lesson-link-${LESSON_1}`)).toHaveAttribute('aria-current', 'page');
    await waitForPython(page);
    const findings = `# Findings\n\n- Secret key: ${LEAKED_SECRET}\n- Source file path on the server: ${LEAKED_PATH}\n`;
    await typeInEditor(page, LESSON_1, 'FINDINGS.md', findings);
    await check(page);
    await expect(page.getByTestId('lesson-complete')).toBeVisible();
    await expect(page.getByTestId('complete-with-solution')).toHaveCount(0);
    await page.getByTestId('next-lesson').click();
    await expect(page.getByTestId(`lesson-link-${LESSON_2}`)).toHaveAttribute('aria-current', 'page');
  });

  await test.step('compare with the reference: a diff, and the files untouched', async () => {
    const before = await storedFiles(page, LESSON_2);
    await typeInEditor(page, LESSON_2, 'app.py', '# my attempt\n');
    const mine = await storedFiles(page, LESSON_2);
    while (await page.getByTestId('hint-button').isVisible()) await page.getByTestId('hint-button').click();
    await page.getByTestId('compare-button').click();
    await expect(page.getByTestId('compare-dialog')).toBeVisible();
    await expect(page.getByTestId('compare-diff')).toHaveAttribute('data-ready', 'true');
    await expect(page.locator('[data-testid=compare-diff] .monaco-diff-editor')).toBeVisible();
    await expect(page.locator('[data-testid=compare-diff] .editor.original')).toContainText('# my attempt');
    await expect(page.locator('[data-testid=compare-diff] .editor.modified')).toContainText('SECRET_KEY');
    await page
      .getByTestId('compare-dialog')
      .screenshot({ path: docArtefactPath('compare-with-reference.png', test.info()) });
    await page.getByTestId('compare-close').click();
    await expect(page.getByTestId('compare-dialog')).toBeHidden();
    expect(await storedFiles(page, LESSON_2)).toEqual(mine);
    expect(mine).not.toEqual(before);
  });

  await test.step('a pass after Show solution is recorded as one with the solution', async () => {
    await page.getByTestId('solution-button').click();
    await page.getByTestId('confirm-ok').click();
    await check(page);
    await expect(page.getByTestId('lesson-complete')).toBeVisible();
    await expect(page.getByTestId('complete-with-solution')).toBeVisible();
  });

  await test.step('the overview shows where the learner stands', async () => {
    await page.getByTestId('home-link').click();
    await expect(page.getByTestId('course-progress')).toContainText(`2 of ${LESSON_COUNT} done`);
    await expect(page.getByTestId(`outline-${LESSON_1}`)).toHaveAttribute('data-status', 'done');
    await expect(page.getByTestId(`outline-${LESSON_2}`)).toHaveAttribute('data-status', 'done-with-solution');
    await page.getByTestId('course-overview').screenshot({ path: docArtefactPath('course-overview.png', test.info()) });
  });
});

test('Tab leaves the editor after Ctrl+M, and nothing is typed into the file', async ({ page }) => {
  await openLesson(page, LESSON_1);
  await waitForPython(page);
  const before = await editorText(page);
  await page.locator('[data-testid=editor] .monaco-editor .view-lines').click();
  await page.keyboard.press('Control+M');
  await page.keyboard.press('Tab');
  const inEditor = await page.evaluate(() => !!document.activeElement?.closest('[data-testid=editor] .monaco-editor'));
  expect(inEditor).toBe(false);
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  expect(await editorText(page)).toBe(before);
  expect((await storedFiles(page, LESSON_1))['app.py']).toBeUndefined();
  // The shortcuts dialog says how.
  await page.getByTestId('shortcuts-button').click();
  await expect(page.getByTestId('shortcuts-help')).toContainText('Ctrl + M');
});

test('a keyboard user tabs into the editor and the terminal and out again; a click in the editor makes Tab indent', async ({
  page,
}) => {
  await openLesson(page, LESSON_1);
  await waitForPython(page);
  const inEditor = () => page.evaluate(() => !!document.activeElement?.closest('[data-testid=editor] .monaco-editor'));
  const inTerminal = () => page.evaluate(() => !!document.activeElement?.closest('[data-testid=terminal]'));
  const before = await editorText(page);

  // Into the editor from the file tabs, by keyboard: Tab goes on to the next control.
  await page.locator('[data-testid^=file-tab-]').last().focus();
  await page.keyboard.press('Tab');
  expect(await inEditor()).toBe(true);
  await expect(page.getByTestId('tab-mode')).toContainText('Tab: next control');
  await page.keyboard.press('Tab');
  expect(await inEditor()).toBe(false);
  await page.keyboard.press('Shift+Tab');
  expect(await inEditor()).toBe(true);
  await page.keyboard.press('Shift+Tab');
  expect(await inEditor()).toBe(false);
  expect(await editorText(page)).toBe(before);

  // The terminal has no use for Tab (no completion): it never keeps the focus.
  await page.getByTestId('terminal-maximise').focus();
  await page.keyboard.press('Tab');
  expect(await inTerminal()).toBe(true);
  await page.keyboard.press('Tab');
  expect(await inTerminal()).toBe(false);

  // A click into the editor: Tab indents, as in any code editor.
  await page.locator('[data-testid=editor] .monaco-editor .view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Tab');
  expect(await inEditor()).toBe(true);
  await expect(page.getByTestId('tab-mode')).toContainText('Tab: indent');
  expect(await editorText(page)).not.toBe(before);
});
