/**
 * Makes public/pyodide/snapshot.bin: Pyodide's heap after the harness (and through it Flask,
 * Werkzeug, Jinja2, Waitress, Gunicorn) was imported, for src/lib/worker/snapshot.ts to restore in
 * the browser and the command line. Records what it was made from in manifest.json; a runtime
 * whose assets differ boots the ordinary way. Idempotent: exits at once when the recorded inputs
 * match. Run by `npm run setup` after scripts/setup.js.
 *
 * Usage: node --import tsx scripts/snapshot.ts [--force]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { loadPyodide, type PyodideAPI } from 'pyodide';
import {
  defaultAssets,
  loadOptions,
  readSources,
  snapshotInfoFor,
  type RuntimeAssets,
  type RuntimeSources,
} from '../src/cli/python-boot';
import type { PyProxy } from 'pyodide/ffi';
import {
  MANIFEST,
  PACKAGES_ARCHIVE,
  SITE_PACKAGES,
  SNAPSHOT_FILE,
  STDLIB_ARCHIVE,
  type AssetManifest,
} from '../src/lib/worker/assets';
import { PythonHost } from '../src/lib/worker/host';
import { snapshotMismatch } from '../src/lib/worker/snapshot';
import { packSnapshot } from '../src/lib/worker/snapshot-format';

/**
 * Imported before the snapshot besides what the harness imports itself: modules the lessons' apps
 * import at their first run, and what the first run and request import lazily (Werkzeug's version
 * lookup, the idna codec Map.bind encodes the host with, sysconfig's data), found by diffing
 * sys.modules around a lesson's first Run, request and Check. (Gunicorn's config module comes in
 * through the harness; its `chdir` default, the working directory at import, is set to the project
 * folder again by gunicorn_server.install().)
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

/** Where setup.js keeps the two archives with all their bytecode (repeated there). */
const FULL_ARCHIVES = join(import.meta.dirname, '../.cache/pyodide-full');
/** Where the stdlib archive is on sys.path inside Pyodide. */
const STDLIB_ROOT = '/lib/python314.zip';

/**
 * Runs in the runtime that was prepared for the snapshot: which archive members the snapshot holds
 * as live modules, and an archive without their bytecode. Such a module is never imported again
 * after a restore, so its .pyc would only be downloaded; its source stays (tracebacks, the
 * debugger and the audit read it). Flask and Werkzeug keep theirs: pinned.py imports them again
 * when a lesson goes back from a pinned release.
 */
const SLIMMING = String.raw`
import sys, zipfile
from prodready_harness.pinned import SWAPPABLE

STDLIB_ROOT = ${JSON.stringify(STDLIB_ROOT)}

def held_sources(root):
    prefix = root.rstrip('/') + '/'
    held = set()
    for name, module in list(sys.modules.items()):
        spec = getattr(module, '__spec__', None)
        origin = getattr(spec, 'origin', None) or ''
        if origin.startswith(prefix):
            # zipimport names the .pyc it loaded, the file-system loader the source
            held.add(origin[len(prefix):].removesuffix('c'))
        elif origin == 'frozen' and root == STDLIB_ROOT:
            # built into the interpreter (os, io, codecs, ...): its copy in the archive is never read
            package = spec.submodule_search_locations is not None
            held.add(name.replace('.', '/') + ('/__init__.py' if package else '.py'))
    return held

def _source_of(pyc):
    # site-packages keeps pkg/__pycache__/mod.cpython-314.pyc; the stdlib archive pkg/mod.pyc beside mod.py
    head, cache, name = pyc.rpartition('__pycache__/')
    return head + name.split('.')[0] + '.py' if cache else pyc[:-1]

def slim(src, dst, root):
    held = held_sources(root)
    dropped = 0
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, 'w') as zout:
        for info in zin.infolist():
            name = info.filename
            if name.endswith('.pyc') and _source_of(name) in held and name.split('/')[0] not in SWAPPABLE:
                dropped += 1
                continue
            zout.writestr(info, zin.read(info))
    return dropped
`;

