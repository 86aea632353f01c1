import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { expect, test } from 'vitest';
import { precompressDir } from '../scripts/vite-precompress-plugin';

test('compressible files get .br and .gz variants that unpack to the same bytes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'prodready-precompress-'));
  const script = 'console.log("prodready");\n'.repeat(400);
  writeFileSync(join(dir, 'app.js'), script);
  writeFileSync(join(dir, 'tiny.js'), 'x');
  // An archive whose entries are stored (as setup.js builds packages.zip) and one already compressed.
  const stored = zipSync({ 'app.py': strToU8(script) }, { level: 0 });
  writeFileSync(join(dir, 'packages.zip'), stored);
  writeFileSync(join(dir, 'deflated.zip'), zipSync({ 'data.bin': randomBytes(8192) }, { level: 9 }));
  const result = precompressDir(dir);
  expect(result.files).toBe(3);
  expect(Buffer.compare(brotliDecompressSync(readFileSync(join(dir, 'packages.zip.br'))), stored)).toBe(0);
  expect(brotliDecompressSync(readFileSync(join(dir, 'app.js.br'))).toString()).toBe(script);
  expect(gunzipSync(readFileSync(join(dir, 'app.js.gz'))).toString()).toBe(script);
  // Too small to gain, or a format that is compressed already: served as it is.
  expect(existsSync(join(dir, 'tiny.js.br'))).toBe(false);
  expect(existsSync(join(dir, 'deflated.zip.br'))).toBe(false);
  expect(existsSync(join(dir, 'deflated.zip.gz'))).toBe(false);
});
