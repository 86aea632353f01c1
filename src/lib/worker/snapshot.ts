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

/** Why a snapshot cannot serve this runtime, or null when it can. */
export function snapshotMismatch(info: SnapshotInfo | undefined, expected: SnapshotInfo): string | null {
  if (!info) return 'no snapshot was built';
  for (const key of ['format', 'pyodideVersion', 'harness', 'packages', 'stdlib'] as const) {
    if (info[key] !== expected[key]) return `it was made with another ${key === 'pyodideVersion' ? 'Pyodide' : key}`;
  }
  return null;
}

/**
 * The snapshot as stored and served: Pyodide's heap image without its zero pages (a third of it is
 * memory Python freed, or never used). A browser hands a response to a worker at roughly 50 MB/s
 * whatever the encoding (measured in chromium 156 on this machine: 37.7 MB in 0.6–0.8 s raw,
 * gzip or brotli alike), so the decoded size is what a boot waits for, and brotli, which shrinks
 * zeros to nothing on the wire, does not help there. Hand-written: the format is this project's.
 *
 * Layout (little-endian u32s): MAGIC, the image's length, the number of zero runs, each run's
 * offset and length, then the image's bytes outside the runs, in order.
 */
const MAGIC = 0x50534450; // "PDSP"
export const SNAPSHOT_FORMAT = 'zero pages out, 1';
/** Zero runs are whole pages of this size (Emscripten's heap grows and frees in pages). */
const PAGE = 4096;

export function packSnapshot(image: Uint8Array): Uint8Array<ArrayBuffer> {
  const runs: [number, number][] = [];
  const words = new Uint32Array(image.buffer, image.byteOffset, Math.floor(image.byteLength / 4));
  const zeroPage = (page: number) => {
    for (let i = (page * PAGE) / 4, end = ((page + 1) * PAGE) / 4; i < end; i++) if (words[i] !== 0) return false;
    return true;
  };
  for (let page = 0; (page + 1) * PAGE <= image.byteLength; page++) {
    if (!zeroPage(page)) continue;
    const last = runs.at(-1);
    if (last && last[0] + last[1] === page * PAGE) last[1] += PAGE;
    else runs.push([page * PAGE, PAGE]);
  }
  const zeros = runs.reduce((sum, [, length]) => sum + length, 0);
  const header = 12 + runs.length * 8;
  const packed = new Uint8Array(header + image.byteLength - zeros);
  const head = new DataView(packed.buffer);
  head.setUint32(0, MAGIC, true);
  head.setUint32(4, image.byteLength, true);
  head.setUint32(8, runs.length, true);
  let at = header;
  let from = 0;
  runs.forEach(([offset, length], i) => {
    head.setUint32(12 + i * 8, offset, true);
    head.setUint32(16 + i * 8, length, true);
    packed.set(image.subarray(from, offset), at);
    at += offset - from;
    from = offset + length;
  });
  packed.set(image.subarray(from), at);
  return packed;
}

/** The heap image packSnapshot packed; throws on anything else. */
export function unpackSnapshot(packed: Uint8Array): Uint8Array<ArrayBuffer> {
  const head = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
  if (packed.byteLength < 12 || head.getUint32(0, true) !== MAGIC) throw new Error('not a packed snapshot');
  const image = new Uint8Array(head.getUint32(4, true)); // zero-filled: the runs need no writing
  const count = head.getUint32(8, true);
  let at = 12 + count * 8;
  let to = 0;
  const copy = (length: number) => {
    if (length < 0 || at + length > packed.byteLength || to + length > image.byteLength)
      throw new Error('truncated snapshot');
    image.set(packed.subarray(at, at + length), to);
    at += length;
  };
  for (let i = 0; i < count; i++) {
    const offset = head.getUint32(12 + i * 8, true);
    copy(offset - to);
    to = offset + head.getUint32(16 + i * 8, true);
  }
  copy(image.byteLength - to);
  if (at !== packed.byteLength) throw new Error('snapshot has trailing bytes');
  return image;
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

/**
 * loadPyodide from a snapshot, which may still be downloading (the wasm compiles meanwhile);
 * throws when Pyodide refuses it (another build id, a bad file).
 */
export function loadFromSnapshot(
  loadPyodide: typeof LoadPyodide,
  options: LoadOptions,
  snapshot: Uint8Array | Promise<Uint8Array>,
  hooks: RestoreHooks = {},
): Promise<PyodideAPI> {
  const bytes = Promise.resolve(snapshot).then(unpackSnapshot);
  return withHeapOf(bytes, () => loadPyodide({ ...options, _loadSnapshot: bytes }), hooks);
}
