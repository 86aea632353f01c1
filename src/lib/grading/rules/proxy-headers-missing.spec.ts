import { describe, expect, test } from 'vitest';
import { proxyHeadersMissing } from './proxy-headers-missing';
import { NO_PYTHON, SITE, SITE_FILE, edit, expectFinding, expectNoFinding, judge, lineOf } from './test-support';

const check = (site: string) => judge(proxyHeadersMissing, NO_PYTHON, { files: { [SITE_FILE]: site } });

const HEADERS_IN_LOCATION = `        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_set_header X-Forwarded-Proto $scheme;
        proxy_set_header X-Forwarded-Host $host;
`;

/** The same headers once at server level, the location with only proxy_pass. */
const HEADERS_AT_SERVER = edit(
  edit(SITE, HEADERS_IN_LOCATION, ''),
  '    location / {',
  `    proxy_set_header Host $host;
    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    proxy_set_header X-Forwarded-Proto $scheme;

    location / {`,
);

describe('proxy-headers-missing', () => {
  test('the inheritance trap: headers at server level, and a location with one proxy_set_header of its own', async () => {
    const site = edit(
      HEADERS_AT_SERVER,
      '        proxy_pass http://127.0.0.1:8000;\n',
      '        proxy_pass http://127.0.0.1:8000;\n        proxy_set_header X-Request-Id $request_id;\n',
    );
    const finding = expectFinding(await check(site), proxyHeadersMissing);
    expect(finding.message).toContain('location / proxies to the app without Host, X-Forwarded-For, X-Forwarded-Proto');
    expect(finding.message).toContain('its own proxy_set_header lines replace every one set above it');
    expect(finding).toMatchObject({ file: SITE_FILE, line: lineOf(site, 'location / {') });
  });

  test('a location that passes Host only: the two missing ones are named, without the inheritance note', async () => {
    const site = edit(SITE, HEADERS_IN_LOCATION, '        proxy_set_header Host $host;\n');
    const finding = expectFinding(await check(site), proxyHeadersMissing);
    expect(finding.message).toBe('location / proxies to the app without X-Forwarded-For, X-Forwarded-Proto.');
    expect(finding.line).toBe(lineOf(site, 'location / {'));
  });

  test('a second proxied location without headers is found; the complete one is not', async () => {
    const site = edit(
      SITE,
      '    location /static/ {',
      '    location /api/ {\n        proxy_pass http://127.0.0.1:8000;\n    }\n\n    location /static/ {',
    );
    const verdict = await check(site);
    expectFinding(verdict, proxyHeadersMissing);
    expect(verdict.findings).toHaveLength(1);
    expect(verdict.findings[0]).toMatchObject({ line: lineOf(site, 'location /api/ {') });
  });

  test('no finding: every header set in the location (the lesson solution)', async () => {
    expectNoFinding(await check(SITE));
  });

  test('no finding: the headers set once at server level and none in the location, which inherits them', async () => {
    expectNoFinding(await check(HEADERS_AT_SERVER));
  });

  test('no finding: headers at http level reach a location without its own (X-Forwarded-For from $remote_addr)', async () => {
    const site =
      'proxy_set_header Host $host;\nproxy_set_header X-Forwarded-For $remote_addr;\nproxy_set_header X-Forwarded-Proto $scheme;\n' +
      edit(SITE, HEADERS_IN_LOCATION, '');
    expectNoFinding(await check(site));
  });

  test('undecided without an nginx config, and never runs Python', async () => {
    const verdict = await judge(proxyHeadersMissing, NO_PYTHON, { files: { 'app.py': '' } });
    expect(verdict).toEqual({ findings: [], inconclusive: 'there is no nginx config' });
  });
});
