/**
 * Staged boot of Python in the browser worker: Pyodide (wasm + stdlib), the packages archive,
 * the harness. Reports bytes as they arrive, against the totals in the asset manifest.
 */
import { loadPyodide } from 'pyodide';
import {
  ASSET_DIR,
  MANIFEST,
  PACKAGES_ARCHIVE,
  PINNED_PACKAGES_ARCHIVE,
  SNAPSHOT_FILE,
  STDLIB_ARCHIVE,
  type AssetManifest,
} from './assets';
import { harnessSources } from './harness-sources';
import { PythonHost, pinsFlaskOrWerkzeug } from './host';
import { harnessDigest, loadFromSnapshot, snapshotMismatch } from './snapshot';
import type { BootProgress, SessionId } from '../runtime/protocol';

/** How often the progress bar hears of bytes arriving (a stage change is reported at once). */
const PROGRESS_INTERVAL_MS = 100;

/** The files Pyodide fetches itself while it loads, plus ours. */
const BOOT_FILES = ['pyodide.asm.mjs', 'pyodide.asm.wasm', 'pyodide-lock.json', STDLIB_ARCHIVE, PACKAGES_ARCHIVE];

export interface BootHooks {
  progress(progress: BootProgress): void;
  output(session: SessionId, text: string): void;
}

/**
 * Counts the bytes of same-origin asset responses as they stream in. Pyodide fetches its wasm and
 * stdlib itself, so counting at fetch is the one place that sees all of them.
 */
function countingFetch(
  onBytes: (count: number) => void,
  wasmBytes: number,
  onWasm: (response: Response) => void,
): typeof fetch {
  const original = globalThis.fetch.bind(globalThis);
  return async (input, init) => {
    const response = await original(input, init);
    if (!response.body) return response;
    // The WebAssembly binary goes through untouched: V8 caches compiled wasm only for a response
    // that keeps its URL, and a re-wrapped body has none (warm loads would compile it again).
    if (response.url.endsWith('.wasm')) {
      // Its Content-Length is the compressed size when served precompressed; count what it unpacks to.
      onBytes(wasmBytes);
      onWasm(response);
      return response;
    }
    const counter = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        onBytes(chunk.byteLength);
        controller.enqueue(chunk);
      },
    });
    return new Response(response.body.pipeThrough(counter), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

/** Why this page cannot restore the build's memory snapshot, or null when it can. */
async function snapshotFallback(manifest: AssetManifest): Promise<string | null> {
  if (!(SNAPSHOT_FILE in manifest.files)) return `${SNAPSHOT_FILE} was not built`;
  return snapshotMismatch(manifest.snapshot, {
    pyodideVersion: manifest.pyodideVersion,
    harness: await harnessDigest(harnessSources),
    packages: manifest.files[PACKAGES_ARCHIVE]?.sha256 ?? '',
    stdlib: manifest.files[STDLIB_ARCHIVE]?.sha256 ?? '',
  });
}

async function download(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.slice(url.lastIndexOf('/') + 1)}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * Before a run whose requirements pin Flask or Werkzeug: the pinned old releases, downloaded once
 * (lesson 11 only; every other lesson never fetches them).
 */
export async function ensurePinnedPackages(host: PythonHost, files: Record<string, string>): Promise<void> {
  if (host.hasPinnedPackages || !pinsFlaskOrWerkzeug(files)) return;
  host.addPinnedPackages(await download(assetBase() + PINNED_PACKAGES_ARCHIVE));
}

/** Where the Python assets are served, as an absolute URL ending in `/`. */
function assetBase(): string {
  // A relative base ('./', so the site also works under a path, as in an LMS) is relative to the
  // page, not to this worker in assets/: the site's root is one level up from it.
  const root = import.meta.env.BASE_URL.startsWith('/') ? import.meta.env.BASE_URL : '../';
  return new URL(root + ASSET_DIR, self.location.href).href;
}

/**
 * A User Timing mark: free when nothing records it, and what scripts/bench-profile.js splits a
 * boot's trace by (docs/performance.md).
 */
export function bootMark(name: string): void {
  performance.mark(`prodready:boot:${name}`);
}

export async function bootPython(hooks: BootHooks, interruptBuffer: Int32Array | null): Promise<PythonHost> {
  bootMark('start');
  const base = assetBase();
  const manifest = (await (await fetch(base + MANIFEST)).json()) as AssetManifest;
  let fallback = await snapshotFallback(manifest);
  const files = fallback ? BOOT_FILES : [...BOOT_FILES, SNAPSHOT_FILE];
  const total = files.reduce((sum, name) => sum + (manifest.files[name]?.bytes ?? 0), 0);
  let loaded = 0;
  let stage: BootProgress['stage'] = 'python';
  const report = () => hooks.progress({ stage, loaded: Math.min(loaded, total), total });
  // Bytes arrive in a few hundred chunks; a message (and a repaint of the page) for each one took
  // CPU from the boot itself. The bar moves every PROGRESS_INTERVAL_MS; each stage is reported at once.
  let reportedAt = -Infinity;
  const reportBytes = () => {
    const now = performance.now();
    if (now - reportedAt < PROGRESS_INTERVAL_MS) return;
    reportedAt = now;
    report();
  };
  const plainFetch = globalThis.fetch;
  // Pyodide fetches its wasm at once but compiles it only once the snapshot has arrived (it awaits
  // `_loadSnapshot` first): compiled here as it streams in, the two overlap (docs/performance.md).
  let wasm: Promise<WebAssembly.Module> | undefined;
  globalThis.fetch = countingFetch(
    (count) => {
      loaded += count;
      reportBytes();
    },
    manifest.files['pyodide.asm.wasm']?.bytes ?? 0,
    (response) => {
      if (!fallback) wasm ??= WebAssembly.compileStreaming(response);
    },
  );
  try {
    report();
    // The packages (and the snapshot) download in parallel with Pyodide's own start-up.
    const packages = download(base + PACKAGES_ARCHIVE);
    const options = { indexURL: base, stdLibURL: base + STDLIB_ARCHIVE };
    let pyodide: Awaited<ReturnType<typeof loadPyodide>> | null = null;
    if (!fallback) {
      try {
        const snapshot = download(base + SNAPSHOT_FILE).then((bytes) => {
          bootMark('snapshot-arrived');
          return bytes;
        });
        pyodide = await loadFromSnapshot(loadPyodide, options, snapshot, { mark: bootMark, wasm: () => wasm });
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
    const archive = await packages;
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
