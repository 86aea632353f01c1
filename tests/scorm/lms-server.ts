/**
 * Test support: a loopback HTTP server standing in for an LMS. `/lms/` is the host page
 * (host.html) with scorm-again's SCORM 1.2 runtime; `/course/` serves an unpacked SCORM package
 * from a folder, the way an LMS serves imported content under a path of its own. Every response
 * carries the cross-origin isolation headers the site is deployed with.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const SCORM_AGAIN = resolve(HERE, '../../node_modules/scorm-again/dist/scorm12.min.js');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.xml': 'application/xml',
};

const HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

export interface LmsServer {
  url: string;
  close(): Promise<void>;
}

/** Serves host.html at /lms/ and the package unpacked in `courseDir` at /course/. */
export async function startLmsServer(courseDir: string): Promise<LmsServer> {
  const routes: Array<[string, (path: string) => string]> = [
    ['/lms/scorm12.min.js', () => SCORM_AGAIN],
    ['/lms/', () => join(HERE, 'host.html')],
    ['/course/', (path) => join(courseDir, decodeURIComponent(path.slice('/course/'.length)))],
  ];
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://lms').pathname;
    const route = routes.find(([prefix]) => (prefix.endsWith('/') ? path.startsWith(prefix) : path === prefix));
    const file = route ? resolve(route[1](path)) : '';
    const inside = route?.[0] !== '/course/' || file.startsWith(resolve(courseDir) + '/');
    if (!route || !inside || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, HEADERS).end('not found');
      return;
    }
    response.writeHead(200, { ...HEADERS, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
