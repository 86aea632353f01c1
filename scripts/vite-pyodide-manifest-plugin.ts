/**
 * `virtual:pyodide-manifest`: public/pyodide/manifest.json (written by `npm run setup`) as the
 * build found it. The worker names each Python asset by its content (`snapshot.bin?v=<sha256>`),
 * so a browser may keep it as long as it likes and never mixes the files of two builds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

const VIRTUAL_ID = 'virtual:pyodide-manifest';
const RESOLVED_ID = '\0' + VIRTUAL_ID;

export function pyodideManifestPlugin(): Plugin {
  let root = process.cwd();
  return {
    name: 'prodready-pyodide-manifest',
    configResolved(config) {
      root = config.root;
    },
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const file = join(root, 'public/pyodide/manifest.json');
      this.addWatchFile(file);
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        this.error(`${file} is missing: run \`npm run setup\``);
      }
      return `export default ${text};`;
    },
  };
}
