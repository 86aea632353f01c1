/**
 * The offline workshop's service worker, src/sw/sw.ts, built by vite-plugin-pwa (injectManifest:
 * our worker, workbox-build's list of files). Workbox rather than a hand-written worker: its
 * precache keys every file by a content hash (the revision; hashed file names need none), installs
 * a new build beside the running one and removes the old entries only when the new worker
 * activates, which is the versioning a workshop needs. It caches what the browser receives: a
 * precompressed `.br` arrives decoded, with the cross-origin isolation headers it was served with,
 * so Python's files, `snapshot.bin` included, are served from the cache as the server sent them.
 */
import type { VitePWAOptions } from 'vite-plugin-pwa';

/** snapshot.bin is the largest file (24 MB, a 38 MB heap without its zero pages); workbox's default limit is 2 MB. */
const LARGEST_FILE = 96 * 1024 * 1024;

export const offlineWorkerOptions: Partial<VitePWAOptions> = {
  strategies: 'injectManifest',
  srcDir: 'src/sw',
  filename: 'sw.ts',
  // src/lib/offline/offline.svelte.ts registers it, and only outside an LMS.
  injectRegister: false,
  // No web app manifest: the site is not meant to be installed as an app.
  manifest: false,
  injectManifest: {
    globPatterns: ['**/*'],
    globIgnores: [
      // The precompressed variants: the server picks one per request; the cache holds the decoded file.
      '**/*.br',
      '**/*.gz',
      // For `prodready audit` in Node only; the browser never downloads it.
      'pyodide/audit-packages.zip',
    ],
    maximumFileSizeToCacheInBytes: LARGEST_FILE,
    // Entries carry their size, so the page can say "12 of 40 MB" while the worker saves them
    // (as `bytes`: workbox-build deletes `size` after the transforms).
    manifestTransforms: [
      async (entries) => ({ manifest: entries.map((entry) => ({ ...entry, bytes: entry.size })), warnings: [] }),
    ],
  },
};
