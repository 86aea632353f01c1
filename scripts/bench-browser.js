// What scripts/bench.js and scripts/bench-profile.js share: Debian's chromium with the end-to-end
// tests' flags, and `vite preview` serving a built site.

import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The same flags as playwright.config.ts (a TypeScript file, so repeated here). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** `vite preview` of `dir` (default: dist/) on 127.0.0.1:port, once it answers. */
export async function startPreview(port, dir) {
  // --bypass-lock: a developer's own `vite preview` of this project may be running.
  const vite = path.join(ROOT, 'node_modules/vite/bin/vite.js');
  const args = [
    vite,
    'preview',
    ...(dir ? ['--outDir', dir] : []),
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--strictPort',
    '--bypass-lock',
  ];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(origin + '/')).ok) return { child, origin };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`vite preview did not start on ${origin}:\n${log}`);
}
