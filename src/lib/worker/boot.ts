/**
 * Staged boot of Python in the browser worker: Pyodide (wasm + stdlib) restored from the memory
 * snapshot, the packages archive, the harness, from the downloads the worker's entry started
 * (downloads.ts). Reports bytes as they arrive, against the totals in the asset manifest.
 */
import { loadPyodide } from 'pyodide';
import { PACKAGES_ARCHIVE, PINNED_PACKAGES_ARCHIVE, SNAPSHOT_FILE, STDLIB_ARCHIVE, type AssetManifest } from './assets';
import { harnessSources } from './harness-sources';
import { PythonHost, pinsFlaskOrWerkzeug } from './host';
import { LOADER_FILE, WASM_FILE, type Downloads } from './downloads';
import { expectedSnapshot, loadFromSnapshot, snapshotMismatch } from './snapshot';
import type { BootProgress, SessionId } from '../runtime/protocol';

/** How often the progress bar hears of bytes arriving (a stage change is reported at once). */
const PROGRESS_INTERVAL_MS = 100;

/** What the progress bar counts: the files Pyodide loads while it starts, plus ours. */
const BOOT_FILES = [LOADER_FILE, WASM_FILE, 'pyodide-lock.json', STDLIB_ARCHIVE, PACKAGES_ARCHIVE];

export interface BootHooks {
  progress(progress: BootProgress): void;
  output(session: SessionId, text: string): void;
}

/** Why this page cannot restore the build's memory snapshot, or null when it can. */
async function snapshotFallback(manifest: AssetManifest): Promise<string | null> {
  if (!(SNAPSHOT_FILE in manifest.files)) return `${SNAPSHOT_FILE} was not built`;
  return snapshotMismatch(manifest.snapshot, await expectedSnapshot(manifest, harnessSources));
}

/**
 * Before a run whose requirements pin Flask or Werkzeug: the pinned old releases, downloaded once
 * (lesson 11 only; every other lesson never fetches them).
 */
export async function ensurePinnedPackages(
  host: PythonHost,
  files: Record<string, string>,
  downloads: Downloads,
): Promise<void> {
  if (host.hasPinnedPackages || !pinsFlaskOrWerkzeug(files)) return;
  const response = await downloads.request(PINNED_PACKAGES_ARCHIVE);
  if (!response.ok) throw new Error(`${PINNED_PACKAGES_ARCHIVE}: HTTP ${response.status}`);
  host.addPinnedPackages(new Uint8Array(await response.arrayBuffer()));
}

/**
 * A User Timing mark: free when nothing records it, and what scripts/bench-profile.js splits a
 * boot's trace by (docs/performance.md).
 */
export function bootMark(name: string): void {
  performance.mark(`prodready:boot:${name}`);
}

export async function bootPython(
  hooks: BootHooks,
  interruptBuffer: Int32Array | null,
  downloads: Downloads,
): Promise<PythonHost> {
  bootMark('start');
  let total = 0;
  let stage: BootProgress['stage'] = 'python';
  const report = () => hooks.progress({ stage, loaded: Math.min(downloads.loaded, total), total });
  // Bytes arrive in a few hundred chunks; a message (and a repaint of the page) for each one took
  // CPU from the boot itself. The bar moves every PROGRESS_INTERVAL_MS; each stage is reported at once.
  let reportedAt = -Infinity;
  downloads.onBytes = () => {
    const now = performance.now();
    if (total === 0 || now - reportedAt < PROGRESS_INTERVAL_MS) return;
    reportedAt = now;
    report();
  };
  const { manifest } = downloads;
  let fallback = await snapshotFallback(manifest);
  if (fallback) downloads.dropSnapshot();
  const sizeOf = (name: string) => manifest.files[name]?.bytes ?? 0;
  total = (fallback ? BOOT_FILES : [...BOOT_FILES, SNAPSHOT_FILE]).reduce((sum, name) => sum + sizeOf(name), 0);
  // The wasm and the loader are not read chunk by chunk: counted whole when they arrive.
  for (const [file, arrived] of [
    [WASM_FILE, downloads.wasm],
    [LOADER_FILE, downloads.loader],
  ] as const)
    void arrived.then(
      () => downloads.count(sizeOf(file)),
      () => {},
    );
  const plainFetch = globalThis.fetch;
  globalThis.fetch = downloads.fetchForPyodide();
  try {
    report();
    const options = { indexURL: downloads.base, stdLibURL: downloads.base + STDLIB_ARCHIVE };
    let pyodide: Awaited<ReturnType<typeof loadPyodide>> | null = null;
    if (!fallback) {
      try {
        // Pyodide compiles its wasm only once the snapshot has arrived (it awaits `_loadSnapshot`
        // first): compiled here as it streams in, the two overlap (docs/performance.md).
        const wasm = downloads.wasm.then((response) => WebAssembly.compileStreaming(response));
        void downloads.snapshot.complete.then(() => bootMark('snapshot-arrived'));
        pyodide = await loadFromSnapshot(loadPyodide, options, downloads.snapshot, {
          mark: bootMark,
          wasm: () => wasm,
        });
      } catch (error) {
        fallback = `Pyodide refused it (${error instanceof Error ? error.message : String(error)})`;
      }
    }
    // Said in the console either way: the end-to-end tests and anyone debugging a slow boot read it.
    console.info(
      fallback
        ? `prodready: starting Python without the memory snapshot: ${fallback}`
        : 'prodready: Python restored from the memory snapshot',
    );
    pyodide ??= await loadPyodide(options);
    if (interruptBuffer) pyodide.setInterruptBuffer(interruptBuffer);
    bootMark('restored');
    stage = 'packages';
    report();
    const archive = await downloads.packages;
    bootMark('packages-arrived');
    stage = 'harness';
    report();
    const host = await PythonHost.install(pyodide, { packages: archive, harness: harnessSources }, hooks.output);
    bootMark('ready');
    stage = 'ready';
    report();
    return host;
  } finally {
    globalThis.fetch = plainFetch;
  }
}
