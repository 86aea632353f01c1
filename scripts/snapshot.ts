/**
 * Makes public/pyodide/snapshot.bin: Pyodide's heap after the harness (and through it Flask,
 * Werkzeug, Jinja2, Waitress, Gunicorn) was imported, for src/lib/worker/snapshot.ts to restore in
 * the browser and the command line. Records what it was made from in manifest.json; a runtime
 * whose assets differ boots the ordinary way. Idempotent: exits at once when the recorded inputs
 * match. Run by `npm run setup` after scripts/setup.js.
 *
 * Usage: node --import tsx scripts/snapshot.ts [--force]
 */
import { writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { loadPyodide, type PyodideAPI } from 'pyodide';
import { defaultAssets, loadOptions, readSources, snapshotInfoFor } from '../src/cli/python-boot';
import { MANIFEST, SNAPSHOT_FILE } from '../src/lib/worker/assets';
import { PythonHost } from '../src/lib/worker/host';
import { packSnapshot, snapshotMismatch } from '../src/lib/worker/snapshot';

/**
 * Imported before the snapshot besides what the harness imports itself: modules the lessons' apps
 * import at their first run, and what the first run and request import lazily (Werkzeug's version
 * lookup, the idna codec Map.bind encodes the host with, sysconfig's data), found by diffing
 * sys.modules around a lesson's first Run, request and Check. Gunicorn's config module stays out,
 * since its `chdir` default is the working directory at import.
 */
const WARM_IMPORTS = [
  'flask',
  'werkzeug.debug',
  'werkzeug.middleware.proxy_fix',
  'jinja2',
  'waitress',
  'logging.config',
  'secrets',
  'sqlite3',
  'encodings.idna',
  'importlib.metadata._adapters',
  'importlib.metadata._text',
  '_sysconfigdata__emscripten_wasm32-emscripten',
];

/** Paths of the files open in Pyodide besides the standard streams: their descriptors would dangle after a restore. */
function openFiles(pyodide: PyodideAPI): string[] {
  const { streams } = pyodide.FS as unknown as { streams: ({ path: string } | null | undefined)[] };
  return streams.slice(3).flatMap((stream) => (stream ? [stream.path] : []));
}

const log = (message: string) => console.log(`snapshot: ${message}`);

async function main() {
  const force = process.argv.includes('--force');
  const assets = defaultAssets();
  const sources = readSources(assets);
  const info = await snapshotInfoFor(sources);
  if (!force && snapshotMismatch(sources.manifest.snapshot, info) === null && SNAPSHOT_FILE in sources.manifest.files) {
    console.log('snapshot up to date');
    return;
  }
  const started = performance.now();
  const pyodide = await loadPyodide({ ...loadOptions(assets, sources), _makeSnapshot: true });
  const api = PythonHost.prepare(pyodide, sources);
  api.prepare();
  api.destroy();
  pyodide.runPython(
    `import importlib\nfor name in ${JSON.stringify(WARM_IMPORTS)}:\n    importlib.import_module(name)`,
  );
  // importlib.metadata keeps a zipfile.Path per archive on sys.path (site-packages is one), each
  // holding an open file; the file system, and so that descriptor, does not survive a restore.
  pyodide.runPython(
    'import gc, importlib.metadata\nimportlib.metadata.MetadataPathFinder.invalidate_caches()\ngc.collect()',
  );
  const open = openFiles(pyodide);
  if (open.length > 0) throw new Error(`files still open when the snapshot would be taken: ${open.join(', ')}`);
  const image = pyodide.makeMemorySnapshot();
  const snapshot = packSnapshot(image);
  writeFileSync(join(assets.assetsDir, SNAPSHOT_FILE), snapshot);
  const manifest = {
    ...sources.manifest,
    files: {
      ...sources.manifest.files,
      [SNAPSHOT_FILE]: { bytes: snapshot.byteLength, sha256: createHash('sha256').update(snapshot).digest('hex') },
    },
    snapshot: info,
  };
  writeFileSync(join(assets.assetsDir, MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
  log(
    `wrote ${SNAPSHOT_FILE} (a ${(image.byteLength / 1e6).toFixed(1)} MB heap, ${(snapshot.byteLength / 1e6).toFixed(1)} MB without its zero pages) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

main().catch((error: unknown) => {
  console.error('snapshot: error:', error);
  process.exit(1);
});
