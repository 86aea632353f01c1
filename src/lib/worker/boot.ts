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
import { harnessDigest, loadFromSnapshot, snapshotMismatch, type ArrivingSnapshot } from './snapshot';
import { SNAPSHOT_FORMAT, SnapshotUnpacker } from './snapshot-format';
import type { BootProgress, SessionId } from '../runtime/protocol';

/** How often the progress bar hears of bytes arriving (a stage change is reported at once). */
const PROGRESS_INTERVAL_MS = 100;

/** Pyodide's loader (a module it imports) and its wasm. */
const LOADER_FILE = 'pyodide.asm.mjs';
const WASM_FILE = 'pyodide.asm.wasm';

/** What the progress bar counts: the files Pyodide loads while it starts, plus ours. */
const BOOT_FILES = [LOADER_FILE, WASM_FILE, 'pyodide-lock.json', STDLIB_ARCHIVE, PACKAGES_ARCHIVE];

export interface BootHooks {
  progress(progress: BootProgress): void;
  output(session: SessionId, text: string): void;
}

/** Hands each chunk of a response's body to `chunk` as it arrives. */
async function readChunks(response: Response, chunk: (bytes: Uint8Array) => void): Promise<void> {
  const name = response.url.slice(response.url.lastIndexOf('/') + 1);
  if (!response.ok || !response.body) throw new Error(`${name}: HTTP ${response.status}`);
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    chunk(value);
  }
}

/**
 * Reads a response's body into one buffer, counting bytes as they arrive (the progress bar). Read
 * at once: a body nobody reads stops downloading when the browser's pipe is full.
 */
async function readAll(response: Response, onBytes: (count: number) => void): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  await readChunks(response, (chunk) => {
    chunks.push(chunk);
    size += chunk.byteLength;
    onBytes(chunk.byteLength);
  });
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The packed snapshot unpacked into its image as it arrives, counting bytes (snapshot-format.ts). */
function readSnapshot(response: Promise<Response>, onBytes: (count: number) => void): ArrivingSnapshot {
  const unpacker = new SnapshotUnpacker();
  let sized: (image: Uint8Array) => void = () => {};
  const image = new Promise<Uint8Array>((resolve) => (sized = resolve));
  const complete = (async () => {
    await readChunks(await response, (chunk) => {
      unpacker.push(chunk);
      onBytes(chunk.byteLength);
      if (unpacker.image) sized(unpacker.image);
    });
    return unpacker.finish();
  })();
  return { image: Promise.race([image, complete]), complete };
}

/**
 * The boot's downloads, all started when the worker starts: nothing waits for the manifest, for
 * Pyodide's loader or for the wasm before it. The snapshot's is cancelled when the manifest says it
 * cannot be restored (docs/performance.md).
 */
class Downloads {
  readonly snapshot: ArrivingSnapshot;
  readonly packages: Promise<Uint8Array<ArrayBuffer>>;
  readonly stdlib: Promise<Uint8Array<ArrayBuffer>>;
  /** Pyodide's wasm, unread: compiled as it streams in, or handed to Pyodide on the ordinary boot. */
  readonly wasm: Promise<Response>;
  /** Pyodide's loader module: the same URL imported now is the one Pyodide's loader gets later. */
  readonly loader: Promise<unknown>;
  private readonly cancelSnapshot = new AbortController();

  constructor(
    readonly base: string,
    onBytes: (count: number) => void,
  ) {
    const read = (name: string) => fetch(base + name).then((response) => readAll(response, onBytes));
    this.snapshot = readSnapshot(fetch(base + SNAPSHOT_FILE, { signal: this.cancelSnapshot.signal }), onBytes);
    // Awaited only when the snapshot is used.
    this.snapshot.image.catch(() => {});
    this.snapshot.complete.catch(() => {});
    this.packages = read(PACKAGES_ARCHIVE);
    this.stdlib = read(STDLIB_ARCHIVE);
    this.wasm = fetch(base + WASM_FILE);
    this.loader = import(/* @vite-ignore */ base + LOADER_FILE);
    this.loader.catch(() => {}); // Pyodide's own import reports a failure
  }

  dropSnapshot(): void {
    this.cancelSnapshot.abort();
  }

  /**
   * fetch() for Pyodide while it loads: the stdlib and the wasm it asks for are the ones already
   * arriving; anything else (its lock file) is fetched and counted as it streams in.
   */
  fetchFor(onBytes: (count: number) => void): typeof fetch {
    const original = globalThis.fetch.bind(globalThis);
    const handedOut = new Set<string>();
    return async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      const once = (name: string) => url === this.base + name && !handedOut.has(name) && handedOut.add(name);
      // The wasm goes through untouched: V8 caches compiled wasm only for a response that keeps
      // its URL (warm loads would compile it again).
      if (once(WASM_FILE)) return this.wasm;
      if (once(STDLIB_ARCHIVE)) return new Response(await this.stdlib);
      const response = await original(input, init);
      if (!response.body) return response;
      return new Response(await readAll(response, onBytes), {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    };
  }
}

/** Why this page cannot restore the build's memory snapshot, or null when it can. */
async function snapshotFallback(manifest: AssetManifest): Promise<string | null> {
  if (!(SNAPSHOT_FILE in manifest.files)) return `${SNAPSHOT_FILE} was not built`;
  return snapshotMismatch(manifest.snapshot, {
    format: SNAPSHOT_FORMAT,
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
  let loaded = 0;
  let total = 0;
  let stage: BootProgress['stage'] = 'python';
  const report = () => hooks.progress({ stage, loaded: Math.min(loaded, total), total });
  // Bytes arrive in a few hundred chunks; a message (and a repaint of the page) for each one took
  // CPU from the boot itself. The bar moves every PROGRESS_INTERVAL_MS; each stage is reported at once.
  let reportedAt = -Infinity;
  const countBytes = (count: number) => {
    loaded += count;
    const now = performance.now();
    if (total === 0 || now - reportedAt < PROGRESS_INTERVAL_MS) return;
    reportedAt = now;
    report();
  };
  const downloads = new Downloads(assetBase(), countBytes);
  const manifest = (await (await fetch(downloads.base + MANIFEST)).json()) as AssetManifest;
  let fallback = await snapshotFallback(manifest);
  if (fallback) downloads.dropSnapshot();
  const sizeOf = (name: string) => manifest.files[name]?.bytes ?? 0;
  total = (fallback ? BOOT_FILES : [...BOOT_FILES, SNAPSHOT_FILE]).reduce((sum, name) => sum + sizeOf(name), 0);
  // The wasm and the loader are not read through readAll: counted whole when they arrive.
  for (const [file, arrived] of [
    [WASM_FILE, downloads.wasm],
    [LOADER_FILE, downloads.loader],
  ] as const)
    void arrived.then(
      () => countBytes(sizeOf(file)),
      () => {},
    );
  const plainFetch = globalThis.fetch;
  globalThis.fetch = downloads.fetchFor(countBytes);
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
