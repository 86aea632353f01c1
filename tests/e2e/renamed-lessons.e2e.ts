import { expect, test } from '@playwright/test';
import { storedFiles } from './helpers';

// Lesson 05 (nginx) was split in two and the process manager lesson became 07: saved work and old
// links under the old ids must still lead somewhere sensible.
test('an old #/05-nginx link opens the first half, and work saved under old ids moves to the new ones', async ({
  page,
}) => {
  await page.addInitScript(() => {
    // Only on the first load: a reload must find the migrated keys, not re-seed the old ones.
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    const passed = { passed: true, at: '2026-11-01T10:00:00.000Z' };
    localStorage.setItem('prodready:v1:progress', JSON.stringify({ '05-nginx': passed, '06-process-manager': passed }));
    localStorage.setItem('prodready:v1:files:05-nginx', JSON.stringify({ 'nginx/shop.conf': '# my own config\n' }));
  });
  await page.goto('/#/05-nginx');

  await expect(page.getByTestId('lesson-link-05-nginx-tls')).toHaveAttribute('aria-current', 'page');
  await expect(page).toHaveURL(/#\/05-nginx-tls$/);
  for (const id of ['05-nginx-tls', '06-nginx-proxy', '07-process-manager']) {
    await expect(page.getByTestId(`lesson-link-${id}`)).toHaveAttribute('data-completed', 'true');
  }
  await expect(page.getByTestId('lesson-link-04-gunicorn')).toHaveAttribute('data-completed', 'false');
  expect((await storedFiles(page, '06-nginx-proxy'))['nginx/shop.conf']).toBe('# my own config\n');
  expect(await page.evaluate(() => localStorage.getItem('prodready:v1:files:05-nginx'))).toBeNull();

  await page.reload();
  await expect(page.getByTestId('lesson-link-06-nginx-proxy')).toHaveAttribute('data-completed', 'true');
});
