/**
 * The memory snapshot (scripts/snapshot.ts) restores a runtime that behaves like a fresh one: the
 * lesson proofs and the corpus run on it (NodeRuntime boots from it); here, that it is really
 * used, that entropy differs between boots, and that a snapshot of other assets is refused.
 */
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { loadPyodide } from 'pyodide';
import { bootPyodide, defaultAssets, loadOptions, readSources, snapshotInfoFor } from '../../cli/python-boot';
import { SNAPSHOT_FILE } from './assets';
import { NodeRuntime } from '../../cli/node-runtime';
import { PythonHost } from './host';
import { loadFromSnapshot, snapshotMismatch } from './snapshot';
import { SnapshotUnpacker, packSnapshot, unpackSnapshot } from './snapshot-format';

const assets = defaultAssets();
const sources = readSources(assets);
const DRAW = 'import random, secrets; [str(random.random()), secrets.token_hex(8)]';

/** A heap-like image: random bytes, with zero pages where `zeroPages` says (in 4 KB pages). */
function image(length: number, zeroPages: number[][], seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[i] = state >>> 24 || 1;
  }
  for (const [from, to] of zeroPages) bytes.fill(0, from! * 4096, Math.min(length, to! * 4096));
  return bytes;
}

describe('the stored snapshot', () => {
  test.each([
    ['no zero page', 10 * 4096, []],
    [
      'zero pages first, in the middle and last',
      20 * 4096 + 100,
      [
        [0, 2],
        [5, 9],
        [19, 21],
      ],
    ],
    ['an image that is all zero', 8 * 4096, [[0, 8]]],
    ['zeros shorter than a page are kept', 6 * 4096, [[2.5, 3.5]]],
  ])('%s: unpacked, it is the image again', (_, length, zeros) => {
    const original = image(length, zeros, length);
    const packed = packSnapshot(original);
    const zeroPageBytes = zeros.reduce(
      (sum, [from, to]) => sum + (Math.floor(Math.min(to!, length / 4096)) - Math.ceil(from!)) * 4096,
      0,
    );
    expect(packed.byteLength).toBeLessThanOrEqual(original.byteLength - zeroPageBytes + 12 + 8 * zeros.length);
    expect(unpackSnapshot(packed)).toEqual(original);
  });

  test('arriving in chunks of any size, across the header too, it unpacks to the same image', () => {
    const original = image(
      30 * 4096 + 3,
      [
        [0, 1],
        [4, 12],
        [29, 31],
      ],
      11,
    );
    const packed = packSnapshot(original);
    for (const size of [1, 5, 13, 4096, 70_000]) {
      const unpacker = new SnapshotUnpacker();
      for (let at = 0; at < packed.byteLength; at += size) unpacker.push(packed.subarray(at, at + size));
      expect(unpacker.finish()).toEqual(original);
    }
  });

  test('a file of another layout, or cut short, is refused', () => {
    const packed = packSnapshot(image(6 * 4096, [[1, 2]], 7));
    expect(() => unpackSnapshot(image(4096, [], 3))).toThrow(/not a packed snapshot/);
    expect(() => unpackSnapshot(packed.subarray(0, packed.byteLength - 1))).toThrow(/truncated/);
    expect(() => unpackSnapshot(new Uint8Array([...packed, 0]))).toThrow(/trailing/);
  });
});

