/**
 * How the confined child is started: Deno from the pinned npm package, its permission sandbox
 * closed except for reading the runtime's assets, and an environment with nothing of the
 * caller's in it.
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assetFolders } from '../python-boot';
import type { ChildConfig } from './frames';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../..');
export const CHILD_ENTRY = join(here, 'child.ts');

/** The deno binary of the `deno` npm package (its optional dependency for this platform). */
export function denoBinary(): string {
  const require = createRequire(import.meta.url);
  // The package's own resolver: picks @deno/linux-x64-glibc and friends, also when npm skipped its postinstall.
  const api = require('deno/install_api.cjs') as { runInstall(): string };
  return api.runInstall();
}

export interface ChildProcessSpec {
  command: string;
  args: string[];
  env: Record<string, string>;
  cwd: string;
}

/**
 * Everything is denied unless granted, and the one grant is reading the runtime's own folders.
 * The deny flags repeat the default so that a Deno default changing later cannot open a door;
 * `--no-prompt` makes a missing permission an error, never a question on the terminal.
 */
export function childProcess(config: ChildConfig, heapMb: number): ChildProcessSpec {
  const cache = join(repoRoot, 'node_modules/.cache/prodready-deno');
  mkdirSync(cache, { recursive: true });
  const v8 = [
    `--max-old-space-size=${heapMb}`,
    // `constructor.constructor("return Deno")()` and `run_js` need eval; Pyodide itself does not.
    '--disallow-code-generation-from-strings',
  ];
  return {
    command: denoBinary(),
    args: [
      'run',
      '--no-prompt',
      '--no-config',
      '--node-modules-dir=manual',
      '--no-lock',
      '--no-remote',
      '--cached-only',
      '--sloppy-imports',
      `--allow-read=${assetFolders(config.assets).join(',')}`,
      '--deny-write',
      '--deny-net',
      '--deny-env',
      '--deny-run',
      '--deny-ffi',
      '--deny-sys',
      '--deny-import',
      `--v8-flags=${v8.join(',')}`,
      CHILD_ENTRY,
      JSON.stringify(config),
    ],
    // A private cache (Deno keeps transpiled TypeScript there) and nothing else: no CI tokens, no HOME.
    env: { DENO_DIR: cache, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1' },
    cwd: repoRoot,
  };
}
