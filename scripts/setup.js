#!/usr/bin/env node
// Prepares everything Python needs in the browser, into public/pyodide/ (generated, git-ignored):
// Pyodide's core files, a precompiled stdlib zip, packages.zip (site-packages + bytecode) and
// manifest.json; and, for `prodready audit` only, audit-packages.zip (the Flask extensions real
// projects import; the browser never downloads it). Idempotent: when nothing that feeds the
// outputs changed, it exits at once.
//
// Usage: node scripts/setup.js [--force] [--bench N]
//   --force    rebuild even when the stamp says the outputs are current
//   --bench N  after building, load Pyodide N times with each stdlib and print medians
//
// Asset names and the audit archive's folder repeat src/lib/worker/assets.ts (this file is plain
// JS); change both together.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const STDLIB_ARCHIVE = 'python_stdlib.zip';
const MANIFEST = 'manifest.json';
const STAMP = '.stamp';
const CORE_FILES = ['pyodide.mjs', 'pyodide.asm.mjs', 'pyodide.asm.wasm', 'pyodide-lock.json'];

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/**
 * The package archives: each built from one requirements file, its bytecode compiled for the
 * folder Pyodide unpacks it into (tracebacks show that path). MarkupSafe ships only platform
 * wheels, so its sdist is used.
 */
const ARCHIVES = [
  {
    name: 'packages.zip',
    requirements: path.join(ROOT, 'python/browser-requirements.txt'),
    sitePackages: '/lib/python3.14/site-packages',
    noBinary: ['markupsafe'],
    // The browser downloads it: stored, so the server's brotli sees all of it at once (a third
    // smaller on the wire than zip's own per-file deflate) and unpacking inflates nothing.
    stored: true,
  },
  {
    name: 'audit-packages.zip',
    requirements: path.join(ROOT, 'python/audit-requirements.txt'),
    sitePackages: '/lib/prodready-audit',
    noBinary: [],
  },
  // Old releases a lesson swaps in when a project pins them (lesson 11); one folder per release,
  // since a name may appear twice. Unpacked by the worker only when a project pins Flask or Werkzeug.
  {
    name: 'pinned-packages.zip',
    requirements: path.join(ROOT, 'python/pinned-requirements.txt'),
    sitePackages: '/lib/prodready-pinned',
    noBinary: [],
    folderPerRelease: true,
  },
];
const WHEEL_CACHE = path.join(ROOT, '.cache/wheels');
// The two archives the browser downloads, as built here, with bytecode for every module:
// scripts/snapshot.ts serves them without the bytecode of what the memory snapshot holds, and
// starts from these each time it makes the snapshot again. Repeated in scripts/snapshot.ts.
const FULL_ARCHIVES = path.join(ROOT, '.cache/pyodide-full');
const SLIMMED = ['packages.zip', STDLIB_ARCHIVE];
const OUT = path.join(ROOT, 'public/pyodide');
const PYODIDE_DIST = path.join(ROOT, 'node_modules/pyodide');
const SELF = fileURLToPath(import.meta.url);
// The stdlib modules worth precompiling: what the lessons, the harness and the audit corpus import
// (written by scripts/trace-stdlib-imports.ts). Without the file every module is precompiled.
const STDLIB_IMPORTS = path.join(ROOT, 'python/stdlib-imports.txt');

/** The stdlib archive's files to precompile, or null for all of them. */
function stdlibImports() {
  if (!fs.existsSync(STDLIB_IMPORTS)) return null;
  return fs
    .readFileSync(STDLIB_IMPORTS, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
}

class SetupError extends Error {}
const log = (msg) => console.log(`setup: ${msg}`);
const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');
const mb = (n) => (n / 1e6).toFixed(2);

function parseArgs(argv) {
  const opts = { force: false, bench: 0 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--force') opts.force = true;
    else if (argv[i] === '--bench') opts.bench = Number(argv[++i] ?? 5);
    else throw new SetupError(`unknown argument ${argv[i]} (expected --force or --bench N)`);
  }
  return opts;
}

function readText(file, what) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new SetupError(`cannot read ${what} (${path.relative(ROOT, file)}): ${err.message}`);
  }
}

function pyodideVersion() {
  const pkg = path.join(PYODIDE_DIST, 'package.json');
  if (!fs.existsSync(pkg)) throw new SetupError('node_modules/pyodide is missing: run npm install first');
  return JSON.parse(fs.readFileSync(pkg, 'utf8')).version;
}

function computeStamp(requirementsTexts, version) {
  return sha256(
    [...requirementsTexts, version, fs.readFileSync(SELF, 'utf8'), JSON.stringify(stdlibImports())].join('\0'),
  );
}

