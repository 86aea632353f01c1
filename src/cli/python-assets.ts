/**
 * The Python runtime's assets as the command line reads them from disk (public/pyodide, built by
 * `npm run setup`, and the harness sources), and a Pyodide booted from them: from the memory
 * snapshot when it matches these assets, otherwise the ordinary way.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPyodide, type PyodideAPI } from 'pyodide';
import { MANIFEST, PACKAGES_ARCHIVE, SNAPSHOT_FILE, STDLIB_ARCHIVE, type AssetManifest } from '../lib/worker/assets';
import type { HostSources } from '../lib/worker/host';
import { harnessDigest, loadFromSnapshot, snapshotMismatch, type SnapshotInfo } from '../lib/worker/snapshot';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const assetsDir = process.env.PRODREADY_ASSETS ?? join(repoRoot, 'public/pyodide');
export const pyodideDir = join(repoRoot, 'node_modules/pyodide') + '/';
const harnessDir = join(repoRoot, 'src/lib/worker/py');

export class MissingAssetsError extends Error {}

export function readHarness(dir = harnessDir): Record<string, string> {
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

export interface NodeAssets extends HostSources {
  manifest: AssetManifest;
  /** The precompiled stdlib, or undefined for Pyodide's own. */
  stdlibPath: string | undefined;
}

export function readAssets(): NodeAssets {
  const packagesPath = join(assetsDir, PACKAGES_ARCHIVE);
  const manifestPath = join(assetsDir, MANIFEST);
  if (!existsSync(packagesPath) || !existsSync(manifestPath)) {
    throw new MissingAssetsError(`${packagesPath} is missing: run \`npm run setup\` first`);
  }
  const stdlib = join(assetsDir, STDLIB_ARCHIVE);
  return {
    manifest: JSON.parse(readFileSync(manifestPath, 'utf8')) as AssetManifest,
    packages: new Uint8Array(readFileSync(packagesPath)),
    harness: readHarness(),
    stdlibPath: existsSync(stdlib) ? stdlib : undefined,
  };
}

/** The snapshot these assets would need: the same Pyodide, harness, packages and stdlib. */
export async function snapshotInfoFor(assets: NodeAssets): Promise<SnapshotInfo> {
  return {
    pyodideVersion: assets.manifest.pyodideVersion,
    harness: await harnessDigest(assets.harness),
    packages: assets.manifest.files[PACKAGES_ARCHIVE]?.sha256 ?? '',
    stdlib: assets.manifest.files[STDLIB_ARCHIVE]?.sha256 ?? '',
  };
}

export function loadOptions(assets: NodeAssets) {
  return {
    indexURL: pyodideDir,
    stdLibURL: assets.stdlibPath,
    // Python's own stdout before the harness routes it; nothing should be printed there.
    stdout: () => {},
    stderr: () => {},
  };
}

export interface BootedPython {
  pyodide: PyodideAPI;
  /** null when restored from the snapshot, else why the ordinary boot was used. */
  fallback: string | null;
}

/** Pyodide for these assets: restored from the snapshot when it matches them. */
export async function bootPyodide(assets: NodeAssets): Promise<BootedPython> {
  const snapshotPath = join(assetsDir, SNAPSHOT_FILE);
  let fallback = snapshotMismatch(assets.manifest.snapshot, await snapshotInfoFor(assets));
  if (!fallback && !existsSync(snapshotPath)) fallback = `${SNAPSHOT_FILE} is missing`;
  if (!fallback) {
    try {
      const snapshot = new Uint8Array(readFileSync(snapshotPath));
      return { pyodide: await loadFromSnapshot(loadPyodide, loadOptions(assets), snapshot), fallback: null };
    } catch (error) {
      fallback = `Pyodide refused it (${error instanceof Error ? error.message : String(error)})`;
    }
  }
  return { pyodide: await loadPyodide(loadOptions(assets)), fallback };
}
