import { expect, test } from '@playwright/test';
import { expectTerminalToShow, openLesson, runAndWaitForServing, typeInTerminal, waitForPython } from './helpers';

const LESSON_5 = '05-nginx-tls';

test("lesson 5: curl goes through the starter's nginx over plain http, and shows both hops' logs", async ({ page }) => {
  await openLesson(page, LESSON_5);
  await waitForPython(page);
  await runAndWaitForServing(page);

  await typeInTerminal(page, 'curl -i /orders/abc');
  const text = await expectTerminalToShow(
    page,
    [
      // The starter's nginx has no TLS server, so the site is plain http.
      'GET http://shop.example/orders/abc through nginx',
      /HTTP\/1\.1 500 /,
      // nginx's access log: the visitor, the request line, the status the app gave.
      /nginx\s+│ 198\.51\.100\.23 - - \[[^\]]+\] "GET \/orders\/abc HTTP\/1\.1" 500/,
      // The app server's log: the traceback Flask logged for the ValueError.
      /app\s+│ .*ValueError/,
    ],
    60_000,
  );
  // The app's log shows once, as the app hop, not also streamed above the response.
  expect(text.split('ValueError: invalid literal').length - 1).toBeLessThanOrEqual(1);
  expect(text.indexOf('nginx  │')).toBeLessThan(text.indexOf('app    │'));
  expect(text).not.toContain('https://shop.example/orders/abc');
});
