/** `nginx -t` accepts the config that serves prodready itself (deploy/nginx/prodready.conf). */
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { copyFixture, makeCert, makePrefix, nginxTest } from './lib/nginx';

const dirs: string[] = [];
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

test('nginx -t accepts deploy/nginx/prodready.conf', () => {
  const cert = makeCert();
  const prefix = makePrefix();
  dirs.push(cert.dir, prefix.root);
  const text = readFileSync(join(import.meta.dirname, '../../deploy/nginx/prodready.conf'), 'utf8');
  copyFixture(prefix, 'prodready.conf', { httpPort: 8080, httpsPort: 8443, cert }, text);
  const result = nginxTest(prefix);
  assert.ok(result.ok, result.output);
});
