/**
 * The memory snapshot (scripts/snapshot.ts) restores a runtime that behaves like a fresh one: the
 * lesson proofs and the corpus run on it (NodeRuntime boots from it); here, that it is really
 * used, that entropy differs between boots, and that a snapshot of other assets is refused.
 */
import { describe, expect, test } from 'vitest';
import { bootPyodide, defaultAssets, readSources, snapshotInfoFor } from '../../cli/python-boot';
import { NodeRuntime } from '../../cli/node-runtime';
import { PythonHost } from './host';
import { snapshotMismatch } from './snapshot';

const assets = defaultAssets();
const sources = readSources(assets);
const DRAW = 'import random, secrets; [str(random.random()), secrets.token_hex(8)]';

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
