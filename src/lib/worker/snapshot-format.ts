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
/** Recorded in SnapshotInfo: a snapshot stored another way is made again, or not restored. */
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

/**
 * Unpacks a packed snapshot as its bytes arrive: the image exists (zero-filled, so the runs need
 * no writing) once the header has, and each chunk is copied to its place in it.
 */
export class SnapshotUnpacker {
  /** The heap image, complete once finish() returned. */
  image: Uint8Array<ArrayBuffer> | null = null;
  private header: Uint8Array = new Uint8Array(0);
  /** Offset and length of each zero run, flat. */
  private runs = new Uint32Array(0);
  private nextRun = 0;
  /** Where the next byte of data goes in the image. */
  private to = 0;

  push(chunk: Uint8Array): void {
    let data = chunk;
    if (!this.image) {
      const header = new Uint8Array(this.header.byteLength + chunk.byteLength);
      header.set(this.header);
      header.set(chunk, this.header.byteLength);
      this.header = header;
      if (header.byteLength < 12) return;
      const view = new DataView(header.buffer);
      if (view.getUint32(0, true) !== MAGIC) throw new Error('not a packed snapshot');
      const size = 12 + view.getUint32(8, true) * 8;
      if (header.byteLength < size) return;
      this.runs = new Uint32Array(view.getUint32(8, true) * 2);
      for (let i = 0; i < this.runs.length; i++) this.runs[i] = view.getUint32(12 + i * 4, true);
      this.image = new Uint8Array(view.getUint32(4, true));
      data = header.subarray(size);
      this.header = new Uint8Array(0);
    }
    for (let at = 0; at < data.byteLength;) {
      this.skipRuns();
      const until = this.nextRun * 2 < this.runs.length ? this.runs[this.nextRun * 2]! : this.image.byteLength;
      const length = Math.min(until - this.to, data.byteLength - at);
      if (length <= 0) throw new Error('snapshot has trailing bytes');
      this.image.set(data.subarray(at, at + length), this.to);
      at += length;
      this.to += length;
    }
  }

  /** The image, once every byte has arrived; throws when some did not. */
  finish(): Uint8Array<ArrayBuffer> {
    this.skipRuns();
    if (!this.image || this.to !== this.image.byteLength || this.nextRun * 2 !== this.runs.length)
      throw new Error('truncated snapshot');
    return this.image;
  }

  private skipRuns(): void {
    while (this.nextRun * 2 < this.runs.length && this.runs[this.nextRun * 2] === this.to) {
      this.to += this.runs[this.nextRun * 2 + 1]!;
      this.nextRun++;
    }
  }
}

/** The heap image packSnapshot packed; throws on anything else. */
export function unpackSnapshot(packed: Uint8Array): Uint8Array<ArrayBuffer> {
  const unpacker = new SnapshotUnpacker();
  unpacker.push(packed);
  return unpacker.finish();
}
