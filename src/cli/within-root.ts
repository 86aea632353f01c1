/**
 * Files as the tree has them: a project under judgement may hold symbolic links to anywhere
 * (`leak.txt -> /etc/shadow`, `home -> ~`) or to itself (`loop -> .`). Readers of a project follow a
 * link only when its real path stays inside the project's real root.
 */
import { realpathSync } from 'node:fs';
import { sep } from 'node:path';

/** The real path of `path` when it stays inside `realRoot` (itself a real path); null when it leaves or cannot be resolved. */
export function realPathWithin(realRoot: string, path: string): string | null {
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return null;
  }
  return real === realRoot || real.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep) ? real : null;
}

export const OUTSIDE_ROOT = 'skipped, a symbolic link that leads outside the project (or nowhere)';
