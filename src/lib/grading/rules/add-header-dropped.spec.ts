import { describe, expect, test } from 'vitest';
import { addHeaderDropped } from './add-header-dropped';
import { parseNginx } from '../../config/nginx';
import {
  NO_PYTHON,
  SITE,
  SITE_FILE,
  edit,
  expectFinding,
  expectNoFinding,
  gradingContext,
  judge,
  lineOf,
} from './test-support';

const check = (site: string) => judge(addHeaderDropped, NO_PYTHON, { files: { [SITE_FILE]: site } });

/** As `prodready audit` judges a real project's config: read as written, for whatever nginx it targets. */
const audit = (site: string) =>
  addHeaderDropped.evaluate({
    ...gradingContext(NO_PYTHON, { files: { [SITE_FILE]: site } }),
    nginx: { ok: true, nginx: { file: SITE_FILE, config: parseNginx(site, SITE_FILE) } },
  });
const OWN_CACHE_HEADER = [
  '        expires 1d;\n',
  '        add_header Cache-Control "public, max-age=86400";\n',
] as const;

describe('add-header-dropped', () => {
  test("a location's own add_header drops the server's security headers there", async () => {
    const site = edit(SITE, '        expires 1d;\n', '        add_header Cache-Control "public, max-age=86400";\n');
    const verdict = await check(site);
    const finding = expectFinding(verdict, addHeaderDropped);
    expect(verdict.findings).toHaveLength(1);
    expect(finding.message).toBe(
      'location /static/ sets its own add_header, so Strict-Transport-Security, X-Content-Type-Options, X-Frame-Options from the level above are not sent there.',
    );
    expect(finding).toMatchObject({ file: SITE_FILE, line: lineOf(site, 'add_header Cache-Control') });
  });

  test("the other way up: a server's own add_header drops the ones set at http level", async () => {
    const site = `add_header X-Content-Type-Options nosniff always;
add_header Referrer-Policy no-referrer always;

server {
    listen 80;
    server_name shop.example;
    add_header Strict-Transport-Security "max-age=63072000" always;
    location / {
        proxy_pass http://127.0.0.1:8000;
    }
}
`;
    const finding = expectFinding(await check(site), addHeaderDropped);
    expect(finding.message).toMatch(/^server sets its own add_header/);
    expect(finding.message).toContain('X-Content-Type-Options, Referrer-Policy from the level above');
    expect(finding.line).toBe(lineOf(site, 'add_header Strict-Transport-Security'));
  });

  test('only the headers not repeated are named', async () => {
    const site = edit(
      SITE,
      '        expires 1d;\n',
      '        add_header Strict-Transport-Security "max-age=63072000" always;\n        add_header Cache-Control public;\n',
    );
    const finding = expectFinding(await check(site), addHeaderDropped);
    expect(finding.message).toContain('so X-Content-Type-Options, X-Frame-Options from the level above');
    expect(finding.message).not.toContain('Strict-Transport-Security,');
  });

  test('no finding: expires sets Cache-Control without an add_header of its own (the lesson solution)', async () => {
    expectNoFinding(await check(SITE));
  });

  test('no finding: the location repeats every header above it (names compared without case) and adds its own', async () => {
    const site = edit(
      SITE,
      '        expires 1d;\n',
      `        add_header strict-transport-security "max-age=63072000" always;
        add_header X-Content-Type-Options nosniff always;
        add_header X-Frame-Options DENY always;
        add_header Cache-Control public;
`,
    );
    expectNoFinding(await check(site));
  });

  test('no finding: add_header in a location when nothing above sets any', async () => {
    const site = `server {
    listen 80;
    location /static/ {
        add_header Cache-Control public;
    }
}
`;
    expectNoFinding(await check(site));
  });

  test('no finding: add_header_inherit merge (nginx >= 1.29.3) keeps the headers from above beside its own', async () => {
    const site = edit(SITE, OWN_CACHE_HEADER[0], `        add_header_inherit merge;\n${OWN_CACHE_HEADER[1]}`);
    expectNoFinding(await audit(site));
    // Without it, the same config drops them: the directive is what changes the verdict.
    expectFinding(await audit(edit(SITE, ...OWN_CACHE_HEADER)), addHeaderDropped);
  });

  test('add_header_inherit off drops the headers from above even in a block with none of its own', async () => {
    const site = edit(SITE, '        expires 1d;\n', '        add_header_inherit off;\n        expires 1d;\n');
    const finding = expectFinding(await audit(site), addHeaderDropped);
    expect(finding.message).toBe(
      'location /static/ has add_header_inherit off, so Strict-Transport-Security, X-Content-Type-Options, X-Frame-Options from the level above are not sent there.',
    );
    expect(finding.line).toBe(lineOf(site, 'add_header_inherit off'));
  });

  test("the emulated nginx (1.22.1) does not know add_header_inherit: the config is refused, in nginx -t's words", async () => {
    const site = edit(SITE, OWN_CACHE_HEADER[0], `        add_header_inherit merge;\n${OWN_CACHE_HEADER[1]}`);
    // A config nginx refuses is the one blocking error of every nginx check, not a verdict.
    await expect(check(site)).rejects.toThrow('unknown directive "add_header_inherit"');
  });
});