describe('memory snapshot', () => {
  test('the command line boots from it', async () => {
    const runtime = await NodeRuntime.start();
    expect(runtime.snapshotFallback).toBeNull();
  });

  test('two restored runtimes draw different random numbers and secrets', async () => {
    const draws: string[][] = [];
    for (let boot = 0; boot < 2; boot++) {
      const { pyodide, snapshotFallback } = await bootPyodide(assets, sources);
      expect(snapshotFallback).toBeNull();
      await PythonHost.install(pyodide, sources, () => {});
      draws.push((pyodide.runPython(DRAW) as { toJs(): string[] }).toJs());
    }
    const [first, second] = draws as [string[], string[]];
    expect(first[0], 'random.random()').not.toBe(second[0]);
    expect(first[1], 'secrets.token_hex()').not.toBe(second[1]);
  });

  test('without the re-seed, restored runtimes would share the random module state', async () => {
    // The reason connect() seeds again: the heap holds the Mersenne Twister state of the build.
    const draws: string[] = [];
    for (let boot = 0; boot < 2; boot++) {
      const { pyodide } = await bootPyodide(assets, sources);
      draws.push(String(pyodide.runPython('import random; str(random.random())')));
    }
    expect(draws[0]).toBe(draws[1]);
  });

  test('the served archives leave out the bytecode of what the snapshot holds, and keep the rest', async () => {
    const names = (zip: Uint8Array) =>
      new Set(Object.keys(unzipSync(zip, { filter: (file) => !file.name.endsWith('/') })));
    const packages = names(sources.packages);
    const stdlib = names(new Uint8Array(readFileSync(sources.stdlibPath!)));
    const { pyodide } = await bootPyodide(assets, sources);
    await PythonHost.install(pyodide, sources, () => {});
    const held = (name: string) => pyodide.runPython(`import sys; ${JSON.stringify(name)} in sys.modules`) as boolean;
    // Held by the snapshot: the source is served (tracebacks read it), the bytecode is not.
    expect(held('jinja2.environment') && held('json.decoder') && held('os')).toBe(true);
    expect(packages).toContain('jinja2/environment.py');
    expect(packages).not.toContain('jinja2/__pycache__/environment.cpython-314.pyc');
    expect(stdlib).toContain('json/decoder.py');
    expect(stdlib).not.toContain('json/decoder.pyc');
    expect(stdlib).not.toContain('os.pyc'); // frozen into the interpreter
    // Imported after a restore: compiled ahead still. Flask and Werkzeug are imported again when a
    // lesson goes back from a pinned release (pinned.py), so theirs stay too.
    expect(held('email.mime.text')).toBe(false);
    expect(stdlib).toContain('email/mime/text.pyc');
    expect(held('click.testing')).toBe(false);
    expect(packages).toContain('click/__pycache__/testing.cpython-314.pyc');
    expect(packages).toContain('flask/__pycache__/app.cpython-314.pyc');
    // ... and what is imported later is imported from that bytecode, whose paths are the runtime's.
    expect(pyodide.runPython('import email.mime.text, click.testing; email.mime.text.__spec__.origin')).toBe(
      '/lib/python314.zip/email/mime/text.pyc',
    );
  });

  test('restored while it still arrives; one that never arrives whole ends the load, not a restore', async () => {
    const packed = new Uint8Array(readFileSync(join(assets.assetsDir, SNAPSHOT_FILE)));
    const options = loadOptions(assets, sources);
    // The image exists at once, its bytes come later: restored before they came, Python would not start.
    const image = unpackSnapshot(packed);
    const arriving = new Uint8Array(image.byteLength);
    arriving.set(image.subarray(0, 16)); // Pyodide's header: the heap's size, for the instantiation
    let arrive: () => void = () => {};
    const arrived = new Promise<void>((resolve) => (arrive = resolve));
    // They come a second after the wasm is instantiated: without the wait, the restore is over by then.
    const restoring = loadFromSnapshot(
      loadPyodide,
      options,
      { image: Promise.resolve(arriving), complete: arrived },
      {
        mark: (name) => {
          if (name !== 'wasm-instantiated') return;
          setTimeout(() => {
            arriving.set(image);
            arrive();
          }, 1000);
        },
      },
    );
    const pyodide = await restoring;
    await PythonHost.install(pyodide, sources, () => {});
    expect(pyodide.runPython('import flask; flask.__name__')).toBe('flask');

    const { instantiate } = WebAssembly;
    const cut = loadFromSnapshot(loadPyodide, options, {
      image: Promise.resolve(new Uint8Array(image.byteLength)),
      complete: Promise.reject(new Error('the connection was reset')),
    });
    await expect(cut).rejects.toThrow(/connection was reset/);
    expect(WebAssembly.instantiate).toBe(instantiate);
  });

  test('a snapshot made from other assets is not restored, and the ordinary boot still works', async () => {
    const info = await snapshotInfoFor(sources);
    expect(snapshotMismatch(info, info)).toBeNull();
    expect(snapshotMismatch({ ...info, harness: 'other' }, info)).toMatch(/another harness/);
    expect(snapshotMismatch(undefined, info)).toMatch(/no snapshot/);
    const stale = { ...sources, manifest: { ...sources.manifest, snapshot: { ...info, packages: 'other' } } };
    const { pyodide, snapshotFallback } = await bootPyodide(assets, stale);
    expect(snapshotFallback).toMatch(/another packages/);
    await PythonHost.install(pyodide, stale, () => {});
    expect(pyodide.runPython('import flask; flask.__name__')).toBe('flask');
  });
});
