/** Panes resize from the keyboard (and by drag), the sizes survive a reload, and the terminal maximises. */
import { expect, test } from '@playwright/test';
import { LESSON_1, openLesson } from './helpers';

test('the terminal resizes, the size is remembered, and it maximises', async ({ page }) => {
  await openLesson(page, LESSON_1);
  const terminal = page.locator('.terminal-area');
  const splitter = page.getByTestId('splitter-terminalShare');
  const before = (await terminal.boundingBox())!.height;
  await splitter.focus();
  await page.keyboard.press('Shift+ArrowUp');
  await page.keyboard.press('Shift+ArrowUp');
  await expect.poll(async () => (await terminal.boundingBox())!.height).toBeGreaterThan(before + 50);
  const grown = await splitter.getAttribute('aria-valuenow');
  expect(Number(grown)).toBe(60);

  await page.reload();
  await expect(page.getByTestId('splitter-terminalShare')).toHaveAttribute('aria-valuenow', '60');

  // A drag works too: pull the column edge to the right.
  const edge = (await page.getByTestId('splitter-lessonWidth').boundingBox())!;
  await page.mouse.move(edge.x + 2, edge.y + 200);
  await page.mouse.down();
  await page.mouse.move(edge.x + 150, edge.y + 200, { steps: 5 });
  await page.mouse.up();
  expect(Number(await page.getByTestId('splitter-lessonWidth').getAttribute('aria-valuenow'))).toBeGreaterThan(30);

  await page.getByTestId('terminal-maximise').click();
  await expect(page.getByTestId('terminal-maximise')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.editor-area')).toBeHidden();
  await page.getByTestId('terminal-maximise').click();
  await expect(page.locator('.editor-area')).toBeVisible();
});
