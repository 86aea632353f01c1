/**
 * The Python host: installs the packages and the harness into a loaded Pyodide and answers the
 * typed HostApi calls. Shared by the browser worker (python.worker.ts) and the CLI (Node), so a
 * lesson behaves the same in both.
 */
import { unzipSync } from 'fflate';
import type { PyodideAPI } from 'pyodide';
import type { HostApi, HostMethod, SessionId } from '../runtime/protocol';
import { AUDIT_PACKAGES_FILE, AUDIT_SITE_PACKAGES, PINNED_SITE_PACKAGES, SITE_PACKAGES } from './assets';

/** Where the harness package is written inside Pyodide. */
const HARNESS_ROOT = '/prodready';

export interface HostSources {
  /** The packages archive built by scripts/setup.js (site-packages tree, precompiled). */
  packages: Uint8Array;
  /** Harness sources by path relative to py/, e.g. `prodready_harness/api.py`. */
  harness: Record<string, string>;
  /** The audit's packages archive (command line only); unpacked before the first audit run. */
  auditPackages?: Uint8Array;
  /** The pinned old releases (PINNED_PACKAGES_ARCHIVE); the browser adds them later, with addPinnedPackages. */
  pinnedPackages?: Uint8Array;
}

/** A requirements file that pins Flask or Werkzeug exactly: the runs that may need the pinned releases. */
const PINS_FLASK_OR_WERKZEUG = /^\s*(flask|werkzeug)\s*==/im;

export function pinsFlaskOrWerkzeug(files: Record<string, string>): boolean {
  return Object.entries(files).some(
    ([path, text]) => /(^|\/)requirements[^/]*\.txt$/.test(path) && PINS_FLASK_OR_WERKZEUG.test(text),
  );
}

type PyCall = (method: string, argsJson: string) => string;

/** prodready_harness.api as JS sees it (a PyProxy of the module). */
export interface HarnessApi {
  prepare(): void;
  boot(output: (session: SessionId, text: string) => void, auditSitePackages: string): void;
  call: PyCall;
  destroy(): void;
}

export class PythonHost {
  private constructor(
    readonly pyodide: PyodideAPI,
    private readonly pyCall: PyCall,
    private auditPackages: Uint8Array | undefined,
  ) {}

  private pinnedUnpacked = false;

  /** Whether the pinned releases are in place (the browser downloads them on first need). */
  get hasPinnedPackages(): boolean {
    return this.pinnedUnpacked;
  }

  /** Unpacks the pinned old releases where the harness looks for them (pinned.py). */
  addPinnedPackages(archive: Uint8Array): void {
    if (this.pinnedUnpacked) return;
    this.pyodide.unpackArchive(archive, 'zip', { extractDir: PINNED_SITE_PACKAGES });
    this.pinnedUnpacked = true;
  }

  /**
   * Writes the packages and the harness into Pyodide's file system and imports the harness's entry
   * module. Keeps no JS reference in Python, so scripts/snapshot.ts snapshots right after it (with
   * `api.prepare()`); after a restore the files are written again, since the file system lives in JS.
   */
  static prepare(pyodide: PyodideAPI, sources: HostSources): HarnessApi {
    PythonHost.installPackages(pyodide, sources.packages);
    for (const [path, source] of Object.entries(sources.harness)) {
      const target = `${HARNESS_ROOT}/${path}`;
      pyodide.FS.mkdirTree(target.slice(0, target.lastIndexOf('/')));
      pyodide.FS.writeFile(target, source);
    }
    return pyodide.runPython(`
import sys
if ${JSON.stringify(HARNESS_ROOT)} not in sys.path:
    sys.path.insert(0, ${JSON.stringify(HARNESS_ROOT)})
import prodready_harness.api as api
api`) as HarnessApi;
  }

  /**
   * Extracts the packages archive into site-packages from JS. Its entries are stored, not
   * deflated, so this is little more than creating the files; Pyodide's unpackArchive did the same
   * through Python's shutil and zipfile, running in wasm that is not compiled yet on a fresh boot,
   * and took most of a restored boot (docs/performance.md). Real files, as a pip install leaves
   * them: the harness and the libraries open their own sources and data by path.
   */
  private static installPackages(pyodide: PyodideAPI, archive: Uint8Array): void {
    const { FS } = pyodide;
    const folders = new Set<string>();
    for (const [name, data] of Object.entries(unzipSync(archive))) {
      if (name.endsWith('/')) continue;
      const target = `${SITE_PACKAGES}/${name}`;
      const folder = target.slice(0, target.lastIndexOf('/'));
      if (!folders.has(folder)) {
        FS.mkdirTree(folder);
        folders.add(folder);
      }
      // fflate hands out a fresh copy of each entry, so the file system may keep it as it is.
      FS.writeFile(target, data, { canOwn: true });
    }
  }

  /** Installs packages and harness; `output` receives everything the project prints, per session. */
  static async install(
    pyodide: PyodideAPI,
    sources: HostSources,
    output: (session: SessionId, text: string) => void,
  ): Promise<PythonHost> {
    const api = PythonHost.prepare(pyodide, sources);
    api.boot(output, AUDIT_SITE_PACKAGES);
    const host = new PythonHost(pyodide, api.call, sources.auditPackages);
    if (sources.pinnedPackages) host.addPinnedPackages(sources.pinnedPackages);
    return host;
  }

  get pythonVersion(): string {
    return String(this.pyodide.runPython('import sys; sys.version.split()[0]'));
  }

  /** A failure inside the harness itself (not the project's code) becomes a plain Error. */
  call<M extends HostMethod>(method: M, args: Parameters<HostApi[M]>[0]): ReturnType<HostApi[M]> {
    // The audit's archive is written whole (tens of ms); the harness extracts a package from it
    // when a project first imports it (unpacking all of it took seconds).
    if (method === 'run' && this.auditPackages && (args as Parameters<HostApi['run']>[0]).audit) {
      this.pyodide.FS.writeFile(AUDIT_PACKAGES_FILE, this.auditPackages);
      this.auditPackages = undefined;
    }
    let json: string;
    try {
      json = this.pyCall(method, JSON.stringify(args));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`prodready harness failed in ${method}: ${message}`, { cause: error });
    }
    return JSON.parse(json) as ReturnType<HostApi[M]>;
  }
}
