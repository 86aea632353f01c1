import { expect, test } from '@playwright/test';
import {
  editorText,
  expectTerminalToShow,
  LESSON_1,
  lessonFile,
  openLesson,
  setEditorContent,
  storedFiles,
  terminalText,
  typeInTerminal,
  waitForPython,
} from './helpers';

const SPIN_ROUTE = `

@app.route("/spin")
def spin():
    while True:
        pass
`;

test('a runaway request is stopped by Stop, three times in a row, and nothing is lost', async ({ page }) => {
  await openLesson(page, LESSON_1);
  await waitForPython(page);
  const starter = lessonFile(LESSON_1, 'starter/app.py');
  const marker = 'if __name__ == "__main__":';
  const withSpin = starter.replace(marker, `${SPIN_ROUTE.trim()}\n\n\n${marker}`);
  expect(withSpin).toContain('/spin');
  await setEditorContent(page, LESSON_1, 'app.py', withSpin);

  for (let round = 1; round <= 3; round++) {
    await test.step(`round ${round}: run, request /spin, Stop`, async () => {
      await typeInTerminal(page, 'clear');
      await typeInTerminal(page, 'run');
      await expect(page.getByTestId('run-status')).toHaveAttribute('data-phase', 'serving', { timeout: 60_000 });
      await typeInTerminal(page, 'curl -i /spin');
      // Let the loop spin: the request is in Python now and does not come back by itself.
      await page.waitForTimeout(1000);
      expect(await terminalText(page)).not.toMatch(/HTTP\/1\.[01] \d{3}/);

      await page.getByTestId('stop-button').click();
      // Generous: the issue asks for about a second, a loaded CI machine gets more room.
      await expectTerminalToShow(page, ['[stop] stopped', /curl: \(28\)|restarted|stopped before/], 15_000);
      await expect(page.getByTestId('run-status')).toHaveAttribute('data-phase', 'idle');
    });

    await test.step(`round ${round}: the terminal takes commands again and a normal request works`, async () => {
      await typeInTerminal(page, 'clear');
      await typeInTerminal(page, 'run');
      await expect(page.getByTestId('run-status')).toHaveAttribute('data-phase', 'serving', { timeout: 60_000 });
      await typeInTerminal(page, 'curl -i /orders/1001');
      await expectTerminalToShow(page, [/HTTP\/1\.[01] 200/, '"quantity": 2'], 30_000);
      // The edit with the runaway route is still in the editor and in storage.
      expect((await storedFiles(page, LESSON_1))['app.py']).toBe(withSpin);
    });
  }
  await page.getByTestId('file-tab-app.py').click();
  await page.locator('[data-testid=editor] .monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+End');
  await expect.poll(() => editorText(page)).toContain('app.run(debug=True)');
  await page.keyboard.press('PageUp');
  await expect.poll(() => editorText(page)).toContain('while True:');
});
