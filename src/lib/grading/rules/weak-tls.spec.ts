import { describe, expect, test } from 'vitest';
import { EMULATED_NGINX } from '../../config/nginx';
import { MOZILLA_INTERMEDIATE_CIPHERS, defaultSslProtocols } from '../nginx-tls';
import { weakTls } from './weak-tls';
import { NO_PYTHON, SITE, SITE_FILE, edit, expectFinding, expectNoFinding, judge, lineOf } from './test-support';

const check = (site: string) => judge(weakTls, NO_PYTHON, { files: { [SITE_FILE]: site } });

const PROTOCOLS = 'ssl_protocols TLSv1.2 TLSv1.3;';
const CIPHERS_LINE = SITE.split('\n').find((line) => line.startsWith('ssl_ciphers')) as string;

const withCiphers = (ciphers: string) => edit(SITE, CIPHERS_LINE, `ssl_ciphers ${ciphers};`);

describe('weak-tls', () => {
  test("no ssl_protocols in the TLS servers: they take Debian's http-level list, reported at each server", async () => {
    const site = SITE.replaceAll(`    ${PROTOCOLS}\n`, '');
    const verdict = await check(site);
    const finding = expectFinding(verdict, weakTls);
    expect(finding.message).toBe(
      "No ssl_protocols in this server: it takes Debian's list from /etc/nginx/nginx.conf:33 (TLSv1 TLSv1.1 TLSv1.2 " +
        'TLSv1.3); set ssl_protocols TLSv1.2 TLSv1.3 in the server (OpenSSL 3 at its default security level already ' +
        'refuses TLS 1.0 and 1.1 handshakes, but the config should say what it serves).',
    );
    // Each TLS server is reported at its own server block: the catch-all, then the app's server.
    const lines = site.split('\n');
    const tlsServers = lines.flatMap((line, i) =>
      line === 'server {' && lines[i + 1]?.includes('443 ssl') ? [i + 1] : [],
    );
    expect(tlsServers).toHaveLength(2);
    expect(verdict.findings.map((f) => f.line)).toEqual(tlsServers);
    expect(finding.file).toBe(SITE_FILE);
  });

  test("ssl_protocols at the site's http level adds to Debian's list (nginx ORs a bitmask directive)", async () => {
    const site = `${PROTOCOLS}\n${SITE.replaceAll(`    ${PROTOCOLS}\n`, '')}`;
    const finding = expectFinding(await check(site), weakTls);
    expect(finding.message).toContain(
      "adds to Debian's list (/etc/nginx/nginx.conf:33): nginx enables TLSv1, TLSv1.1 too",
    );
    expect(finding).toMatchObject({ file: SITE_FILE, line: 1 });
  });

  test('ssl_protocols that still name TLSv1.1: the marker is on the directive', async () => {
    const site = edit(
      SITE,
      `ssl_certificate_key /etc/letsencrypt/live/shop.example/privkey.pem;\n    ${PROTOCOLS}`,
      'ssl_certificate_key /etc/letsencrypt/live/shop.example/privkey.pem;\n    ssl_protocols TLSv1.1 TLSv1.2 TLSv1.3;',
    );
    const finding = expectFinding(await check(site), weakTls);
    expect(finding.message).toBe('ssl_protocols allows TLSv1.1; allow TLSv1.2 and TLSv1.3 only.');
    expect(finding).toMatchObject({ file: SITE_FILE, line: lineOf(site, 'ssl_protocols TLSv1.1') });
  });

  test("nginx's compiled-in default by version (ngx_http_ssl_module.c at release-1.22.1, 1.23.4, 1.27.3)", () => {
    expect(defaultSslProtocols('1.22.1')).toEqual(['TLSv1', 'TLSv1.1', 'TLSv1.2']);
    expect(defaultSslProtocols('1.23.3')).toEqual(['TLSv1', 'TLSv1.1', 'TLSv1.2']);
    expect(defaultSslProtocols('1.23.4')).toEqual(['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3']);
    expect(defaultSslProtocols('1.27.3')).toEqual(['TLSv1.2', 'TLSv1.3']);
    expect(defaultSslProtocols()).toEqual(defaultSslProtocols(EMULATED_NGINX.version));
  });

  test("Mozilla 5.7's DHE suites are outside the 6.0 intermediate profile", async () => {
    const finding = expectFinding(
      await check(
        withCiphers(`${MOZILLA_INTERMEDIATE_CIPHERS.join(':')}:DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384`),
      ),
      weakTls,
    );
    expect(finding.message).toContain(
      "outside Mozilla's intermediate profile (6.0: six ECDHE suites, no DHE): DHE-RSA-AES128-GCM-SHA256",
    );
  });

  test('weak ciphers (RC4, 3DES) are named, at the ssl_ciphers line', async () => {
    const site = withCiphers('ECDHE-RSA-AES128-GCM-SHA256:RC4-SHA:DES-CBC3-SHA');
    const finding = expectFinding(await check(site), weakTls);
    expect(finding.message).toBe('ssl_ciphers enables weak ciphers: RC4-SHA, DES-CBC3-SHA.');
    expect(finding.line).toBe(lineOf(site, 'ssl_ciphers'));
  });

  test('weak ciphers by keyword: 3DES and EXPORT', async () => {
    const finding = expectFinding(await check(withCiphers('HIGH:3DES:EXPORT')), weakTls);
    expect(finding.message).toContain('3DES, EXPORT');
  });

  test('a server of its own may lower the http-level protocols', async () => {
    const site = edit(SITE, '    ssl_certificate /etc/', '    ssl_protocols TLSv1 TLSv1.2;\n    ssl_certificate /etc/');
    const verdict = await check(site);
    const finding = expectFinding(verdict, weakTls);
    expect(verdict.findings).toHaveLength(1);
    expect(finding.line).toBe(lineOf(site, 'ssl_protocols TLSv1 TLSv1.2'));
  });

  test("no finding: TLSv1.2 TLSv1.3 and Mozilla's intermediate ciphers (the lesson solution)", async () => {
    expectNoFinding(await check(SITE));
  });

  test('no finding: RC4, 3DES and MD5 excluded with ! (and nginx-like defaults)', async () => {
    expectNoFinding(await check(withCiphers('HIGH:!aNULL:!MD5:!RC4:!3DES')));
  });

  test('a site without TLS servers has no TLS to judge: not a pass, a blocking error that says so', async () => {
    await expect(check('server {\n    listen 80;\n    return 301 https://$host$request_uri;\n}\n')).rejects.toThrow(
      /No server in nginx\/shop.conf listens on port 443 with TLS/,
    );
  });

  test('weak components inside suite names: ECDHE-RSA-DES-CBC3-SHA and ECDHE-RSA-RC4-SHA', async () => {
    const finding = expectFinding(
      await check(withCiphers('ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-DES-CBC3-SHA:ECDHE-RSA-RC4-SHA')),
      weakTls,
    );
    expect(finding.message).toContain('ECDHE-RSA-DES-CBC3-SHA, ECDHE-RSA-RC4-SHA');
  });
});
