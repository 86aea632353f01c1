import { describe, expect, test } from 'vitest';
import { hookScripts, readRenewalConf, reloadsNginx, webrootFor } from './certbot';

describe('reloadsNginx', () => {
  test.each([
    'systemctl reload nginx',
    '/usr/bin/systemctl reload nginx.service',
    'sudo systemctl restart nginx',
    'nginx -s reload',
    'service nginx reload',
    'nginx -t && systemctl reload nginx',
  ])('%s reloads', (line) => expect(reloadsNginx(`#!/bin/sh\n${line}\n`)).toBe(true));

  test.each([
    '# systemctl reload nginx',
    'systemctl reload apache2',
    'echo systemctl reload nginx',
    'systemctl status nginx',
  ])('%s does not', (line) => expect(reloadsNginx(`#!/bin/sh\n${line}\n`)).toBe(false));
});

describe('renewal conf', () => {
  const conf = (text: string) => readRenewalConf({ 'letsencrypt/renewal/shop.example.conf': text }, 'shop.example')!;

  test('webroot_map for the name wins over webroot_path', () => {
    const found = webrootFor(conf('[renewalparams]\nwebroot_path = /var/www/a,\n[[webroot_map]]\nshop.example = /var/www/b/\n'), 'shop.example'); // prettier-ignore
    expect(found).toEqual({ path: '/var/www/b', line: 4 });
  });

  test('webroot_path alone, its trailing comma dropped; none at all is null', () => {
    expect(webrootFor(conf('[renewalparams]\nwebroot_path = /var/www/a,\n'), 'shop.example')?.path).toBe('/var/www/a');
    expect(webrootFor(conf('[renewalparams]\nauthenticator = standalone\n'), 'shop.example')).toBeNull();
  });

  test('no renewal conf is null', () => {
    expect(readRenewalConf({}, 'shop.example')).toBeNull();
  });
});

test('hook scripts are found by stage, nothing deeper', () => {
  const hooks = hookScripts({
    'letsencrypt/renewal-hooks/deploy/reload': 'x',
    'letsencrypt/renewal-hooks/pre/stop': 'y',
    'letsencrypt/renewal-hooks/deploy/sub/z': 'z',
  });
  expect(hooks.map((hook) => [hook.file, hook.stage])).toEqual([
    ['letsencrypt/renewal-hooks/deploy/reload', 'deploy'],
    ['letsencrypt/renewal-hooks/pre/stop', 'pre'],
  ]);
});
