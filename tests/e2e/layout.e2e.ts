/** Panes resize from the keyboard (and by drag), the sizes survive a reload, and the terminal maximises. */
import { expect, test, type Page } from '@playwright/test';
import { check, LESSON_1, openLesson, waitForPython } from './helpers';

/** The Maximise button never lies over the terminal's text: no part of it is inside the rows' box. */
async function expectButtonClearOfRows(page: Page): Promise<void> {
  const button = (await page.getByTestId('terminal-maximise').boundingBox())!;
  const rows = (await page.locator('[data-testid=terminal] .xterm-screen').boundingBox())!;
  const overlaps =
    button.x < rows.x + rows.width &&
    rows.x < button.x + button.width &&
    button.y < rows.y + rows.height &&
    rows.y < button.y + button.height;
  expect(overlaps, `button ${JSON.stringify(button)} over rows ${JSON.stringify(rows)}`).toBe(false);
}

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

  await waitForPython(page);
  await expectButtonClearOfRows(page);
  await page.getByTestId('terminal-maximise').click();
  await expect(page.getByTestId('terminal-maximise')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.editor-area')).toBeHidden();
  await expectButtonClearOfRows(page);
  await page.getByTestId('terminal-maximise').click();
  await expect(page.locator('.editor-area')).toBeVisible();
});

test('on a phone the Maximise button stays clear of the terminal text too', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openLesson(page, LESSON_1);
  await waitForPython(page);
  await page.getByTestId('terminal-maximise').scrollIntoViewIfNeeded();
  await expectButtonClearOfRows(page);
});

test('on a phone, Check brings its results into view', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openLesson(page, LESSON_1);
  await waitForPython(page);
  await page.getByTestId('check-button').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('checks-panel')).not.toBeInViewport();
  await check(page);
  await expect(page.getByTestId('checks-panel')).toBeInViewport();
});

test("a lesson's table scrolls inside the lesson column and keeps its words whole", async ({ page }) => {
  await openLesson(page, '04-gunicorn');
  // The narrowest lesson column there is: the splitter at its minimum.
  await page.getByTestId('splitter-lessonWidth').focus();
  await page.keyboard.press('Home');
  const region = page.locator('[data-testid=lesson-scroll] .table-scroll').first();
  await region.scrollIntoViewIfNeeded();
  const fit = await region.evaluate((el) => {
    const column = el.closest('[data-testid=lesson-scroll]')!.getBoundingClientRect();
    const box = el.getBoundingClientRect();
    // A word broken across lines makes a cell's text overflow its box sideways or wrap mid-word;
    // every cell must hold its longest word on one line.
    const broken = [...el.querySelectorAll('th, td')].filter((cell) => {
      const longest = (cell.textContent ?? '').split(/\s+/).reduce((a, b) => (b.length > a.length ? b : a), '');
      if (!longest) return false;
      // Measured outside the table: a probe inside a cell would widen the cell it measures.
      const style = getComputedStyle(cell);
      const probe = document.createElement('span');
      probe.textContent = longest;
      probe.style.cssText = `position:absolute;white-space:nowrap;font:${style.font};letter-spacing:${style.letterSpacing}`;
      document.body.appendChild(probe);
      const room = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      const too = probe.getBoundingClientRect().width > room + 0.5;
      probe.remove();
      return too;
    });
    return { inside: box.left >= column.left - 1 && box.right <= column.right + 1, broken: broken.length };
  });
  expect(fit).toEqual({ inside: true, broken: 0 });
});