// Only sizes are checked, not hashes: the fast path must stay far under a second, and a size
// check still catches a missing or truncated file from an interrupted run.
function outputsCurrent(stamp) {
  try {
    if (fs.readFileSync(path.join(OUT, STAMP), 'utf8').trim() !== stamp) return false;
    const manifest = JSON.parse(fs.readFileSync(path.join(OUT, MANIFEST), 'utf8'));
    const needed = [...CORE_FILES, STDLIB_ARCHIVE, ...ARCHIVES.map((archive) => archive.name)];
    if (!needed.every((f) => f in manifest.files)) return false;
    if (!SLIMMED.every((f) => fs.existsSync(path.join(FULL_ARCHIVES, f)))) return false;
    return Object.entries(manifest.files).every(
      ([name, entry]) => fs.statSync(path.join(OUT, name)).size === entry.bytes,
    );
  } catch {
    return false;
  }
}

// pip's requirement format allows continuation lines and several --hash options per requirement.
function parseRequirements(text, file) {
  const joined = text.replace(/\\\r?\n/g, ' ');
  const reqs = [];
  for (const raw of joined.split(/\r?\n/)) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!line) continue;
    const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)/.exec(line);
    const hashes = [...line.matchAll(/--hash=sha256:([0-9a-f]{64})/g)].map((h) => h[1]);
    if (!m || hashes.length === 0) {
      throw new SetupError(`${path.basename(file)}: expected "name==version --hash=sha256:..." in: ${line}`);
    }
    reqs.push({ name: m[1], version: m[2], hashes });
  }
  return reqs;
}

/** For each requirement, how many earlier lines name the same distribution (0 for its first). */
function occurrences(reqs) {
  const seen = new Map();
  return reqs.map((req) => {
    const name = req.name.toLowerCase().replace(/[-_.]+/g, '-');
    seen.set(name, (seen.get(name) ?? -1) + 1);
    return seen.get(name);
  });
}

// Picks, for each requirement, a cached file whose sha256 is one the requirement pins.
// Returns null when any requirement has no verified file (so pip must download).
function cachedDistributions(reqs) {
  if (!fs.existsSync(WHEEL_CACHE)) return null;
  const byHash = new Map();
  for (const f of fs.readdirSync(WHEEL_CACHE)) {
    const full = path.join(WHEEL_CACHE, f);
    if (fs.statSync(full).isFile()) byHash.set(sha256(fs.readFileSync(full)), full);
  }
  const picked = [];
  for (const req of reqs) {
    const hit = req.hashes.map((h) => byHash.get(h)).find(Boolean);
    if (!hit) return null;
    picked.push(hit);
  }
  return picked;
}

