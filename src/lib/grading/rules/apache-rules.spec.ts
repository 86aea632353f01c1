/** The Apache rules on lesson 12's solution (clean) and on one edit each that each rule must catch, at its line. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Rule } from '../rule';
import { rules } from './index';
import { apacheForwardedProto } from './apache-forwarded-proto';
import { apacheHeaderMissingAlways } from './apache-header-missing-always';
import { apacheHostHeaderSpoofable } from './apache-host-header-spoofable';
import { apacheOpenProxy } from './apache-open-proxy';
import { apacheProxypassOrder } from './apache-proxypass-order';
import { apacheServerTokens } from './apache-server-tokens';
import { apacheNoHttpsRedirect } from './apache-no-https-redirect';
import { apacheProxyHeadersMissing } from './apache-proxy-headers-missing';
import { apacheProxySsrf } from './apache-proxy-ssrf';
import { apacheAllowWithoutDeny } from './apache-allow-without-deny';
import { apacheH2cSmuggling } from './apache-h2c-smuggling';
import { apacheWeakTls } from './apache-weak-tls';
import { NO_PYTHON, edit, expectFinding, expectNoFinding, judge, lineOf } from './test-support';

const FILE = 'apache/shop.conf';
const SOLUTION = readFileSync(new URL('../../../../lessons/12-apache-proxy/solution/apache/shop.conf', import.meta.url), 'utf8'); // prettier-ignore
const check = (rule: Rule, site: string) => judge(rule, NO_PYTHON, { files: { [FILE]: site } });
const RULES = [apacheOpenProxy, apacheServerTokens, apacheHeaderMissingAlways, apacheForwardedProto, apacheHostHeaderSpoofable, apacheProxypassOrder, apacheWeakTls, apacheNoHttpsRedirect, apacheProxyHeadersMissing, apacheProxySsrf, apacheAllowWithoutDeny, apacheH2cSmuggling]; // prettier-ignore

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

  test("apache-weak-tls: without SSLProtocol, Debian's ssl.conf (all -SSLv3) enables TLS 1.0 and 1.1", async () => {
    const site = edit(SOLUTION, 'SSLProtocol -all +TLSv1.2 +TLSv1.3\n', '');
    const finding = expectFinding(await check(apacheWeakTls, site), apacheWeakTls);
    expect(finding.message).toMatch(
      /\/etc\/apache2\/mods-enabled\/ssl\.conf:\d+ \(SSLProtocol all -SSLv3\), which enables TLSv1, TLSv1\.1/,
    );
    expect(finding).toMatchObject({ file: FILE, line: lineOf(site, '<VirtualHost *:443>') });
  });

  test('apache-weak-tls: a bare protocol replaces the ones before it (TLSv1.1 TLSv1.2 is TLS 1.2 alone)', async () => {
    // The near miss: it reads like a list with TLS 1.1 in it, but mod_ssl keeps the last bare word only (AH02532).
    const replaced = (line: string) => edit(SOLUTION, 'SSLProtocol -all +TLSv1.2 +TLSv1.3', line);
    expectNoFinding(await check(apacheWeakTls, replaced('SSLProtocol TLSv1.1 TLSv1.2')));
    expectNoFinding(await check(apacheWeakTls, replaced('SSLProtocol TLSv1.2 TLSv1.3')));
    const site = edit(SOLUTION, 'SSLProtocol -all +TLSv1.2 +TLSv1.3', 'SSLProtocol TLSv1.2 +TLSv1.1');
    const finding = expectFinding(await check(apacheWeakTls, site), apacheWeakTls);
    expect(finding).toMatchObject({ line: lineOf(site, 'SSLProtocol TLSv1.2 +TLSv1.1') });
    expect(finding.message).toContain('leaves TLSv1.1 enabled');
  });

  test("apache-weak-tls: a vhost's own SSLProtocol replaces the server's, both ways", async () => {
    const inVhost = (line: string) =>
      SOLUTION.replace(/(ServerName shop\.example\n {4}SSLEngine on\n)/, `$1    ${line}\n`);
    const site = inVhost('SSLProtocol all');
    expect(site).not.toBe(SOLUTION);
    expect(expectFinding(await check(apacheWeakTls, site), apacheWeakTls).line).toBe(
      lineOf(site, '    SSLProtocol all'),
    );
    const saved = inVhost('SSLProtocol -all +TLSv1.2').replace(
      'SSLProtocol -all +TLSv1.2 +TLSv1.3\n',
      'SSLProtocol all\n',
    );
    const verdict = await check(apacheWeakTls, saved);
    // The catch-all :443 vhost still takes the weak server-wide line; the shop's own vhost does not.
    expect(verdict.findings.map((f) => f.message)).toEqual([expect.stringContaining('on catch-all.invalid')]);
  });

  test('apache-weak-tls: weak ciphers in SSLCipherSuite, and excluded ones are not', async () => {
    const site = edit(
      SOLUTION,
      'SSLCipherSuite ECDHE-ECDSA-AES128-GCM-SHA256:',
      'SSLCipherSuite DES-CBC3-SHA:RC4-SHA:ECDHE-ECDSA-AES128-GCM-SHA256:',
    );
    const finding = expectFinding(await check(apacheWeakTls, site), apacheWeakTls);
    expect(finding).toMatchObject({ line: lineOf(site, 'SSLCipherSuite'), message: 'SSLCipherSuite enables weak ciphers: DES-CBC3-SHA, RC4-SHA.' }); // prettier-ignore
    expectNoFinding(await check(apacheWeakTls, edit(SOLUTION, 'SSLCipherSuite ECDHE-ECDSA-AES128-GCM-SHA256:', 'SSLCipherSuite HIGH:!aNULL:!RC4:!3DES:ECDHE-ECDSA-AES128-GCM-SHA256:'))); // prettier-ignore
  });

  test('apache-weak-tls: a site without a TLS vhost cannot be judged, and says so', async () => {
    await expect(check(apacheWeakTls, 'ServerTokens Prod\n<VirtualHost *:80>\n    ServerName shop.example\n</VirtualHost>\n')).rejects.toThrow(/no https site to judge/); // prettier-ignore
  });

  test('apache-no-https-redirect: port 80 proxying to the app, at its ProxyPass', async () => {
    const site = edit(
      SOLUTION,
      '    Redirect permanent / https://shop.example/\n',
      '    ProxyPass / http://127.0.0.1:8000/\n',
    );
    const finding = expectFinding(await check(apacheNoHttpsRedirect, site), apacheNoHttpsRedirect);
    expect(finding).toMatchObject({ line: lineOf(site, '    ProxyPass / http://127.0.0.1:8000/') });
    expect(finding.message).toBe('A request for http://shop.example/ on port 80: Apache passes it to the app (http://127.0.0.1:8000) over plain HTTP.'); // prettier-ignore
  });

  test('apache-no-https-redirect: a mod_rewrite redirect to https passes, one to http:// does not', async () => {
    const rewrite = (target: string) => edit(SOLUTION, '    Redirect permanent / https://shop.example/\n', `    RewriteEngine On\n    RewriteRule ^/?(.*)$ ${target} [R=301,L]\n`); // prettier-ignore
    expectNoFinding(await check(apacheNoHttpsRedirect, rewrite('https://%{HTTP_HOST}/$1')));
    const site = rewrite('http://www.shop.example/$1');
    expect(expectFinding(await check(apacheNoHttpsRedirect, site), apacheNoHttpsRedirect).message).toContain('redirects to http://www.shop.example/, still plain HTTP'); // prettier-ignore
  });

  test('apache-proxy-headers-missing: ProxyPreserveHost Off, at the ProxyPass that proxies', async () => {
    const site = edit(SOLUTION, 'ProxyPreserveHost On', 'ProxyPreserveHost Off');
    const finding = expectFinding(await check(apacheProxyHeadersMissing, site), apacheProxyHeadersMissing);
    expect(finding).toMatchObject({ line: lineOf(site, 'ProxyPass / http://127.0.0.1:8000/') });
    expect(finding.message).toBe('https://shop.example/ reaches the app without Host (the app gets 127.0.0.1:8000: ProxyPreserveHost is off).'); // prettier-ignore
  });

  test('apache-proxy-headers-missing: the 443 vhost without X-Forwarded-Proto, and ProxyAddHeaders Off', async () => {
    const site = edit(SOLUTION, '    RequestHeader set X-Forwarded-Proto "https"\n', '    ProxyAddHeaders Off\n');
    const finding = expectFinding(await check(apacheProxyHeadersMissing, site), apacheProxyHeadersMissing);
    expect(finding.message).toContain('without X-Forwarded-For (ProxyAddHeaders Off), X-Forwarded-Proto: https');
  });

  test('apache-proxy-headers-missing: a plain-http vhost that proxies is not asked for X-Forwarded-Proto', async () => {
    // The near miss: port 80 proxying with the Host preserved is another rule's finding (no redirect), not this one's.
    const site = edit(SOLUTION, '    Redirect permanent / https://shop.example/\n', '    ProxyPreserveHost On\n    ProxyPass / http://127.0.0.1:8000/\n'); // prettier-ignore
    expectNoFinding(await check(apacheProxyHeadersMissing, site));
  });

  /** The solution with `lines` written in the shop's *:443 vhost, before its first ProxyPass. */
  const inShopVhost = (lines: string) =>
    edit(SOLUTION, '    ProxyPass /static !\n', `${lines}    ProxyPass /static !\n`);

  test('apache-proxy-ssrf: the host of a ProxyPassMatch URL is a capture of the request path', async () => {
    const site = inShopVhost('    ProxyPassMatch "^/fetch/([^/]+)/(.*)$" "http://$1/$2"\n');
    const finding = expectFinding(await check(apacheProxySsrf, site), apacheProxySsrf);
    expect(finding).toMatchObject({ line: lineOf(site, 'ProxyPassMatch') });
    expect(finding.message).toContain('the host of http://$1/$2 comes from the request');
    // The near miss: a capture in the path only, to a fixed host.
    expectNoFinding(await check(apacheProxySsrf, inShopVhost('    ProxyPassMatch "^/api/(.*)$" "http://127.0.0.1:8000/api/$1"\n'))); // prettier-ignore
  });

  test('apache-proxy-ssrf: RewriteRule [P] to a host from the Host header; the same target as a redirect is not', async () => {
    const rule = (flags: string) => inShopVhost(`    RewriteEngine On\n    RewriteRule "^/img/(.*)$" "http://%{HTTP_HOST}.cdn.internal/$1" ${flags}\n`); // prettier-ignore
    const site = rule('[P]');
    expect(expectFinding(await check(apacheProxySsrf, site), apacheProxySsrf).line).toBe(lineOf(site, 'RewriteRule'));
    expectNoFinding(await check(apacheProxySsrf, rule('[R=301,L]')));
  });

  test('apache-allow-without-deny: Order Deny,Allow with Allow from alone lets everyone in', async () => {
    const section = (order: string, extra = '') => inShopVhost(`    <Location /admin>\n        Order ${order}\n${extra}        Allow from 10.0.0.0/8\n    </Location>\n`); // prettier-ignore
    const site = section('Deny,Allow');
    const finding = expectFinding(await check(apacheAllowWithoutDeny, site), apacheAllowWithoutDeny);
    expect(finding).toMatchObject({ line: lineOf(site, 'Allow from 10.0.0.0/8') });
    expect(finding.message).toBe('<Location /admin> says Order Deny,Allow and Allow from 10.0.0.0/8 without Deny from all: every address is allowed.'); // prettier-ignore
    // The near misses: Allow,Deny denies by default; Deny,Allow with Deny from all denies the rest.
    expectNoFinding(await check(apacheAllowWithoutDeny, section('Allow,Deny')));
    expectNoFinding(await check(apacheAllowWithoutDeny, section('deny,allow', '        Deny from all\n')));
  });

  test('apache-h2c-smuggling: upgrade=ANY (and h2c listed) on the ProxyPass; upgrade=websocket is not', async () => {
    const upgrade = (option: string) => edit(SOLUTION, 'ProxyPass / http://127.0.0.1:8000/\n', `ProxyPass / http://127.0.0.1:8000/ ${option}\n`); // prettier-ignore
    const site = upgrade('upgrade=ANY');
    const finding = expectFinding(await check(apacheH2cSmuggling, site), apacheH2cSmuggling);
    expect(finding).toMatchObject({ line: lineOf(site, 'upgrade=ANY') });
    expectFinding(await check(apacheH2cSmuggling, upgrade('upgrade=websocket,h2c')), apacheH2cSmuggling);
    expectNoFinding(await check(apacheH2cSmuggling, upgrade('upgrade=websocket')));
  });

  test('docs/rules.md lists every nginx rule with its Apache counterpart, and every Apache rule', () => {
    const docs = readFileSync(new URL('../../../../docs/rules.md', import.meta.url), 'utf8');
    const table = docs.slice(docs.indexOf('## nginx rules and their Apache counterparts'));
    const rows = new Map(
      [...table.matchAll(/^\| `([a-z0-9-]+)` +\| (`([a-z0-9-]+)`|[^|]+?) +\|/gm)].map((m) => [m[1], m[3]] as const),
    );
    const byScope = (scope: string) => Object.values(rules).filter((rule) => rule.scope === scope).map((rule) => rule.id); // prettier-ignore
    expect([...rows.keys()].sort()).toEqual(byScope('nginx').sort());
    const named = [...rows.values()].filter((id): id is string => id !== undefined);
    for (const id of named) expect(rules[id as keyof typeof rules]?.scope).toBe('apache');
    const apacheOnly = [...table.matchAll(/`(apache-[a-z0-9-]+)`/g)].map((m) => m[1]);
    expect(new Set(apacheOnly)).toEqual(new Set(byScope('apache')));
  });
});
