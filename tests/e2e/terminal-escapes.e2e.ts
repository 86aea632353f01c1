/**
 * The app is hostile to the terminal: its responses and log lines carry escape sequences that
 * would move the cursor over earlier output, open links, or make xterm type an answer into the
 * prompt; a body of several megabytes would hold the page. None of it reaches xterm raw.
 */
import { expect, test } from '@playwright/test';
import {
  expectTerminalToShow,
  LESSON_1,
  openLesson,
  runAndWaitForServing,
  setEditorContent,
  typeInTerminal,
  waitForPython,
} from './helpers';

const HOSTILE_APP = String.raw`from flask import Flask

app = Flask(__name__)


@app.get("/marker")
def marker():
    return "KEEP-ME-1\nKEEP-ME-2\n"


@app.get("/evil")
def evil():
    app.logger.warning("\x1b[1A\x1b[2K\x1b]0;pwned\x07LOG-LINE")
    return (
        "\x1b[3A\x1b[2K\x1b[1GOVERWRITE"
        "\x1b]8;;https://evil.example/\x07click-me\x1b]8;;\x07"
        "\x1b[c\x1b[>c\x1b[6n\x1b[?1049h END\n"
    )


@app.get("/big")
def big():
    # Distinct lines, so the terminal's scrollback can be read back page by page.
    return "".join(f"line {i:07d} {'x' * 60}\n" for i in range(70_000))


if __name__ == "__main__":
    app.run(debug=True)
`;

test('escape sequences in a response or the log never reach the terminal raw; a 5 MB body is cut', async ({ page }) => {
  const popups: string[] = [];
  page.on('popup', (popup) => popups.push(popup.url()));
  await openLesson(page, LESSON_1);
  await waitForPython(page);
  await setEditorContent(page, LESSON_1, 'app.py', HOSTILE_APP);
  await runAndWaitForServing(page);

  await test.step('a response cannot overwrite earlier lines, open a link or answer a query', async () => {
    await typeInTerminal(page, 'clear');
    await typeInTerminal(page, 'curl /marker');
    await expectTerminalToShow(page, ['KEEP-ME-2']);
    await typeInTerminal(page, 'curl /evil');
    const text = await expectTerminalToShow(page, ['OVERWRITEclick-me END', 'LOG-LINE']);
    // The earlier lines are still there, above the forged text, and the log line kept its own row.
    expect(text).toMatch(/KEEP-ME-1\nKEEP-ME-2\n[\s\S]*OVERWRITEclick-me END/);
    // The queries were not answered: xterm's replies (`ESC[?1;2c`, `ESC[>0;276;0c`, `ESC[row;colR`)
    // would have been typed at the prompt. The prompt after the request is empty.
    const lastLine = text.trimEnd().split('\n').at(-1);
    expect(lastLine).toBe('$');
    expect(text).not.toMatch(/\d+;\d+R|\?1;2c|>0;\d+;0c/);
    // No link was made of the OSC 8 text, and the alternate screen was not entered.
    await expect(page.locator('[data-testid=terminal] .xterm-rows a')).toHaveCount(0);
    expect(await page.locator('[data-testid=terminal] .xterm').evaluate((el) => el.textContent)).toContain('KEEP-ME');
    expect(popups).toEqual([]);
  });

  await test.step('a 5 MB body is cut to what a terminal can show, and the page stays responsive', async () => {
    await typeInTerminal(page, 'clear');
    const started = Date.now();
    await typeInTerminal(page, 'curl -i /big');
    // The bottom rows (what xterm shows without scrolling) end with the note and a fresh prompt.
    const rows = page.locator('[data-testid=terminal] .xterm-rows');
    await expect(rows).toContainText(/body cut: the terminal shows the first 64 kB of 4\.9 MB/, { timeout: 30_000 });
    const elapsed = Date.now() - started;
    // Before the cut, highlighting and writing 5 MB held the page for many seconds.
    expect(elapsed).toBeLessThan(10_000);
    await expect(page.getByTestId('run-button')).toBeEnabled();
    const bottom = await rows.evaluate((el) => [...el.children].map((row) => (row.textContent ?? '').trim()));
    expect(bottom.filter(Boolean).at(-1)).toBe('$');
    // What was shown is the start of the body, in order.
    expect(bottom.join('\n')).toMatch(/line 00008\d\d x{60}/);
  });
});
