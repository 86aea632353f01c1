/** POSIX path helpers for `include`: pure string work, so the parser runs in the browser too. */

export function dirname(path: string): string {
  const slash = path.lastIndexOf('/');
  if (slash < 0) return '';
  return slash === 0 ? '/' : path.slice(0, slash);
}

/** Resolves `.` and `..` segments and doubled slashes; keeps a path relative if it was. */
export function normalizePath(path: string): string {
  const absolute = path.startsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
      continue;
    }
    out.push(part);
  }
  const joined = out.join('/');
  return absolute ? `/${joined}` : joined;
}

/** nginx resolves a relative include against the configuration prefix, not against the including file. */
export function resolvePath(prefix: string, path: string): string {
  if (path.startsWith('/') || prefix === '') return normalizePath(path);
  return normalizePath(`${prefix}/${path}`);
}

/** nginx hands a pattern to glob(3) only when it holds one of these characters. */
export function isGlob(pattern: string): boolean {
  return /[*?[]/.test(pattern);
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** glob(3) semantics for one pattern: `*` and `?` never cross a `/`, `[...]` is a class, `[!...]` negated. */
export function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else if (ch === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close < 0) {
        source += '\\[';
        continue;
      }
      let body = pattern.slice(i + 1, close);
      const negated = body.startsWith('!');
      if (negated) body = body.slice(1);
      source += `[${negated ? '^' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
      i = close;
    } else source += escapeRegex(ch);
  }
  return new RegExp(`^${source}$`);
}

/** The files a glob pattern selects, sorted as glob(3) returns them; glob(3) skips hidden files for `*`. */
export function expandGlob(pattern: string, available: readonly string[]): string[] {
  const re = globToRegExp(normalizePath(pattern));
  return available
    .map(normalizePath)
    .filter((file) => re.test(file) && !/\/\.[^/]*$/.test(file.slice(dirname(file).length)))
    .sort();
}
