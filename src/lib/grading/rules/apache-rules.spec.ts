/** The Apache rules on lesson 12's solution (clean) and on one edit each that each rule must catch, at its line. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Rule } from '../rule';
import { apacheForwardedProto } from './apache-forwarded-proto';
import { apacheHeaderMissingAlways } from './apache-header-missing-always';
import { apacheHostHeaderSpoofable } from './apache-host-header-spoofable';
import { apacheOpenProxy } from './apache-open-proxy';
import { apacheProxypassOrder } from './apache-proxypass-order';
import { apacheServerTokens } from './apache-server-tokens';
import { NO_PYTHON, edit, expectFinding, expectNoFinding, judge, lineOf } from './test-support';

const FILE = 'apache/shop.conf';
const SOLUTION = readFileSync(new URL('../../../../lessons/12-apache-proxy/solution/apache/shop.conf', import.meta.url), 'utf8'); // prettier-ignore
const check = (rule: Rule, site: string) => judge(rule, NO_PYTHON, { files: { [FILE]: site } });
const RULES = [apacheOpenProxy, apacheServerTokens, apacheHeaderMissingAlways, apacheForwardedProto, apacheHostHeaderSpoofable, apacheProxypassOrder]; // prettier-ignore

describe('the Apache rules', () => {
  test.each(RULES.map((rule) => [rule.id, rule] as const))('%s finds nothing in the solution', async (_id, rule) => {
    expectNoFinding(await check(rule, SOLUTION));
  });

  test('apache-open-proxy: ProxyRequests On, at its line', async () => {
    const site = edit(SOLUTION, 'ProxyRequests Off', 'ProxyRequests On');
    const finding = expectFinding(await check(apacheOpenProxy, site), apacheOpenProxy);
    expect(finding).toMatchObject({ file: FILE, line: lineOf(site, 'ProxyRequests On') });
    expect(finding.message).toContain('http://169.254.169.254/latest/meta-data/');
  });

  test("apache-server-tokens: left to Debian's security.conf, it says OS", async () => {
    const site = edit(SOLUTION, 'ServerTokens Prod\n', '');
    const finding = expectFinding(await check(apacheServerTokens, site), apacheServerTokens);
    expect(finding.message).toMatch(
      /Server: Apache\/2\.4\.\d+ \(Debian\) \(\/etc\/apache2\/conf-enabled\/security\.conf:\d+ says ServerTokens OS\)/,
    );
  });

  test('apache-header-missing-always: Header set HSTS is on 2xx only', async () => {
    const site = edit(SOLUTION, 'Header always set Strict-Transport-Security', 'Header set Strict-Transport-Security');
    const finding = expectFinding(await check(apacheHeaderMissingAlways, site), apacheHeaderMissingAlways);
    expect(finding).toMatchObject({ line: lineOf(site, 'Header set Strict-Transport-Security') });
  });

  test('apache-forwarded-proto: RequestHeader at the server level reaches port 80 too', async () => {
    const site = edit(SOLUTION, '    RequestHeader set X-Forwarded-Proto "https"\n', '').replace(
      'ProxyRequests Off\n',
      'ProxyRequests Off\nRequestHeader set X-Forwarded-Proto "https"\n',
    );
    const finding = expectFinding(await check(apacheForwardedProto, site), apacheForwardedProto);
    expect(finding.line).toBe(lineOf(site, 'RequestHeader set X-Forwarded-Proto'));
  });

  test('apache-host-header-spoofable: without the catch-all, the site is the default of *:443', async () => {
    const site = SOLUTION.replace(/# The first vhost of an address[\s\S]*?<\/VirtualHost>\n\n<VirtualHost \*:443>\n {4}ServerName catch-all\.invalid[\s\S]*?<\/VirtualHost>\n\n/, ''); // prettier-ignore
    expect(site).not.toBe(SOLUTION);
    const finding = expectFinding(await check(apacheHostHeaderSpoofable, site), apacheHostHeaderSpoofable);
    expect(finding.message).toContain('on port 443 reaches the app');
  });

  test('apache-proxypass-order: the exclusion after ProxyPass / never applies', async () => {
    const site = edit(SOLUTION, '    ProxyPass /static !\n', '').replace(
      '    ProxyPassReverse / http://127.0.0.1:8000/\n',
      '    ProxyPassReverse / http://127.0.0.1:8000/\n    ProxyPass /static !\n',
    );
    const finding = expectFinding(await check(apacheProxypassOrder, site), apacheProxypassOrder);
    expect(finding).toMatchObject({ line: lineOf(site, 'ProxyPass /static !') });
    expect(finding.message).toContain(`ProxyPass / http://127.0.0.1:8000/ at line ${lineOf(site, 'ProxyPass / http')}`);
  });
});
