declare module 'virtual:prodready-lessons' {
  import type { Lesson } from './lib/content/lesson';
  const lessons: Lesson[];
  export default lessons;
  /** Each lesson's content hash by id (src/lib/record/lesson-hash.ts), computed at build time. */
  export const contentHashes: Record<string, string>;
}

declare module 'virtual:pyodide-manifest' {
  import type { AssetManifest } from './lib/worker/assets';
  /** public/pyodide/manifest.json as the build found it (scripts/vite-pyodide-manifest-plugin.ts). */
  const manifest: AssetManifest;
  export default manifest;
}
