import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { expect, test } from 'vitest';
import { precompressDir } from '../scripts/vite-precompress-plugin';

test('compressible files get .br and .gz variants that unpack to the same bytes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'prodready-precompress-'));
  const script = 'console.log("prodready");\n'.repeat(400);
  writeFileSync(join(dir, 'app.js'), script);
  writeFileSync(join(dir, 'tiny.js'), 'x');
  writeFileSync(join(dir, 'packages.zip'), script);
  const result = precompressDir(dir);
  expect(result.files).toBe(1);
  expect(brotliDecompressSync(readFileSync(join(dir, 'app.js.br'))).toString()).toBe(script);
  expect(gunzipSync(readFileSync(join(dir, 'app.js.gz'))).toString()).toBe(script);
  // Too small to gain, or a format that is compressed already: served as it is.
  expect(existsSync(join(dir, 'tiny.js.br'))).toBe(false);
  expect(existsSync(join(dir, 'packages.zip.br'))).toBe(false);
});