/** Paths of the files open in Pyodide besides the standard streams: their descriptors would dangle after a restore. */
function openFiles(pyodide: PyodideAPI): string[] {
  const { streams } = pyodide.FS as unknown as { streams: ({ path: string } | null | undefined)[] };
  return streams.slice(3).flatMap((stream) => (stream ? [stream.path] : []));
}

const log = (message: string) => console.log(`snapshot: ${message}`);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Pyodide with the harness prepared and WARM_IMPORTS imported: the state the snapshot keeps. */
async function prepared(assets: RuntimeAssets, sources: RuntimeSources): Promise<PyodideAPI> {
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
  return pyodide;
}

/**
 * Writes packages.zip and the stdlib archive as served: setup.js's full archives without the
 * bytecode of what `pyodide`, prepared from them, holds. From then on the runtime reads the served
 * stdlib archive (zipimport reads its table of contents again), as a restored one will.
 */
function serveSlimArchives(pyodide: PyodideAPI, assetsDir: string): void {
  const scope = pyodide.toPy({}) as PyProxy & { get(name: string): (...args: unknown[]) => unknown };
  pyodide.runPython(SLIMMING, { globals: scope });
  const manifest = JSON.parse(readFileSync(join(assetsDir, MANIFEST), 'utf8')) as AssetManifest;
  for (const [name, root] of [
    [PACKAGES_ARCHIVE, SITE_PACKAGES],
    [STDLIB_ARCHIVE, STDLIB_ROOT],
  ] as const) {
    pyodide.FS.writeFile('/tmp/full.zip', readFileSync(join(FULL_ARCHIVES, name)));
    const dropped = scope.get('slim')('/tmp/full.zip', '/tmp/slim.zip', root) as number;
    const slim = pyodide.FS.readFile('/tmp/slim.zip');
    writeFileSync(join(assetsDir, name), slim);
    manifest.files[name] = { bytes: slim.byteLength, sha256: sha256(slim) };
    log(`${name}: ${dropped} .pyc files held by the snapshot left out (${(slim.byteLength / 1e6).toFixed(1)} MB)`);
    if (name === STDLIB_ARCHIVE) pyodide.FS.writeFile(STDLIB_ROOT, slim);
  }
  for (const file of ['/tmp/full.zip', '/tmp/slim.zip']) pyodide.FS.unlink(file);
  scope.destroy();
  pyodide.runPython('import gc, importlib\nimportlib.invalidate_caches()\ngc.collect()');
  writeFileSync(join(assetsDir, MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
}

async function main() {
  const force = process.argv.includes('--force');
  const assets = defaultAssets();
  const current = readSources(assets);
  if (
    !force &&
    snapshotMismatch(current.manifest.snapshot, await snapshotInfoFor(current)) === null &&
    SNAPSHOT_FILE in current.manifest.files
  ) {
    console.log('snapshot up to date');
    return;
  }
  const started = performance.now();
  const full = (name: string) => join(FULL_ARCHIVES, name);
  if (!existsSync(full(PACKAGES_ARCHIVE)) || !existsSync(full(STDLIB_ARCHIVE))) {
    throw new Error(`${FULL_ARCHIVES} is missing: run \`node scripts/setup.js --force\``);
  }
  const pyodide = await prepared(assets, {
    ...current,
    packages: new Uint8Array(readFileSync(full(PACKAGES_ARCHIVE))),
    stdlibPath: full(STDLIB_ARCHIVE),
  });
  serveSlimArchives(pyodide, assets.assetsDir);
  const open = openFiles(pyodide);
  if (open.length > 0) throw new Error(`files still open when the snapshot would be taken: ${open.join(', ')}`);
  const image = pyodide.makeMemorySnapshot();
  const snapshot = packSnapshot(image);
  writeFileSync(join(assets.assetsDir, SNAPSHOT_FILE), snapshot);
  const sources = readSources(assets); // the archives as served
  const manifest = {
    ...sources.manifest,
    files: { ...sources.manifest.files, [SNAPSHOT_FILE]: { bytes: snapshot.byteLength, sha256: sha256(snapshot) } },
    snapshot: await snapshotInfoFor(sources),
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
