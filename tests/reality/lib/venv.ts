/**
 * The virtual environment the real servers run from: made from Debian's /usr/bin/python3 (never
 * whatever `python3` is first on PATH, e.g. pyenv's), with the pinned, hashed requirements. Cached in
 * .cache/reality-venv and rebuilt when the requirements, the interpreter or this recipe change.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { runOrThrow } from './processes';

export const REPO = resolve(import.meta.dirname, '../../..');
export const SYSTEM_PYTHON = '/usr/bin/python3';
const REQUIREMENTS = join(REPO, 'python/reality-requirements.txt');
const VENV = join(REPO, '.cache/reality-venv');
const RECIPE = 'venv+pip --require-hashes v1';

export interface Venv {
  root: string;
  bin: string;
  python: string;
  /** true when this call built it, false when the cache was used */
  built: boolean;
}

function stampFor(): string {
  const version = runOrThrow(SYSTEM_PYTHON, ['-c', 'import sys; print(sys.version)'], { timeoutMs: 10_000 });
  return createHash('sha256')
    .update(RECIPE)
    .update(SYSTEM_PYTHON)
    .update(version)
    .update(readFileSync(REQUIREMENTS))
    .digest('hex');
}

/** A lock directory, so test files running in parallel build the environment once. */
async function withLock<T>(body: () => T): Promise<T> {
  const lock = `${VENV}.lock`;
  mkdirSync(join(REPO, '.cache'), { recursive: true });
  const deadline = Date.now() + 300_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline)
        throw new Error(`${lock} is still held after 5 minutes; remove it if no test is running`);
      await sleep(500);
    }
  }
  try {
    return body();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export async function ensureVenv(): Promise<Venv> {
  if (!existsSync(SYSTEM_PYTHON)) throw new Error(`${SYSTEM_PYTHON} is missing: run scripts/install-system-deps.sh`);
  const stamp = stampFor();
  const stampFile = join(VENV, '.prodready-stamp');
  const venv = { root: VENV, bin: join(VENV, 'bin'), python: join(VENV, 'bin/python') };
  const fresh = () => existsSync(venv.python) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp;
  if (fresh()) return { ...venv, built: false };
  return withLock(() => {
    if (fresh()) return { ...venv, built: false };
    rmSync(VENV, { recursive: true, force: true });
    runOrThrow(SYSTEM_PYTHON, ['-m', 'venv', VENV], { timeoutMs: 120_000 });
    runOrThrow(
      venv.python,
      ['-m', 'pip', 'install', '--no-input', '--disable-pip-version-check', '--require-hashes', '-r', REQUIREMENTS],
      { timeoutMs: 300_000 },
    );
    runOrThrow(venv.python, ['-c', 'import flask, werkzeug, waitress, gunicorn, markupsafe'], { timeoutMs: 30_000 });
    writeFileSync(stampFile, stamp);
    return { ...venv, built: true };
  });
}
