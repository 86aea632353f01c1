import { expect, test } from '@playwright/test';
import { expectTerminalToShow, openLesson, runAndWaitForServing, typeInTerminal, waitForPython } from './helpers';

test('lesson 05: openssl s_client -tls1 against the draft finds no TLS, and names why', async ({ page }) => {
  await openLesson(page, '05-nginx-tls');
  await waitForPython(page);
  await typeInTerminal(page, 'openssl s_client -tls1 -connect shop.example:443');
  await expectTerminalToShow(page, ['Connection refused', 'no server in nginx/shop.conf listens on port 443']);
});

test('lesson 07: systemctl shows the secret any user can read, and a kill leaves the shop down', async ({ page }) => {
  await openLesson(page, '07-process-manager');
  await waitForPython(page);
  await runAndWaitForServing(page);
  await typeInTerminal(page, 'systemctl show shop --property=Environment');
  await expectTerminalToShow(page, ['Environment=SECRET_KEY=sk_live_4f9a7c21e8b35d60', 'any user on this machine']);
  await typeInTerminal(page, 'systemctl kill --signal=KILL shop');
  await expectTerminalToShow(page, ["Failed with result 'signal'", 'Restart=no: systemd leaves it down']);
  await expect(page.getByTestId('run-status')).not.toHaveAttribute('data-phase', 'serving');
});
