/// <reference lib="webworker" />
/**
 * The offline workshop's service worker (workbox, built by vite-plugin-pwa's injectManifest).
 * On install it precaches the whole built site, Python included (workbox-build lists every file
 * with a content hash as its revision: vite.config.ts says which), and tells the open pages how
 * many bytes are saved; from then on it answers every request for those files from the cache, so
 * a reload without network works. A new build installs beside the running one and waits: the page
 * shows "new version, reload" and only the learner's click (a SKIP_WAITING message) lets it take
 * over, so a page never mixes files from two builds.
 */
import { addPlugins, cleanupOutdatedCaches, getCacheKeyForURL, precacheAndRoute } from 'workbox-precaching';
import type { PrecacheEntry } from 'workbox-precaching';
import { PRECACHE_MESSAGE, SKIP_WAITING, type PrecacheProgress } from '../lib/offline/messages';

declare const self: ServiceWorkerGlobalScope;

// The list vite.config.ts's injectManifest writes in here, each file with its size (see there).
const entries = self.__WB_MANIFEST as Array<PrecacheEntry & { bytes?: number }>;
const sizeOf = new Map(entries.map((entry) => [new URL(entry.url, self.location.href).href, entry.bytes ?? 0]));
const total = [...sizeOf.values()].reduce((sum, size) => sum + size, 0);
/** URLs already in the cache: counted once, whichever of the checks below sees them first. */
const saved = new Set<string>();

async function announce(): Promise<void> {
  const done = [...saved].reduce((sum, url) => sum + (sizeOf.get(url) ?? 0), 0);
  const message: PrecacheProgress = { type: PRECACHE_MESSAGE, done, total };
  const pages = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  for (const page of pages) page.postMessage(message);
}

function countSaved(url: string): Promise<void> {
  const plain = new URL(url);
  plain.searchParams.delete('__WB_REVISION__');
  saved.add(plain.href);
  return announce();
}

addPlugins([{ cacheDidUpdate: ({ request }) => countSaved(request.url) }]);

// Files an earlier, interrupted install already saved are not fetched again: count them too.
self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      for (const url of sizeOf.keys()) {
        const key = getCacheKeyForURL(url);
        if (key && (await caches.match(key))) saved.add(url);
      }
      await announce();
    })(),
  );
});

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  if ((event.data as { type?: string } | null)?.type === SKIP_WAITING) void self.skipWaiting();
});

cleanupOutdatedCaches();
// Every query parameter is ignored when matching: `?track=workshop` still opens the saved index.html.
precacheAndRoute(entries, { ignoreURLParametersMatching: [/.*/] });
