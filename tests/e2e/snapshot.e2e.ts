import { expect, test } from '@playwright/test';
import { LESSON_1, PYTHON_TIMEOUT, check, openLesson, runAndWaitForServing } from './helpers';

test('Python boots from the memory snapshot and serves the lesson app', async ({ page }) => {
  const console: string[] = [];
  page.on('console', (message) => console.push(message.text()));
  const snapshotEncoding = page
    .waitForResponse((response) => new URL(response.url()).pathname === '/pyodide/snapshot.bin')
    .then((response) => response.headerValue('content-encoding'));
  await openLesson(page, LESSON_1);
  await expect(page.getByTestId('python-ready')).toBeVisible({ timeout: PYTHON_TIMEOUT });
  expect(console.filter((text) => text.startsWith('prodready:'))).toEqual([
    'prodready: Python restored from the memory snapshot',
  ]);
  // The heap (24 MB without its zero pages) crosses the wire as its brotli file (scripts/vite-precompress-plugin.ts).
  expect(await snapshotEncoding).toBe('br');
  // The restored runtime runs the app and grades it like a fresh one: the starter's debugger leaks.
  await runAndWaitForServing(page);
  await expect(page.getByTestId('terminal')).toContainText('Debugger is active');
  await check(page);
  await expect(page.getByTestId('checks-summary')).toBeVisible();
});
