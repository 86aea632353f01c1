import { expect, test } from '@playwright/test';
import {
  check,
  expectTerminalToShow,
  lessonFile,
  openLesson,
  setEditorContent,
  typeInTerminal,
  waitForPython,
} from './helpers';

const CAPSTONE = '14-capstone';
/** The files the capstone's solution writes over the starter (the Gunicorn + systemd + nginx track). */
const SOLUTION_FILES = ['app.py', 'requirements.txt', 'gunicorn.conf.py', 'shop.service', 'nginx/shop.conf'];

test('capstone: the red team names an earlier lesson with a working link; the solution turns every check green', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await openLesson(page, CAPSTONE);
  await waitForPython(page);

  await test.step("the lesson's attacks in the terminal: TLS 1.0 offered, the secret in systemctl show", async () => {
    await typeInTerminal(page, 'openssl s_client -tls1 -connect shop.example:443');
    await expectTerminalToShow(page, ['ssl_protocols TLSv1 TLSv1.1 TLSv1.2 (nginx/shop.conf:15']);
    await typeInTerminal(page, 'systemctl show shop');
    await expectTerminalToShow(page, ['Environment=SECRET_KEY=sk_live_4f9a7c21e8b35d60', 'the service runs as root']);
  });

  await test.step("Check on the starter: the red team names lesson 05's TLS 1.0, with a link back to it", async () => {
    await check(page);
    const redTeam = page.getByTestId('check-red-team');
    await expect(redTeam).toHaveAttribute('data-passed', 'false');
    await expect(redTeam.locator('.message')).toContainText('TLS 1.0, from lesson 05');
    const link = page.getByTestId('check-links-red-team').getByRole('link', { name: /^Lesson 05:/ });
    await expect(link).toHaveAttribute('href', '#/05-nginx-tls');
  });

  await test.step('the link opens lesson 05, and the way back keeps the capstone as it was', async () => {
    await page
      .getByTestId('check-links-red-team')
      .getByRole('link', { name: /^Lesson 05:/ })
      .click();
    await expect(page.getByTestId('lesson-link-05-nginx-tls')).toHaveAttribute('aria-current', 'page');
    await openLesson(page, CAPSTONE);
  });

  await test.step("apply the solution's files; every check passes", async () => {
    // Read at test time, so the test follows the lesson as it is committed.
    for (const file of SOLUTION_FILES) {
      await setEditorContent(page, CAPSTONE, file, lessonFile(CAPSTONE, `solution/${file}`));
    }
    await check(page);
    const results = page.locator('[data-testid=checks-panel] li[data-testid^=check-]');
    expect(await results.count()).toBeGreaterThanOrEqual(8);
    await expect(page.locator('[data-testid=checks-panel] li[data-passed=false]')).toHaveCount(0);
    const total = await results.count();
    await expect(page.getByTestId('checks-summary')).toContainText(`${total} of ${total} passed`);
    await expect(page.getByTestId('check-red-team').locator('.message')).toContainText(
      'attacks of the earlier lessons fail',
    );
  });
});
