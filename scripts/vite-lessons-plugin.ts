/**
 * Lessons are parsed and validated at build time, in Node, by the same loader the CLI uses, and
 * reach the page as plain JSON: the browser bundle carries no YAML parser, no schema library and
 * no mistakes. A broken lesson fails the build (and the dev server) with the file and line.
 */
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import type { Plugin } from 'vite';

const VIRTUAL_ID = 'virtual:prodready-lessons';
const RESOLVED_ID = '\0' + VIRTUAL_ID;

export function lessonsPlugin(): Plugin {
  let root = process.cwd();
  return {
    name: 'prodready-lessons',
    configResolved(config) {
      root = config.root;
    },
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    async load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const lessonsDir = join(root, 'lessons');
      this.addWatchFile(lessonsDir);
      const loader = (await tsImport(
        join(root, 'src/cli/lessons-fs.ts'),
        import.meta.url,
      )) as typeof import('../src/cli/lessons-fs');
      const lessons = await loader.loadLessons(lessonsDir, { withMistakes: false });
      // Each lesson's content hash, for the completion record (src/lib/record/lesson-hash.ts).
      const hashing = (await tsImport(
        join(root, 'src/cli/lesson-hash-fs.ts'),
        import.meta.url,
      )) as typeof import('../src/cli/lesson-hash-fs');
      const hashes = Object.fromEntries(
        await Promise.all(
          lessons.map(async (lesson) => [lesson.id, await hashing.lessonFolderHash(join(lessonsDir, lesson.id))]),
        ),
      );
      return `export default ${JSON.stringify(lessons)};\nexport const contentHashes = ${JSON.stringify(hashes)};`;
    },
    configureServer(server) {
      // A lesson author edits a file under lessons/: rebuild the lesson data and reload the page.
      server.watcher.add(join(root, 'lessons'));
      const reload = (file: string) => {
        if (!file.startsWith(join(root, 'lessons'))) return;
        const module = server.moduleGraph.getModuleById(RESOLVED_ID);
        if (module) server.moduleGraph.invalidateModule(module);
        server.ws.send({ type: 'full-reload' });
      };
      server.watcher.on('change', reload);
      server.watcher.on('add', reload);
      server.watcher.on('unlink', reload);
    },
  };
}
