/**
 * Booting the Python host outside the browser, in one function for both the in-process runtime
 * (tests) and the confined child (the CLI): which files the runtime reads lives here only, so the
 * child's read permissions (confined/deno.ts) are derived from the same list.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPyodide } from 'pyodide';
import type { SessionId } from '../lib/runtime/protocol';
import { PACKAGES_ARCHIVE, STDLIB_ARCHIVE } from '../lib/worker/assets';
import { PythonHost } from '../lib/worker/host';

/** Where the runtime's files are; nothing outside these folders is read by the runtime. */
export interface RuntimeAssets {
  /** The pyodide npm package (pyodide.asm.wasm, the loader). */
  pyodideDir: string;
  /** What scripts/setup.js generates: the packages archive and the precompiled stdlib. */
  assetsDir: string;
  /** The harness's Python sources (src/lib/worker/py). */
  harnessDir: string;
}

/** The repository's own assets; PRODREADY_ASSETS points at another generated folder. Parent side only (it reads the environment). */
export function defaultAssets(): RuntimeAssets {
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  return {
    pyodideDir: join(repoRoot, 'node_modules/pyodide'),
    assetsDir: process.env.PRODREADY_ASSETS ?? join(repoRoot, 'public/pyodide'),
    harnessDir: join(repoRoot, 'src/lib/worker/py'),
  };
}

export class MissingAssetsError extends Error {}

/** The folders a runtime booted from `assets` reads: the confined child may read these and nothing else. */
export function assetFolders(assets: RuntimeAssets): string[] {
  return [assets.pyodideDir, assets.assetsDir, assets.harnessDir];
}

function readHarness(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (current: string) => {
    for (const name of readdirSync(current).sort()) {
      const path = join(current, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.py')) files[relative(dir, path)] = readFileSync(path, 'utf8');
    }
  };
  walk(dir);
  return files;
}

export interface BootOptions {
  /** Receives everything projects print, per session. */
  output: (session: SessionId, text: string) => void;
  /**
   * What Python's `import js` sees. Default: the whole global scope (the browser worker's
   * behaviour); the confined child passes an object with nothing in it.
   */
  jsglobals?: object;
}

/** Loads Pyodide from `assets` and installs the packages and the harness. */
export async function bootPythonHost(assets: RuntimeAssets, options: BootOptions): Promise<PythonHost> {
  const packagesPath = join(assets.assetsDir, PACKAGES_ARCHIVE);
  if (!existsSync(packagesPath)) {
    throw new MissingAssetsError(`${packagesPath} is missing: run \`npm run setup\` first`);
  }
  const stdlib = join(assets.assetsDir, STDLIB_ARCHIVE);
  const pyodide = await loadPyodide({
    indexURL: assets.pyodideDir.endsWith('/') ? assets.pyodideDir : `${assets.pyodideDir}/`,
    stdLibURL: existsSync(stdlib) ? stdlib : undefined,
    // Python's own stdout before the harness routes it; nothing should be printed there.
    stdout: () => {},
    stderr: () => {},
    // `input()` reads end of file, as in the browser: Node's default would read this process's stdin.
    stdin: () => null,
    ...(options.jsglobals ? { jsglobals: options.jsglobals } : {}),
  });
  return PythonHost.install(
    pyodide,
    { packages: new Uint8Array(readFileSync(packagesPath)), harness: readHarness(assets.harnessDir) },
    options.output,
  );
}
