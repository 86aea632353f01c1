/**
 * Discovery for `prodready audit`: walk a project, skip what is not the project's own (.git,
 * node_modules, virtual environments, __pycache__, whatever .gitignore ignores) and collect the
 * text files the rules read, keyed by their path relative to the project (the harness writes
 * them under /srv/shop in the same layout). Bad input never throws: every file that is skipped
 * for a reason the user should know gets an info line.
 */
import { lstatSync, readFileSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { WorkspaceFiles } from '../../lib/runtime/protocol';
import { OUTSIDE_ROOT, realPathWithin } from '../within-root';

export const MAX_FILE_BYTES = 1024 * 1024;

const SKIPPED_DIRS = new Set(['.git', 'node_modules', '__pycache__', '.hg', '.svn', '.tox', '.nox', '.mypy_cache']);

/** Files the rules and the app can use: code, templates, configs, the static files an app may list at start. Everything else is left out. */
const TEXT_EXTENSIONS =
  /\.(py|pyi|html|htm|jinja|jinja2|j2|txt|cfg|ini|toml|json|ya?ml|conf|service|socket|env|flaskenv|types|params|sh|bash|css|js|bicep)$/i;
const TEXT_NAMES =
  /^(Procfile|Dockerfile(\..+)?|.+\.Dockerfile|Containerfile|\.env(\..+)?|\.flaskenv|proxy_params|fastcgi_params|uwsgi_params|scgi_params|mime\.types|nginx\.conf)$/;

export interface Discovery {
  /** Project files by path relative to the project root, with / separators. */
  files: WorkspaceFiles;
  /** One line per file or folder skipped for a reason worth saying. */
  infos: string[];
}

function isBinary(buffer: Buffer): boolean {
  const sample = buffer.subarray(0, 8000);
  if (sample.includes(0)) return true;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buffer);
    return false;
  } catch {
    return true;
  }
}

/** nginx's site folders hold configs without an extension (sites-available/shop). */
const NGINX_SITE_DIR = /(^|\/)(sites-available|sites-enabled|conf\.d|nginx)\/[^/]+$/;

function wanted(name: string, rel: string): boolean {
  return TEXT_EXTENSIONS.test(name) || TEXT_NAMES.test(name) || NGINX_SITE_DIR.test(rel) || extensionless(name);
}

/**
 * A file without an extension may be a config or a script a Dockerfile copies (`proxy/conf` to
 * conf.d/default.conf, `boot.sh` without .sh): read it when it is text; when it is not, it was
 * never one of those, so it is left out without a word.
 */
const extensionless = (name: string) => !name.includes('.');

const posix = (path: string) => path.split(sep).join('/');

export function discover(root: string): Discovery {
  const files: WorkspaceFiles = {};
  const infos: string[] = [];
  const visited = new Set<string>();
  const realRoot = realpathSync(root);
  const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

  /** .gitignore files apply to their own folder and below; each level adds its own rules. */
  const walk = (dir: string, ignores: Array<{ base: string; rules: Ignore }>) => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch (error) {
      infos.push(`${posix(relative(root, dir)) || '.'}: skipped, cannot resolve (${reason(error)})`);
      return;
    }
    if (visited.has(real)) {
      infos.push(`${posix(relative(root, dir))}: skipped, a symlink to a folder already read (a loop or a duplicate)`);
      return;
    }
    visited.add(real);
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (error) {
      infos.push(`${posix(relative(root, dir)) || '.'}: skipped, unreadable folder (${reason(error)})`);
      return;
    }
    let levelIgnores = ignores;
    if (names.includes('.gitignore')) {
      try {
        const rules = ignore().add(readFileSync(join(dir, '.gitignore'), 'utf8'));
        levelIgnores = [...ignores, { base: dir, rules }];
      } catch (error) {
        infos.push(`${posix(relative(root, join(dir, '.gitignore')))}: not read (${reason(error)})`);
      }
    }
    if (names.includes('pyvenv.cfg') && dir !== root) return; // a virtual environment
    const ignored = (path: string, isDir: boolean) =>
      levelIgnores.some(({ base, rules }) => {
        const rel = posix(relative(base, path));
        return rel !== '' && rules.ignores(isDir ? `${rel}/` : rel);
      });
    for (const name of names) {
      const path = join(dir, name);
      const rel = posix(relative(root, path));
      let stats: Stats;
      try {
        stats = lstatSync(path);
        if (stats.isSymbolicLink()) {
          // A link out of the project (`leak.txt -> /etc/passwd`) would hand the host's files to the app.
          if (realPathWithin(realRoot, path) === null) {
            infos.push(`${rel}: ${OUTSIDE_ROOT}`);
            continue;
          }
          stats = statSync(path);
        }
      } catch (error) {
        infos.push(`${rel}: skipped, ${stats! ? 'unreadable' : 'a broken link or unreadable'} (${reason(error)})`);
        continue;
      }
      if (stats.isDirectory()) {
        if (SKIPPED_DIRS.has(name) || ignored(path, true)) continue;
        walk(path, levelIgnores);
        continue;
      }
      if (!stats.isFile() || !wanted(name, rel) || ignored(path, false)) continue;
      if (stats.size > MAX_FILE_BYTES) {
        infos.push(`${rel}: skipped, ${(stats.size / 1024 / 1024).toFixed(1)} MB is over the 1 MB limit for a file`);
        continue;
      }
      let buffer: Buffer;
      try {
        buffer = readFileSync(path);
      } catch (error) {
        infos.push(`${rel}: skipped, unreadable (${reason(error)})`);
        continue;
      }
      if (isBinary(buffer)) {
        if (extensionless(name) && !TEXT_NAMES.test(name) && !NGINX_SITE_DIR.test(rel)) continue;
        infos.push(`${rel}: skipped, binary content (not UTF-8 text)`);
        continue;
      }
      files[rel] = buffer.toString('utf8');
    }
  };
  walk(root, []);
  return { files, infos };
}
