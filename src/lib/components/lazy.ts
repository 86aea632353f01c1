/**
 * When the heavy, lazily loaded panes (Monaco, xterm) may start loading. Two things must not wait
 * on them: the first paint (a stylesheet injected before it blocks rendering) and Python's download
 * (their ~90 chunks would take every HTTP/1.1 connection ahead of the worker's requests).
 */
import { runtime } from '../state/runtime.svelte';

/** Give up waiting for the worker after this long (it may have failed to start at all). */
const MAX_WAIT_FOR_PYTHON_MS = 1500;

function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

let gate: Promise<void> | null = null;

export function whenHeavyLoadsMayStart(): Promise<void> {
  gate ??= afterPaint().then(() =>
    Promise.race([runtime.fetching, new Promise<void>((resolve) => setTimeout(resolve, MAX_WAIT_FOR_PYTHON_MS))]),
  );
  return gate;
}
