import { describe, expect, test } from 'vitest';
import { aliasTraversal } from './alias-traversal';
import { NO_PYTHON, SITE, SITE_FILE, edit, expectFinding, expectNoFinding, judge, lineOf } from './test-support';

const check = (site: string) => judge(aliasTraversal, NO_PYTHON, { files: { [SITE_FILE]: site } });

const withStatic = (location: string, alias: string) =>
  edit(edit(SITE, 'location /static/ {', `location ${location} {`), 'alias /srv/shop/static/;', `alias ${alias};`);

describe('alias-traversal', () => {
  test('location /static with alias /srv/static/: /static../ reaches the folder above', async () => {
    const site = withStatic('/static', '/srv/static/');
    const verdict = await check(site);
    const finding = expectFinding(verdict, aliasTraversal);
    expect(verdict.findings).toHaveLength(1);
    expect(finding.message).toBe(
      '/static../app.py serves /srv/static/../app.py: location /static has no trailing slash but its alias /srv/static/ does.',
    );
    expect(finding).toMatchObject({ file: SITE_FILE, line: lineOf(site, 'location /static {') });
  });

  test('the same with ^~', async () => {
    const site = withStatic('^~ /media', '/srv/shop/media/');
    const finding = expectFinding(await check(site), aliasTraversal);
    expect(finding.message).toContain('location /media has no trailing slash');
    expect(finding.line).toBe(lineOf(site, 'location ^~ /media {'));
  });

  test('no finding: /static/ with /srv/static/, both with the slash (the lesson solution shape)', async () => {
    expectNoFinding(await check(withStatic('/static/', '/srv/static/')));
  });

  test('no finding: neither ends with a slash', async () => {
    expectNoFinding(await check(withStatic('/static', '/srv/static')));
  });

  test('no finding: a regex location with alias is not a prefix pair', async () => {
    expectNoFinding(await check(withStatic('~ ^/static/(.*)$', '/srv/static/$1')));
  });
});
