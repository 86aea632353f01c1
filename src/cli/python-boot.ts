/**
 * Booting the Python host outside the browser, in one function for both the in-process runtime
 * (tests) and the confined child (the CLI): which files the runtime reads lives here only, so the
 * child's read permissions (confined/deno.ts) are derived from the same list. Pyodide starts from
 * the build's memory snapshot (src/lib/worker/snapshot.ts) when it was made from these files.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPyodide, type PyodideAPI } from 'pyodide';
import type { SessionId } from '../lib/runtime/protocol';
import {
  AUDIT_PACKAGES_ARCHIVE,
  PINNED_PACKAGES_ARCHIVE,
  MANIFEST,
  PACKAGES_ARCHIVE,
  SNAPSHOT_FILE,
  STDLIB_ARCHIVE,
  type AssetManifest,
} from '../lib/worker/assets';
import { PythonHost, type HostSources } from '../lib/worker/host';
import { expectedSnapshot, loadFromSnapshot, snapshotMismatch, type SnapshotInfo } from '../lib/worker/snapshot';

/** Where the runtime's files are; nothing outside these folders is read by the runtime. */
export interface RuntimeAssets {
  /** The pyodide npm package (pyodide.asm.wasm, the loader). */
  pyodideDir: string;
  /** What `npm run setup` generates: the packages archive, the precompiled stdlib, the snapshot. */
  assetsDir: string;
  /** The harness's Python sources (src/lib/worker/py). */
  harnessDir: string;
  /** false: boot the ordinary way even when the memory snapshot matches (the benches compare both). */
  snapshot?: boolean;
}

/** The repository's own assets; PRODREADY_ASSETS points at another generated folder. Parent side only (it reads the environment). */
export function defaultAssets(): RuntimeAssets {
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  return {
    pyodideDir: join(repoRoot, 'node_modules/pyodide'),
    assetsDir: process.env.PRODREADY_ASSETS ?? join(repoRoot, 'public/pyodide'),
    harnessDir: join(repoRoot, 'src/lib/worker/py'),
    snapshot: !process.env.PRODREADY_NO_SNAPSHOT,
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

/** The files of `assets`, read once. */
export interface RuntimeSources extends HostSources {
  manifest: AssetManifest;
  /** The precompiled stdlib, or undefined for Pyodide's own. */
  stdlibPath: string | undefined;
}

export function readSources(assets: RuntimeAssets): RuntimeSources {
  const packagesPath = join(assets.assetsDir, PACKAGES_ARCHIVE);
  const manifestPath = join(assets.assetsDir, MANIFEST);
  if (!existsSync(packagesPath) || !existsSync(manifestPath)) {
    throw new MissingAssetsError(`${packagesPath} is missing: run \`npm run setup\` first`);
  }
  const stdlib = join(assets.assetsDir, STDLIB_ARCHIVE);
  const auditPackages = join(assets.assetsDir, AUDIT_PACKAGES_ARCHIVE);
  const pinnedPackages = join(assets.assetsDir, PINNED_PACKAGES_ARCHIVE);
  return {
    manifest: JSON.parse(readFileSync(manifestPath, 'utf8')) as AssetManifest,
    packages: new Uint8Array(readFileSync(packagesPath)),
    harness: readHarness(assets.harnessDir),
    stdlibPath: existsSync(stdlib) ? stdlib : undefined,
    ...(existsSync(auditPackages) ? { auditPackages: new Uint8Array(readFileSync(auditPackages)) } : {}),
    ...(existsSync(pinnedPackages) ? { pinnedPackages: new Uint8Array(readFileSync(pinnedPackages)) } : {}),
  };
}

/** The snapshot these sources need: made with the same Pyodide, harness, packages and stdlib. */
export function snapshotInfoFor(sources: RuntimeSources): Promise<SnapshotInfo> {
  return expectedSnapshot(sources.manifest, sources.harness);
}

export interface LoadOptions {
  /**
   * What Python's `import js` sees. Default: the whole global scope (the browser worker's
   * behaviour); the confined child passes an object with nothing in it.
   */
  jsglobals?: object;
}

export function loadOptions(assets: RuntimeAssets, sources: RuntimeSources, options: LoadOptions = {}) {
  return {
    indexURL: assets.pyodideDir.endsWith('/') ? assets.pyodideDir : `${assets.pyodideDir}/`,
    stdLibURL: sources.stdlibPath,
    // Python's own stdout before the harness routes it; nothing should be printed there.
    stdout: () => {},
    stderr: () => {},
    // `input()` reads end of file, as in the browser: Node's default would read this process's stdin.
    stdin: () => null,
    ...(options.jsglobals ? { jsglobals: options.jsglobals } : {}),
  };
}

export interface BootedPyodide {
  pyodide: PyodideAPI;
  /** null when restored from the memory snapshot, else why the ordinary boot was used. */
  snapshotFallback: string | null;
}

/** Pyodide for these sources: restored from the snapshot when it was made from them. */
export async function bootPyodide(
  assets: RuntimeAssets,
  sources: RuntimeSources,
  options: LoadOptions = {},
): Promise<BootedPyodide> {
  const snapshotPath = join(assets.assetsDir, SNAPSHOT_FILE);
  let fallback =
    assets.snapshot === false
      ? 'PRODREADY_NO_SNAPSHOT is set'
      : snapshotMismatch(sources.manifest.snapshot, await snapshotInfoFor(sources));
  if (!fallback && !existsSync(snapshotPath)) fallback = `${SNAPSHOT_FILE} is missing`;
  const load = loadOptions(assets, sources, options);
  if (!fallback) {
    try {
      const snapshot = new Uint8Array(readFileSync(snapshotPath));
      return { pyodide: await loadFromSnapshot(loadPyodide, load, snapshot), snapshotFallback: null };
    } catch (error) {
      fallback = `Pyodide refused it (${error instanceof Error ? error.message : String(error)})`;
    }
  }
  return { pyodide: await loadPyodide(load), snapshotFallback: fallback };
}

export interface BootOptions extends LoadOptions {
  /** Receives everything projects print, per session. */
  output: (session: SessionId, text: string) => void;
  /**
   * Pyodide's interrupt buffer (a SharedArrayBuffer's Int32Array): writing 2 (SIGINT) into it
   * from another thread raises KeyboardInterrupt in Python, as the browser's Stop does.
   */
  interruptBuffer?: Int32Array;
}

export interface BootedHost {
  host: PythonHost;
  snapshotFallback: string | null;
}

/** Loads Pyodide from `assets` and installs the packages and the harness. */
export async function bootPythonHost(assets: RuntimeAssets, options: BootOptions): Promise<BootedHost> {
  const sources = readSources(assets);
  const { pyodide, snapshotFallback } = await bootPyodide(assets, sources, options);
  if (options.interruptBuffer) pyodide.setInterruptBuffer(options.interruptBuffer);
  return { host: await PythonHost.install(pyodide, sources, options.output), snapshotFallback };
}
