/**
 * The browser boot's downloads (boot.ts): started by the worker's entry before the rest of the
 * boot's code has even loaded, so nothing waits for the manifest, for Pyodide's loader or for the
 * wasm before it. Counts the bytes that arrive, for the progress bar.
 */
import { ASSET_DIR, PACKAGES_ARCHIVE, SNAPSHOT_FILE, STDLIB_ARCHIVE, type AssetManifest } from './assets';
import type { ArrivingSnapshot } from './snapshot';
import { SnapshotUnpacker } from './snapshot-format';

/** Pyodide's loader (a module it imports) and its wasm. */
export const LOADER_FILE = 'pyodide.asm.mjs';
export const WASM_FILE = 'pyodide.asm.wasm';

/** Where the Python assets are served, as an absolute URL ending in `/`. */
export function assetBase(): string {
  // A relative base ('./', so the site also works under a path, as in an LMS) is relative to the
  // page, not to this worker in assets/: the site's root is one level up from it.
  const root = import.meta.env.BASE_URL.startsWith('/') ? import.meta.env.BASE_URL : '../';
  return new URL(root + ASSET_DIR, self.location.href).href;
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

/** The boot's downloads, all started at once; the snapshot's is cancelled when the manifest says it cannot be restored. */
export class Downloads {
  readonly snapshot: ArrivingSnapshot;
  readonly packages: Promise<Uint8Array<ArrayBuffer>>;
  readonly stdlib: Promise<Uint8Array<ArrayBuffer>>;
  /** Pyodide's wasm, unread: compiled as it streams in, or handed to Pyodide on the ordinary boot. */
  readonly wasm: Promise<Response>;
  /** Pyodide's loader module: the same URL imported now is the one Pyodide's loader gets later. */
  readonly loader: Promise<unknown>;
  /** Bytes arrived so far (the wasm and the loader are counted by whoever knows their size). */
  loaded = 0;
  /** Told of every chunk that arrives. */
  onBytes: () => void = () => {};
  private readonly cancelSnapshot = new AbortController();

  /**
   * Requested in the order the boot needs them: a browser opens six connections to a server, and
   * what is requested later waits for one to be free. Each URL names the file's content, so a copy
   * the browser holds is used as it is, without asking the server again.
   */
  constructor(
    readonly base: string,
    readonly manifest: AssetManifest,
  ) {
    this.loader = import(/* @vite-ignore */ base + LOADER_FILE);
    this.loader.catch(() => {}); // Pyodide's own import reports a failure
    this.wasm = this.request(WASM_FILE);
    this.snapshot = readSnapshot(this.request(SNAPSHOT_FILE, this.cancelSnapshot.signal), this.count);
    // Awaited only when the snapshot is used.
    this.snapshot.image.catch(() => {});
    this.snapshot.complete.catch(() => {});
    const read = (name: string) => this.request(name).then((response) => readAll(response, this.count));
    this.stdlib = read(STDLIB_ARCHIVE);
    this.stdlib.catch(() => {}); // handed to Pyodide, which reports a failure
    this.packages = read(PACKAGES_ARCHIVE);
    this.packages.catch(() => {}); // awaited by the boot, once Python is up
  }

  /** `name` as this build made it: its URL carries its sha256, so a cached copy is never stale. */
  request(name: string, signal?: AbortSignal): Promise<Response> {
    const version = this.manifest.files[name]?.sha256.slice(0, 16) ?? 'unbuilt';
    return fetch(`${this.base}${name}?v=${version}`, { cache: 'force-cache', signal });
  }

  readonly count = (bytes: number): void => {
    this.loaded += bytes;
    this.onBytes();
  };

  dropSnapshot(): void {
    this.cancelSnapshot.abort();
  }

  /**
   * fetch() for Pyodide while it loads: the stdlib and the wasm it asks for are the ones already
   * arriving; anything else (its lock file) is fetched and counted as it streams in.
   */
  fetchForPyodide(): typeof fetch {
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
      return new Response(await readAll(response, this.count), {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    };
  }
}
