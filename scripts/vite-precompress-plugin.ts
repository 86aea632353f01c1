/**
 * Precompressed assets: after `vite build`, every compressible file in dist/ gets a `.br` and a
 * `.gz` beside it (cached by content hash in .cache/precompressed/, so a rebuild of unchanged
 * files costs nothing), and `vite preview` serves them to browsers that accept them. Vite compresses
 * nothing itself at preview time except by MIME type on the fly (gzip, not the snapshot or the
 * archives); deploy/nginx/prodready.conf serves the same `.gz` files with `gzip_static`.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const CACHE = resolve(import.meta.dirname, '../.cache/precompressed');
/** Below this, headers outweigh the saving. */
const MIN_BYTES = 1024;
/** A variant is kept only when it saves at least this share of the file. */
const MIN_SAVING = 0.05;
// Archives too: setup.js stores the ones the browser downloads uncompressed, for brotli to do
// better; an archive already deflated gains under MIN_SAVING and gets no variant.
const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.wasm',
  '.bin',
  '.svg',
  '.map',
  '.txt',
  '.zip',
]);
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.zip': 'application/zip',
};

type Encoding = 'br' | 'gzip';
const SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' };

function compress(data: Buffer, encoding: Encoding): Buffer {
  if (encoding === 'gzip') return gzipSync(data, { level: 9 });
  // Quality 11 takes minutes on a memory snapshot for a few percent; 5 above 32 MB (a 38 MB
  // snapshot took four times as long at 9 for 4% less), 9 for the rest (the packed snapshot is
  // 24 MB: 30 s once, cached by content below).
  const quality = data.length > 32e6 ? 5 : 9;
  return brotliCompressSync(data, {
    params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
  });
}

function cachedCompress(data: Buffer, encoding: Encoding): Buffer {
  const key = join(CACHE, createHash('sha256').update(data).digest('hex') + SUFFIX[encoding]);
  if (existsSync(key)) return readFileSync(key);
  const out = compress(data, encoding);
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(key, out);
  return out;
}

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

/** Writes NAME.br and NAME.gz beside every compressible file of dir; returns bytes before and after. */
export function precompressDir(dir: string): { files: number; bytes: number; br: number } {
  const total = { files: 0, bytes: 0, br: 0 };
  for (const path of [...files(dir)]) {
    if (!COMPRESSIBLE.has(extname(path))) continue;
    const data = readFileSync(path);
    if (data.length < MIN_BYTES) continue;
    total.files++;
    total.bytes += data.length;
    for (const encoding of ['br', 'gzip'] as const) {
      const out = cachedCompress(data, encoding);
      if (out.length > data.length * (1 - MIN_SAVING)) continue;
      writeFileSync(path + SUFFIX[encoding], out);
      if (encoding === 'br') total.br += out.length;
    }
  }
  return total;
}

/** The variant to send for this request, or null for the file as it is. */
function pickVariant(root: string, request: IncomingMessage): { path: string; encoding: Encoding } | null {
  const url = new URL(request.url ?? '/', 'http://preview');
  const path = resolve(root, '.' + decodeURIComponent(url.pathname));
  if (!path.startsWith(root + '/')) return null;
  const accepted = String(request.headers['accept-encoding'] ?? '');
  for (const encoding of ['br', 'gzip'] as const) {
    if (accepted.includes(encoding) && existsSync(path + SUFFIX[encoding])) {
      return { path: path + SUFFIX[encoding], encoding };
    }
  }
  return null;
}

export function precompressPlugin(): Plugin {
  let outDir = 'dist';
  return {
    name: 'prodready-precompress',
    // `vite preview` resolves its config as a serve command: the middleware is wanted there too.
    apply: (_config, env) => env.command === 'build' || env.isPreview === true,
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const started = performance.now();
      const { files, bytes, br } = precompressDir(outDir);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      this.info(
        `precompressed ${files} files: ${(bytes / 1e6).toFixed(1)} MB → ${(br / 1e6).toFixed(1)} MB brotli (${seconds} s)`,
      );
    },
    configurePreviewServer(server) {
      const root = resolve(server.config.root, server.config.build.outDir);
      server.middlewares.use((request: IncomingMessage, response: ServerResponse, next: () => void) => {
        if (request.method !== 'GET' && request.method !== 'HEAD') return next();
        const variant = pickVariant(root, request);
        if (!variant) return next();
        const plain = variant.path.slice(0, -SUFFIX[variant.encoding].length);
        const body = readFileSync(variant.path);
        response.setHeader('Content-Encoding', variant.encoding);
        response.setHeader('Content-Type', TYPES[extname(plain)] ?? 'application/octet-stream');
        response.setHeader('Content-Length', body.length);
        response.setHeader('Vary', 'Accept-Encoding');
        response.setHeader('Cache-Control', 'no-cache');
        const stat = statSync(variant.path);
        response.setHeader('ETag', `W/"${stat.size}-${stat.mtimeMs}"`);
        for (const [name, value] of Object.entries(server.config.preview.headers ?? {})) {
          response.setHeader(name, value as string);
        }
        if (request.headers['if-none-match'] === response.getHeader('ETag')) {
          response.statusCode = 304;
          response.end();
          return;
        }
        response.end(request.method === 'HEAD' ? undefined : body);
      });
    },
  };
}