function checkPip() {
  const r = spawnSync('python3', ['-m', 'pip', '--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    const why = r.error?.code === 'ENOENT' ? 'python3 is not on PATH' : (r.stderr || '').trim().split('\n').pop();
    throw new SetupError(`pip is missing (${why}): apt-get install python3-pip, or install Python 3 with pip`);
  }
}

function downloadDistributions(reqs, archive) {
  const cached = cachedDistributions(reqs);
  if (cached) {
    log(`Python packages for ${archive.name} cached (${cached.length} files, hashes verified)`);
    return cached;
  }
  checkPip();
  log(`downloading Python packages for ${archive.name}…`);
  fs.mkdirSync(WHEEL_CACHE, { recursive: true });
  // pip refuses two versions of one name in a single download: the n-th line of each name goes
  // into the n-th download.
  const batches = [];
  occurrences(reqs).forEach((n, i) => (batches[n] ??= []).push(reqs[i]));
  batches.forEach((batch, n) => {
    const file = path.join(WHEEL_CACHE, `.${archive.name}.${n}.txt`);
    const lines = batch.map(
      (req) => `${req.name}==${req.version} ${req.hashes.map((h) => `--hash=sha256:${h}`).join(' ')}`,
    );
    fs.writeFileSync(file, lines.join('\n') + '\n');
    pipDownload(archive, file);
  });
  // Verify ourselves too: this is the set the archive is built from, whatever pip left around.
  const files = cachedDistributions(reqs);
  if (!files)
    throw new SetupError(
      'pip download finished but a pinned file with the expected sha256 is missing in .cache/wheels',
    );
  return files;
}

function pipDownload(archive, requirements) {
  const args = [
    '-m',
    'pip',
    'download',
    '--no-deps',
    '--require-hashes',
    // The packages run in Pyodide's Python (3.14), not in this machine's python3: its version must
    // not decide (deprecated 3.0.1, for one, requires Python >= 3.12 and Debian 12 has 3.11).
    '--ignore-requires-python',
    ...archive.noBinary.flatMap((name) => ['--no-binary', name]),
    '--disable-pip-version-check',
    '-r',
    requirements,
    '-d',
    WHEEL_CACHE,
  ];
  const r = spawnSync('python3', args, { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    process.stderr.write(r.stdout ?? '');
    process.stderr.write(r.stderr ?? '');
    throw new SetupError(`pip download failed (python3 ${args.join(' ')})`);
  }
}

// Runs inside Pyodide (Python 3.14, same as the browser), so the bytecode magic matches.
const PYTHON_BUILD = String.raw`
import compileall, importlib.util, json, os, py_compile, shutil, sys, tarfile, zipfile
from importlib._bootstrap_external import _code_to_hash_pyc

# A fixed date keeps the archive byte-identical across rebuilds (stable sha256, cache-friendly).
EPOCH = (1980, 1, 1, 0, 0, 0)

def _write(dest, data):
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    with open(dest, 'wb') as fh:
        fh.write(data)

def _safe(name, where):
    if name.startswith('/') or '..' in name.split('/'):
        raise ValueError(f'{where}: unsafe archive member {name!r}')
    return name

def _install_wheel(path, site):
    with zipfile.ZipFile(path) as z:
        for info in z.infolist():
            if info.is_dir():
                continue
            name = info.filename
            top, _, rest = name.partition('/')
            if top.endswith('.data'):
                kind, _, inner = rest.partition('/')
                if kind not in ('purelib', 'platlib'):
                    continue  # scripts/headers/data have no use in a browser site-packages
                name = inner
            _write(os.path.join(site, _safe(name, path)), z.read(info))

def _install_sdist(path, site):
    # Only the pure-Python package under src/ (MarkupSafe then falls back to its _native module),
    # plus a dist-info so importlib.metadata sees it as it would after a wheel install.
    with tarfile.open(path, 'r:gz') as t:
        dist = None
        for m in t.getmembers():
            parts = m.name.split('/')
            if not m.isfile():
                continue
            if len(parts) == 4 and parts[1] == 'src' and (parts[3].endswith('.py') or parts[3] == 'py.typed'):
                _write(os.path.join(site, _safe(parts[2] + '/' + parts[3], path)), t.extractfile(m).read())
            elif len(parts) == 2 and parts[1] == 'PKG-INFO':
                dist = parts[0]
                metadata = t.extractfile(m).read()
        if dist is None:
            raise ValueError(f'{path}: no PKG-INFO, not an sdist?')
        name, _, version = dist.rpartition('-')
        info_dir = os.path.join(site, f'{name.lower().replace("-", "_")}-{version}.dist-info')
        _write(os.path.join(info_dir, 'METADATA'), metadata)
        _write(os.path.join(info_dir, 'INSTALLER'), b'prodready-setup\n')

def build_packages(args_json):
    a = json.loads(args_json)
    site = '/tmp/build/site-packages'
    shutil.rmtree(site, ignore_errors=True)
    os.makedirs(site)
    for path, older in zip(a['dists'], a['older']):
        # One folder per release (NAME-VERSION/, from the wheel's file name) where a name may repeat;
        # an older release line of the audit's goes under _releases/ (release_lines.py picks it).
        name, version = os.path.basename(path).split('-')[:2]
        target = os.path.join(site, f'{name.lower()}-{version}') if a['folder_per_release'] else site
        if older and not a['folder_per_release']:
            target = os.path.join(site, '_releases', f'{name.lower()}-{version}')
        if path.endswith('.whl'):
            _install_wheel(path, target)
        elif path.endswith('.tar.gz'):
            _install_sdist(path, target)
        else:
            raise ValueError(f'{path}: neither a wheel nor a .tar.gz sdist')
    # ddir makes co_filename the browser path; unchecked-hash pycs are never revalidated
    # against the sources, so nothing is stat'ed or hashed at import time.
    ok = compileall.compile_dir(site, ddir=a['site_packages'], quiet=1, workers=1,
                                invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)
    if not ok:
        raise RuntimeError('compileall failed on some site-packages files (see output above)')
    n = 0
    method = zipfile.ZIP_STORED if a['stored'] else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(a['out'], 'w', method) as zf:
        for dirpath, dirnames, filenames in os.walk(site):
            dirnames.sort()
            for f in sorted(filenames):
                full = os.path.join(dirpath, f)
                info = zipfile.ZipInfo(os.path.relpath(full, site), EPOCH)
                info.external_attr = 0o644 << 16
                info.compress_type = method
                with open(full, 'rb') as fh:
                    zf.writestr(info, fh.read())
                n += 1
    return n

def build_stdlib(src, out, imports_json):
    # zipimport looks for mod.pyc next to mod.py (never __pycache__) and, unlike the file-system
    # loader, does not rewrite co_filename, so compile with the path the stdlib zip has at runtime.
    # Every entry is stored, not deflated: the server's brotli compresses the whole archive better
    # than zip's per-file deflate, and zipimport then reads a module without inflating it.
    # Only the modules something imports get bytecode (imports_json, null for all): the rest stay
    # source, compiled if ever imported, and their bytecode (most of the archive) stays off the wire.
    zip_path = next(p for p in sys.path if p.endswith('.zip'))
    imports = json.loads(imports_json)
    wanted = None if imports is None else set(imports)
    compiled = 0
    failed = []
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, 'w') as zout:
        for info in zin.infolist():
            data = zin.read(info)
            info.compress_type = zipfile.ZIP_STORED
            zout.writestr(info, data)
            if not info.filename.endswith('.py') or (wanted is not None and info.filename not in wanted):
                continue
            try:
                code = compile(data, f'{zip_path}/{info.filename}', 'exec', dont_inherit=True)
            except SyntaxError as e:
                failed.append(f'{info.filename}: {e}')
                continue
            pyc = _code_to_hash_pyc(code, importlib.util.source_hash(data), checked=False)
            pinfo = zipfile.ZipInfo(info.filename + 'c', info.date_time)
            pinfo.external_attr = info.external_attr
            pinfo.compress_type = zipfile.ZIP_STORED
            zout.writestr(pinfo, pyc)
            compiled += 1
    return json.dumps({'compiled': compiled, 'failed': failed, 'entries': len(zin.infolist())})
`;

const TIMING_IMPORTS = 'import email.mime.text, http.server';

async function timedLoad(loadPyodide, stdLibURL) {
  const t0 = performance.now();
  const py = await loadPyodide({
    indexURL: PYODIDE_DIST + '/',
    stdLibURL,
    stdout: () => {},
    stderr: () => {},
  });
  const t1 = performance.now();
  py.runPython(TIMING_IMPORTS);
  const t2 = performance.now();
  return { py, load: t1 - t0, imports: t2 - t1 };
}

const fmt = (t) =>
  `loadPyodide ${t.load.toFixed(0)} ms + imports ${t.imports.toFixed(0)} ms = ${(t.load + t.imports).toFixed(0)} ms`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function buildPythonAssets(distsByArchive, benchRuns) {
  const { loadPyodide } = await import('pyodide');
  const stockStdlib = path.join(PYODIDE_DIST, STDLIB_ARCHIVE);
  const newStdlib = path.join(OUT, STDLIB_ARCHIVE);

  log('loading Pyodide in Node…');
  // The build instance doubles as the "stock stdlib" timing sample.
  const stock = await timedLoad(loadPyodide, stockStdlib);
  const py = stock.py;
  const pyVersion = py.runPython('import sys; f"{sys.version_info[0]}.{sys.version_info[1]}"');
  const mount = (root, at) => {
    py.FS.mkdirTree(at);
    py.FS.mount(py.FS.filesystems.NODEFS, { root }, at);
  };
  mount(WHEEL_CACHE, '/mnt/wheels');
  mount(OUT, '/mnt/out');
  mount(PYODIDE_DIST, '/mnt/dist');
  py.runPython(PYTHON_BUILD);

  for (const archive of ARCHIVES) {
    const tmpPackages = `${archive.name}.tmp`;
    const nFiles = py.globals.get('build_packages')(
      JSON.stringify({
        dists: distsByArchive.get(archive.name).files.map((d) => `/mnt/wheels/${path.basename(d)}`),
        // A name listed again is an older release line (see audit-requirements.txt).
        older: distsByArchive.get(archive.name).occurrences.map((n) => n > 0),
        site_packages: archive.sitePackages,
        folder_per_release: Boolean(archive.folderPerRelease),
        stored: Boolean(archive.stored),
        out: `/mnt/out/${tmpPackages}`,
      }),
    );
    const out = path.join(OUT, archive.name);
    fs.renameSync(path.join(OUT, tmpPackages), out);
    fs.chmodSync(out, 0o644); // NODEFS creates files 0666
    log(`built ${archive.name} (${nFiles} files, ${mb(fs.statSync(out).size)} MB)`);
  }

  const tmpStdlib = `${STDLIB_ARCHIVE}.tmp`;
  const res = JSON.parse(
    py.globals.get('build_stdlib')(
      `/mnt/dist/${STDLIB_ARCHIVE}`,
      `/mnt/out/${tmpStdlib}`,
      JSON.stringify(stdlibImports()),
    ),
  );
  for (const f of res.failed) log(`  stdlib: kept as source only, does not compile: ${f}`);
  fs.renameSync(path.join(OUT, tmpStdlib), newStdlib);
  fs.chmodSync(newStdlib, 0o644);
  log(
    `built ${STDLIB_ARCHIVE} (${res.compiled} modules precompiled, ` +
      `${mb(fs.statSync(stockStdlib).size)} → ${mb(fs.statSync(newStdlib).size)} MB)`,
  );

  log('verifying the precompiled stdlib…');
  const pre = await timedLoad(loadPyodide, newStdlib);
  try {
    pre.py.runPython(`
import json, email, http.client, logging, traceback, sys
try:
    json.loads('{')
except ValueError:
    tb = traceback.format_exc()
# Bytecode must carry the runtime path, or tracebacks would show no source lines.
assert '/lib/python314.zip/json/decoder.py' in tb and 'self.raw_decode(s' in tb, tb
`);
  } catch (err) {
    throw new SetupError(`the precompiled ${STDLIB_ARCHIVE} does not work in Pyodide: ${err.message}`);
  }
  log(`  stock stdlib:       ${fmt(stock)}`);
  log(`  precompiled stdlib: ${fmt(pre)}  (single cold samples; --bench N for medians)`);

  if (benchRuns > 0) {
    const runs = { stock: [], pre: [] };
    for (let i = 0; i < benchRuns; i++) {
      // Alternate so that warm-up and GC affect both sides alike.
      const s = await timedLoad(loadPyodide, stockStdlib);
      runs.stock.push(s.load + s.imports);
      const p = await timedLoad(loadPyodide, newStdlib);
      runs.pre.push(p.load + p.imports);
    }
    log(
      `  bench (${benchRuns} runs, load + "${TIMING_IMPORTS}"): stock median ${median(runs.stock).toFixed(0)} ms, precompiled median ${median(runs.pre).toFixed(0)} ms`,
    );
  }
  return pyVersion;
}

function writeManifest(version, pyVersion) {
  const files = {};
  for (const name of fs.readdirSync(OUT).sort()) {
    if (name === MANIFEST || name.startsWith('.')) continue;
    const full = path.join(OUT, name);
    if (!fs.statSync(full).isFile()) continue;
    const buf = fs.readFileSync(full);
    files[name] = { bytes: buf.length, sha256: sha256(buf) };
  }
  const manifest = { pyodideVersion: version, python: pyVersion, files };
  fs.writeFileSync(path.join(OUT, MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
  const total = Object.values(files).reduce((n, f) => n + f.bytes, 0);
  log(`wrote ${MANIFEST} (${Object.keys(files).length} files, ${mb(total)} MB total)`);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const requirementsTexts = ARCHIVES.map((archive) =>
    readText(archive.requirements, `the requirements of ${archive.name}`),
  );
  const version = pyodideVersion();
  const stamp = computeStamp(requirementsTexts, version);
  if (!opts.force && !opts.bench && outputsCurrent(stamp)) {
    console.log('python assets up to date');
    return;
  }
  const started = performance.now();

  // Drop the stamp first: if anything below fails, the next run rebuilds instead of trusting
  // half-written outputs.
  fs.mkdirSync(OUT, { recursive: true });
  fs.rmSync(path.join(OUT, STAMP), { force: true });

  const distsByArchive = new Map(
    ARCHIVES.map((archive, i) => {
      const reqs = parseRequirements(requirementsTexts[i], archive.requirements);
      return [archive.name, { files: downloadDistributions(reqs, archive), occurrences: occurrences(reqs) }];
    }),
  );

  log(`copying Pyodide ${version} core files…`);
  for (const f of CORE_FILES) {
    const src = path.join(PYODIDE_DIST, f);
    if (!fs.existsSync(src)) throw new SetupError(`node_modules/pyodide/${f} is missing: reinstall pyodide`);
    fs.copyFileSync(src, path.join(OUT, f));
  }

  const pyVersion = await buildPythonAssets(distsByArchive, opts.bench);
  fs.mkdirSync(FULL_ARCHIVES, { recursive: true });
  for (const name of SLIMMED) fs.copyFileSync(path.join(OUT, name), path.join(FULL_ARCHIVES, name));
  writeManifest(version, pyVersion);
  fs.writeFileSync(path.join(OUT, STAMP), stamp + '\n');
  log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((err) => {
  if (err instanceof SetupError) console.error(`setup: error: ${err.message}`);
  else console.error('setup: error:', err);
  process.exit(1);
});
