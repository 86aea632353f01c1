import { expect, test } from '@playwright/test';
import {
  check,
  expectTerminalToShow,
  LESSON_1,
  openLesson,
  runAndWaitForServing,
  typeInTerminal,
  waitForPython,
} from './helpers';

test('nothing is requested from another origin during boot, run, attack, preview and check', async ({
  page,
  context,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  const urls = new Set<string>();
  // The page's requests include its dedicated workers' (Pyodide's downloads); the context also
  // sees service workers and any other page.
  page.on('request', (request) => urls.add(request.url()));
  context.on('request', (request) => urls.add(request.url()));
  page.on('worker', (worker) => urls.add(worker.url()));

  await openLesson(page, LESSON_1);
  await waitForPython(page);
  await runAndWaitForServing(page);
  await typeInTerminal(page, 'curl -i /orders/abc');
  await expectTerminalToShow(page, [/HTTP\/1\.[01] 500/]);
  await page.getByTestId('preview-path').fill('/orders/abc');
  await page.getByTestId('preview-go').click();
  await expect(page.getByTestId('preview-frame')).toBeVisible();
  await check(page);
  await expect(page.getByTestId('check-names-the-leak')).toBeVisible();

  const all = [...urls];
  // The recorder saw the worker's own downloads, so an empty list cannot pass by accident.
  expect(all.some((u) => u.includes('/pyodide/pyodide.asm.wasm'))).toBe(true);
  expect(all.some((u) => u.includes('/pyodide/packages.zip'))).toBe(true);
  const foreign = all.filter((u) => !u.startsWith(`${origin}/`) && !/^(data|blob):/.test(u));
  expect(foreign).toEqual([]);
});
