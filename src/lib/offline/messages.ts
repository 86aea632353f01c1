/** What the service worker (src/sw/sw.ts) and the page say to each other; one source for both. */

export const PRECACHE_MESSAGE = 'prodready-precache';

/** workbox-window's `messageSkipWaiting()` sends `{ type: 'SKIP_WAITING' }`; the worker listens for it. */
export const SKIP_WAITING = 'SKIP_WAITING';

/** Bytes of the site saved for offline use so far, of the total (sizes as built, uncompressed). */
export interface PrecacheProgress {
  type: typeof PRECACHE_MESSAGE;
  done: number;
  total: number;
}

export function isPrecacheProgress(value: unknown): value is PrecacheProgress {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as PrecacheProgress).type === PRECACHE_MESSAGE &&
    Number.isFinite((value as PrecacheProgress).done) &&
    Number.isFinite((value as PrecacheProgress).total)
  );
}
