/**
 * Booting Pyodide from a memory snapshot: the heap of a runtime that already imported Flask,
 * Werkzeug, Jinja2, Waitress, Gunicorn and the harness (made at build time by
 * scripts/snapshot.ts). Restoring it skips the interpreter's start-up and every one of those
 * imports. Shared by the browser worker (boot.ts) and the command line (node-runtime.ts).
 *
 * What a snapshot cannot hold is handled around it: the file system lives in JS, so the packages
 * and the harness are written again after a restore (host.ts does that on every boot); JS objects
 * made before it do not exist, so nothing the harness keeps refers to one until connect(); the
 * random module's state would be every learner's, so connect() seeds it again.
 */
import type { loadPyodide as LoadPyodide, PyodideAPI } from 'pyodide';
import { PACKAGES_ARCHIVE, STDLIB_ARCHIVE, type AssetManifest } from './assets';
import { SNAPSHOT_FORMAT, unpackSnapshot } from './snapshot-format';

/** What scripts/snapshot.ts records beside the snapshot; a restore happens only when all match. */
export interface SnapshotInfo {
  /** How snapshot.bin is stored (SNAPSHOT_FORMAT); a file of another layout is made again. */
  format: string;
  /** pyodide npm version the snapshot was made with (the heap layout is that build's). */
  pyodideVersion: string;
  /** sha256 of the harness sources imported before the snapshot (harnessDigest). */
  harness: string;
  /** sha256 of packages.zip, whose modules the snapshot imported. */
  packages: string;
  /** sha256 of the stdlib archive: zipimport keeps the archive's offsets in the heap. */
  stdlib: string;
}

type LoadOptions = NonNullable<Parameters<typeof LoadPyodide>[0]>;

/** sha256 (hex) over the harness sources in path order, with the same bytes in Node and browsers. */
export async function harnessDigest(sources: Record<string, string>): Promise<string> {
  const text = Object.keys(sources)
    .sort()
    .map((path) => `${path}\0${sources[path]}\0`)
    .join('');
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The snapshot a runtime with this manifest's archives and these harness sources can restore. */
export async function expectedSnapshot(
  manifest: AssetManifest,
  harness: Record<string, string>,
): Promise<SnapshotInfo> {
  return {
    format: SNAPSHOT_FORMAT,
    pyodideVersion: manifest.pyodideVersion,
    harness: await harnessDigest(harness),
    packages: manifest.files[PACKAGES_ARCHIVE]?.sha256 ?? '',
    stdlib: manifest.files[STDLIB_ARCHIVE]?.sha256 ?? '',
  };
}

/** Why a snapshot cannot serve this runtime, or null when it can. */
export function snapshotMismatch(info: SnapshotInfo | undefined, expected: SnapshotInfo): string | null {
  if (!info) return 'no snapshot was built';
  for (const key of ['format', 'pyodideVersion', 'harness', 'packages', 'stdlib'] as const) {
    if (info[key] !== expected[key]) return `it was made with another ${key === 'pyodideVersion' ? 'Pyodide' : key}`;
  }
  return null;
}

/** Heap bytes inside a snapshot: the header's second word is where the heap starts. */
function heapBytes(snapshot: Uint8Array): number {
  const header = new Uint32Array(snapshot.buffer, snapshot.byteOffset, 4);
  return snapshot.byteLength - (header[1] ?? 0);
}

export interface RestoreHooks {
  /** A User Timing mark at each step (the browser's boot profile reads them). */
  mark?: (name: string) => void;
  /**
   * The wasm module, compiled already from Pyodide's own response (the browser compiles it while
   * the snapshot downloads); Pyodide's instantiateStreaming then only instantiates it.
   */
  wasm?: () => Promise<WebAssembly.Module> | undefined;
}

/**
 * Pyodide 314's wasm exports its own memory, so the INITIAL_MEMORY that `_loadSnapshot` sets is
 * ignored and the restore writes past the end of a fresh instance's heap ("offset is out of
 * bounds"). Growing the exported memory right after instantiation, before Emscripten makes its
 * heap views, gives the restore the room the snapshot needs. Pyodide has no hook there, so the two
 * WebAssembly entry points are wrapped for the duration of one loadPyodide call.
 */
async function withHeapOf<T>(snapshot: Promise<Uint8Array>, load: () => Promise<T>, hooks: RestoreHooks): Promise<T> {
  const { instantiate, instantiateStreaming } = WebAssembly;
  const grow = async <R extends WebAssembly.WebAssemblyInstantiatedSource | WebAssembly.Instance>(
    result: R,
  ): Promise<R> => {
    const instance = result instanceof WebAssembly.Instance ? result : result.instance;
    const memory = instance.exports.memory;
    // Pyodide instantiates a tiny helper module too; only the one with the heap matters here.
    if (!(memory instanceof WebAssembly.Memory)) return result;
    hooks.mark?.('wasm-instantiated');
    const bytes = heapBytes(await snapshot);
    if (memory.buffer.byteLength < bytes) {
      memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / 65536));
    }
    return result;
  };
  const patched = WebAssembly as unknown as Record<string, unknown>;
  patched.instantiate = async (...args: Parameters<typeof instantiate>) =>
    grow(await (instantiate as (...a: unknown[]) => Promise<WebAssembly.WebAssemblyInstantiatedSource>)(...args));
  patched.instantiateStreaming = async (...args: Parameters<typeof instantiateStreaming>) => {
    const compiled = hooks.wasm?.();
    if (!compiled) return grow(await instantiateStreaming(...args));
    // The response was compiled already (its body is used): instantiate that module instead.
    const module = await compiled;
    return grow({ module, instance: await instantiate(module, args[1]) });
  };
  try {
    return await load();
  } finally {
    patched.instantiate = instantiate;
    patched.instantiateStreaming = instantiateStreaming;
  }
}

/** A packed snapshot whose image is still arriving: `image` once its size is known, `complete` once it is whole. */
export interface ArrivingSnapshot {
  image: Promise<Uint8Array>;
  complete: Promise<unknown>;
}

/**
 * loadPyodide from a packed snapshot (snapshot-format.ts), which may still be arriving; throws
 * when Pyodide refuses it (another build id, a bad file) or it never arrives whole.
 *
 * Pyodide awaits `_loadSnapshot` before it instantiates the wasm. Handed the image as soon as its
 * size is known, it instantiates and links the wasm while the rest arrives; `fsInit` runs after
 * that and before the restore (a preRun Pyodide waits for), so the restore waits there for the
 * last byte. A snapshot that fails to arrive never reaches the restore: its failure ends the load.
 */
export function loadFromSnapshot(
  loadPyodide: typeof LoadPyodide,
  options: LoadOptions,
  snapshot: Uint8Array | ArrivingSnapshot,
  hooks: RestoreHooks = {},
): Promise<PyodideAPI> {
  const { image, complete } =
    snapshot instanceof Uint8Array
      ? { image: Promise.resolve().then(() => unpackSnapshot(snapshot)), complete: Promise.resolve() }
      : snapshot;
  const never = new Promise<never>(() => {});
  const failed = complete.then(() => never);
  const fsInit: LoadOptions['fsInit'] = async (FS, info) => {
    await complete.catch(() => never);
    await options.fsInit?.(FS, info);
  };
  return withHeapOf(
    image,
    () => Promise.race([loadPyodide({ ...options, _loadSnapshot: image, fsInit }), failed]),
    hooks,
  );
}
