/**
 * Shared steps for the end-to-end tests: waiting for Python, reading and typing into the xterm
 * terminal, and setting file contents through Monaco the way a learner does (keyboard only).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';
import { lessonFile as lessonFileIn } from '../../src/cli/lessons-fs';

export const LESSON_1 = '01-the-open-door';
export const LESSON_2 = '02-debug-off';
/** The secret the lesson 1 starter leaks, and where it lives on the (virtual) server. */
export const LEAKED_SECRET = 'sk_live_4f9a7c21e8b35d60';
export const LEAKED_PATH = '/srv/shop/app.py';

/** Pyodide boots in a few seconds on a laptop; a loaded 2-core CI machine gets more room. */
export const PYTHON_TIMEOUT = 90_000;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A file of a lesson's starter or solution as the learner gets it, e.g. `lessonFile('02-debug-off', 'solution/app.py')`. */
export function lessonFile(lessonId: string, file: string): string {
  return lessonFileIn(path.join(ROOT, 'lessons', lessonId), file);
}

export async function openLesson(page: Page, lessonId: string): Promise<void> {
  await page.goto(`/#/${lessonId}`);
  await expect(page.getByTestId(`lesson-link-${lessonId}`)).toHaveAttribute('aria-current', 'page');
}

/** Python is ready and the lazily loaded editor and terminal have mounted. */
export async function waitForPython(page: Page): Promise<void> {
  await expect(page.getByTestId('python-ready')).toBeVisible({ timeout: PYTHON_TIMEOUT });
  await expect(page.getByTestId('editor')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('terminal')).toHaveAttribute('data-ready', 'true');
}

function nextFrame(page: Page): Promise<void> {
  return page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}

async function visibleRows(page: Page): Promise<string[]> {
  return page
    .locator('[data-testid=terminal] .xterm-rows > div')
    .evaluateAll((rows) => rows.map((row) => (row.textContent ?? '').replace(/\u00a0/g, ' ')));
}

/** The longest k such that the last k rows of `seen` are the first k rows of `next`. */
function overlap(seen: string[], next: string[]): number {
  for (let k = Math.min(seen.length, next.length); k > 0; k--) {
    let same = true;
    for (let i = 0; i < k && same; i++) same = seen[seen.length - k + i] === next[i];
    if (same) return k;
  }
  return 0;
}

/**
 * Everything in the terminal, scrollback included. xterm's DOM renderer only holds the visible
 * rows, so this pages through the buffer with Shift+PageUp/PageDown (xterm scrolls on those itself;
 * the shell never sees them) and stitches the pages together. A row as wide as the widest row is
 * taken as wrapped and joined to the next, so a long path or secret can be searched for as one
 * string (a line that only happens to fill the width gets glued too: search substrings, never
 * anchor a pattern to a line start). Leaves the view at the bottom.
 */
export async function terminalText(page: Page): Promise<string> {
  const input = page.locator('[data-testid=terminal] .xterm-helper-textarea');
  await input.focus();
  // To the top: stop when a page up no longer changes what is shown.
  let previous = '';
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press('Shift+PageUp');
    await nextFrame(page);
    const now = (await visibleRows(page)).join('\n');
    if (now === previous) break;
    previous = now;
  }
  let rows = await visibleRows(page);
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press('Shift+PageDown');
    await nextFrame(page);
    const next = await visibleRows(page);
    if (next.join('\n') === rows.slice(-next.length).join('\n')) break;
    rows = rows.concat(next.slice(overlap(rows, next)));
  }
  const width = Math.max(...rows.map((r) => r.length));
  // A row that fills the whole width was wrapped by xterm: glue the next one to it.
  return rows.reduce(
    (text, row, i) => text + row.trimEnd() + (row.length >= width && i < rows.length - 1 ? '' : '\n'),
    '',
  );
}

/** Wait until the terminal shows every one of `needles` (scrollback included). */
export async function expectTerminalToShow(
  page: Page,
  needles: Array<string | RegExp>,
  timeout = 30_000,
): Promise<string> {
  let text = '';
  await expect
    .poll(
      async () => {
        text = await terminalText(page);
        return needles.filter((n) => (typeof n === 'string' ? !text.includes(n) : !n.test(text))).map(String);
      },
      { timeout, message: 'terminal text is missing these' },
    )
    .toEqual([]);
  return text;
}

/** How many times `needle` occurs in the terminal right now. */
export async function countInTerminal(page: Page, needle: string): Promise<number> {
  return (await terminalText(page)).split(needle).length - 1;
}

/** Type a command line at the terminal's prompt, as a learner would, and press Enter. */
export async function typeInTerminal(page: Page, line: string): Promise<void> {
  await page.getByTestId('terminal').click();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

/** The learner's files for a lesson, as the app saved them in localStorage. */
export async function storedFiles(page: Page, lessonId: string): Promise<Record<string, string>> {
  return page.evaluate(
    (key) => JSON.parse(localStorage.getItem(key) ?? '{}') as Record<string, string>,
    `prodready:v1:files:${lessonId}`,
  );
}

async function focusEditorOn(page: Page, file: string): Promise<void> {
  await page.getByTestId(`file-tab-${file}`).click();
  await expect(page.getByTestId(`file-tab-${file}`)).toHaveAttribute('aria-selected', 'true');
  await page.locator('[data-testid=editor] .monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
}

/**
 * Replace a file's content in Monaco: select all, then paste the text with Ctrl+V from the system
 * clipboard. A paste is taken verbatim, whereas typing (or an IME insert) goes through Monaco's
 * auto-closing and auto-indent and would rewrite Python. Waits until the app saved the file.
 */
export async function setEditorContent(page: Page, lessonId: string, file: string, text: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await focusEditorOn(page, file);
  await page.keyboard.press('ControlOrMeta+V');
  await expect.poll(async () => (await storedFiles(page, lessonId))[file]).toBe(text);
}

/** Replace a file's content by typing it key by key (only for text Monaco does not auto-close). */
export async function typeInEditor(page: Page, lessonId: string, file: string, text: string): Promise<void> {
  await focusEditorOn(page, file);
  await page.keyboard.type(text);
  await expect.poll(async () => (await storedFiles(page, lessonId))[file]).toBe(text);
}

/** The text Monaco shows for the visible lines of the open file. */
export async function editorText(page: Page): Promise<string> {
  const text = await page.locator('[data-testid=editor] .monaco-editor .view-lines').innerText();
  return text.replace(/\u00a0/g, ' ');
}

/** Run the open lesson with the button and wait until it serves. */
export async function runAndWaitForServing(page: Page): Promise<void> {
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-phase', 'serving', { timeout: 60_000 });
}

/**
 * Press Check (or do `trigger`) and wait for the results of this check, not a previous one: the
 * summary is re-created after every grading (the panel shows "Checking…" in between), so the old
 * one is tagged first and only an untagged summary counts.
 */
export async function check(page: Page, trigger?: () => Promise<void>): Promise<void> {
  await page.evaluate(() => document.querySelector('[data-testid=checks-summary]')?.setAttribute('data-e2e-stale', ''));
  await (trigger ? trigger() : page.getByTestId('check-button').click());
  await expect(page.locator('[data-testid=checks-summary]:not([data-e2e-stale])')).toBeVisible({ timeout: 120_000 });
}
