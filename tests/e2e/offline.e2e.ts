import { expect, test } from '@playwright/test';
import {
  check,
  LESSON_2,
  lessonFile,
  openLesson,
  runAndWaitForServing,
  setEditorContent,
  waitForPython,
} from './helpers';

// playwright.config.ts blocks service workers for every other test; this one is about them.
test.use({ serviceWorkers: 'allow' });

test('offline workshop: after the first load is saved, a reload without network runs and checks lesson 2', async ({
  page,
  context,
}) => {
  await openLesson(page, LESSON_2);
  await waitForPython(page);

  await test.step('the site, Python included, is saved for offline use, with a progress line', async () => {
    const status = page.getByTestId('offline-status');
    await expect(status).toHaveAttribute('data-state', /saving|ready/, { timeout: 60_000 });
    const seen = await status.textContent();
    if ((await status.getAttribute('data-state')) === 'saving') {
      expect(seen).toMatch(/^Saving for offline: \d+ of \d+ MB$/);
    }
    await expect(status).toHaveAttribute('data-state', 'ready', { timeout: 120_000 });
    // Every file of the build is in the cache, the 38 MB snapshot and the packages among them.
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
      }
      return urls;
    });
    for (const file of ['/index.html', '/pyodide/snapshot.bin', '/pyodide/packages.zip', '/pyodide/pyodide.asm.wasm']) {
      expect(cached, file).toContain(file);
    }
    expect(cached).not.toContain('/pyodide/audit-packages.zip');
  });

  await test.step('the network goes away; a reload still boots Python from the cache', async () => {
    await context.setOffline(true);
    await page.reload();
    await openLesson(page, LESSON_2);
    await waitForPython(page);
    // Served by the worker, not by the network (there is none).
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await expect(page.getByTestId('offline-status')).toHaveAttribute('data-state', 'ready');
  });

  await test.step('Run and Check work offline: the fix passes every check', async () => {
    await setEditorContent(page, LESSON_2, 'app.py', lessonFile(LESSON_2, 'solution/app.py'));
    await runAndWaitForServing(page);
    await check(page);
    await expect(page.locator('[data-testid=checks-panel] li[data-passed=false]')).toHaveCount(0);
    await expect(page.getByTestId('checks-summary')).toContainText('8 of 8 passed');
  });
});
