import type { SnapshotInfo } from './snapshot';

// Names of the Python assets that scripts/setup.js generates into public/pyodide/.
// setup.js is plain JS and repeats these names; change both together.

/** Base path (relative to the app's base URL) where the generated assets are served. */
export const ASSET_DIR = 'pyodide/';

/** site-packages tree (Flask, Werkzeug, ... plus __pycache__ bytecode); unpack into SITE_PACKAGES. */
export const PACKAGES_ARCHIVE = 'packages.zip';

/**
 * The Flask extensions real projects import (Flask-SQLAlchemy, Flask-Login, …), for `prodready
 * audit` only: the browser never downloads it. Unpack into AUDIT_SITE_PACKAGES; the harness puts
 * that folder on sys.path for audit runs alone, so lessons import the same packages everywhere.
 */
export const AUDIT_PACKAGES_ARCHIVE = 'audit-packages.zip';

/**
 * Old releases of Flask and Werkzeug a lesson runs instead of the bundled ones when the project pins
 * them (lesson 11), one folder per release; unpacked into PINNED_SITE_PACKAGES only when a project
 * pins one (the browser downloads it then), put on sys.path by the harness (pinned.py).
 */
export const PINNED_PACKAGES_ARCHIVE = 'pinned-packages.zip';

/** Pyodide's stdlib with unchecked-hash .pyc beside each .py; pass as loadPyodide's stdLibURL. */
export const STDLIB_ARCHIVE = 'python_stdlib.zip';

/** Pyodide's heap after the harness and its libraries were imported (scripts/snapshot.ts). */
export const SNAPSHOT_FILE = 'snapshot.bin';

/** Sizes and hashes of every asset; the boot progress bar uses the byte counts as totals. */
export const MANIFEST = 'manifest.json';

export const SITE_PACKAGES = '/lib/python3.14/site-packages';

/** Where the audit's packages are extracted, each when first imported (their bytecode names this folder). */
export const AUDIT_SITE_PACKAGES = '/lib/prodready-audit';

/** Where the pinned releases are unpacked: NAME-VERSION/ folders (pinned.py's PINNED_ROOT). */
export const PINNED_SITE_PACKAGES = '/lib/prodready-pinned';

/** Where the host writes the audit's archive inside Pyodide: the folder's name plus `.zip` (audit_mode.py). */
export const AUDIT_PACKAGES_FILE = `${AUDIT_SITE_PACKAGES}.zip`;

export interface AssetEntry {
  bytes: number;
  sha256: string;
}

export interface AssetManifest {
  /** The pyodide npm package version the assets were built with, e.g. "314.0.7". */
  pyodideVersion: string;
  /** major.minor of the Python inside Pyodide; the bytecode only loads on this version. */
  python: string;
  /** Keyed by file name inside ASSET_DIR. */
  files: Record<string, AssetEntry>;
  /** What SNAPSHOT_FILE was made from; absent when no snapshot was built. */
  snapshot?: SnapshotInfo;
}
