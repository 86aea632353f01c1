import { expect, test } from '@playwright/test';
import {
  check,
  expectTerminalToShow,
  lessonFile,
  openLesson,
  runAndWaitForServing,
  setEditorContent,
  typeInTerminal,
  waitForPython,
} from './helpers';

const LESSON_12 = '12-apache-proxy';
const METADATA = 'curl -i --request-target http://169.254.169.254/latest/meta-data/ http://shop.example/';

test("lesson 12: the starter's Apache is an open proxy with a version banner that forwards https to port 80; the solution closes it, Check is green", async ({
  page,
}) => {
  test.setTimeout(300_000);
  await openLesson(page, LESSON_12);
  await waitForPython(page);
  await runAndWaitForServing(page);

  await test.step('attack: the proxied page goes through Apache, the metadata URL is fetched for anyone', async () => {
    await typeInTerminal(page, 'curl -i https://shop.example/');
    await expectTerminalToShow(page, [
      '* GET https://shop.example/ through Apache',
      /apache\s+│ shop\.example:443 198\.51\.100\.23 - - \[[^\]]+\] "GET \/ HTTP\/1\.1" 200/,
    ]);
    await typeInTerminal(page, METADATA);
    await expectTerminalToShow(page, [
      // Apache's own answer: ServerTokens left to Debian's security.conf (OS) names the version and the OS.
      'Server: Apache/2.4.71 (Debian)',
      'forward proxy request to http://169.254.169.254/latest/meta-data/ (ProxyRequests On)',
      "ProxyRequests On: Apache fetched a URL of the client's choosing (an open proxy)",
    ]);
  });

  await test.step('Check on the starter: open proxy, banner and X-Forwarded-Proto on port 80 fail, with the cause', async () => {
    await check(page);
    await expect(page.getByTestId('check-no-open-proxy')).toHaveAttribute('data-passed', 'false');
    await expect(page.getByTestId('check-version-hidden')).toHaveAttribute('data-passed', 'false');
    const proto = page.getByTestId('check-proto-only-on-443');
    await expect(proto).toHaveAttribute('data-passed', 'false');
    // The forged scheme, as the grader saw it reach the app: a plain-http request labelled https.
    await expect(proto.locator('.message')).toContainText('on port 80 reaches the app with X-Forwarded-Proto: https');
    await expect(page.getByTestId('check-tls-modern')).toHaveAttribute('data-passed', 'false');
  });

  await test.step("apply the lesson's solution (Apache site and ProxyFix); every check passes", async () => {
    // Read at test time, so the test follows the lesson as it is committed.
    await setEditorContent(page, LESSON_12, 'apache/shop.conf', lessonFile(LESSON_12, 'solution/apache/shop.conf'));
    await setEditorContent(page, LESSON_12, 'app.py', lessonFile(LESSON_12, 'solution/app.py'));
    await check(page);
    const results = page.locator('[data-testid=checks-panel] li[data-testid^=check-]');
    expect(await results.count()).toBeGreaterThan(10);
    await expect(page.locator('[data-testid=checks-panel] li[data-passed=false]')).toHaveCount(0);
    const total = await results.count();
    await expect(page.getByTestId('checks-summary')).toContainText(`${total} of ${total} passed`);
  });

  await test.step('attack again: no forward proxy, port 80 only redirects', async () => {
    // curl reads the Apache site from the editor at each request: no restart needed for Apache's answers.
    await typeInTerminal(page, METADATA);
    // The absolute URL names a host no vhost claims: the catch-all's 403, from Apache without a version.
    await expectTerminalToShow(page, ['HTTP/1.1 403 Forbidden', /^Server: Apache$/m]);
    await typeInTerminal(page, 'curl -i http://shop.example/orders');
    await expectTerminalToShow(page, ['HTTP/1.1 301 Moved Permanently', 'Location: https://shop.example/orders']);
  });
});
