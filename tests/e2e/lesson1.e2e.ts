import { expect, test } from '@playwright/test';
import {
  check,
  expectTerminalToShow,
  LEAKED_PATH,
  LEAKED_SECRET,
  LESSON_1,
  openLesson,
  runAndWaitForServing,
  typeInEditor,
  typeInTerminal,
  waitForPython,
} from './helpers';

test('lesson 1: run, attack from the terminal and the preview, report the leak', async ({ page }) => {
  await openLesson(page, LESSON_1);
  await waitForPython(page);

  await test.step('Run shows the dev server banner, its warning and the debugger PIN', async () => {
    await runAndWaitForServing(page);
    await expectTerminalToShow(page, [
      'Debug mode: on',
      'WARNING: This is a development server.',
      /Debugger PIN: \d{3}-\d{3}-\d{3}/,
    ]);
  });

  await test.step('curl -i /orders/abc in the terminal leaks the path and the secret', async () => {
    await typeInTerminal(page, 'clear');
    await typeInTerminal(page, 'curl -i /orders/abc');
    const text = await expectTerminalToShow(page, [/HTTP\/1\.[01] 500/, LEAKED_PATH, LEAKED_SECRET]);
    expect(text).toContain('ValueError');
  });

  await test.step('the preview shows the 500 in a sandboxed frame', async () => {
    await page.getByTestId('preview-path').fill('/orders/abc');
    await page.getByTestId('preview-go').click();
    await expect(page.getByTestId('preview-status')).toContainText('500');
    const frame = page.getByTestId('preview-frame');
    await expect(frame).toBeVisible();
    // Scripts and forms (the bridge hands them to the app), never the site's origin, popups or the top window.
    expect(await frame.evaluate((el: HTMLIFrameElement) => [...el.sandbox].sort())).toEqual([
      'allow-forms',
      'allow-scripts',
    ]);
    // The debugger page itself is what renders there.
    await expect(page.frameLocator('[data-testid=preview-frame]').locator('body')).toContainText('ValueError');
  });

  await test.step('the check fails on the empty FINDINGS.md and passes once it names the leak', async () => {
    await check(page);
    await expect(page.getByTestId('check-names-the-leak')).toHaveAttribute('data-passed', 'false');

    const findings = `# Findings\n\n- Secret key: ${LEAKED_SECRET}\n- Source file path on the server: ${LEAKED_PATH}\n`;
    await typeInEditor(page, LESSON_1, 'FINDINGS.md', findings);
    await check(page);
    await expect(page.getByTestId('check-names-the-leak')).toHaveAttribute('data-passed', 'true');
    await expect(page.getByTestId(`lesson-link-${LESSON_1}`)).toHaveAttribute('data-completed', 'true');
  });
});
