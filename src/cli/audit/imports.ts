/**
 * The project modules production can import: the entry modules of its commands (and Gunicorn's
 * config) and, transitively, what they import. The facts the rules read (where a setting or the
 * secret is written) are looked up in these, not in every file of a large repository. Whenever a
 * module imports by name at run time (importlib, from_object("config.X") or from_object(os.environ.get(…)),
 * from_pyfile, exec) the
 * answer is null: every module may matter.
 */
import type { WorkspaceFiles } from '../../lib/runtime/protocol';

const DYNAMIC =
  /\b(importlib|__import__|import_module|import_string|from_pyfile|from_envvar|pkgutil|find_modules|load_source|runpy|exec)\b|from_object\s*\((?!\s*[A-Za-z_][\w.]*\s*\))/;

/** The file a dotted module name is, in the tree (a module or a package's __init__.py). */
function moduleFile(module: string, files: WorkspaceFiles): string | null {
  const base = module.split('.').join('/');
  for (const candidate of [`${base}.py`, `${base}/__init__.py`]) if (files[candidate] !== undefined) return candidate;
  return null;
}

/** `import a.b`, `from a.b import c`, `from . import c`, `from .x import (c, d)` in one module. */
function importedModules(path: string, text: string): string[] {
  const out: string[] = [];
  const packageParts = path.split('/').slice(0, -1);
  const source = text.replace(/\\\r?\n/g, ' ');
  for (const match of source.matchAll(/^[ \t]*import[ \t]+([^\n#;]+)/gm)) {
    for (const part of (match[1] ?? '').split(',')) {
      const name = part.trim().split(/\s+/)[0];
      if (name) out.push(name);
    }
  }
  for (const match of source.matchAll(/^[ \t]*from[ \t]+(\.*)([\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n#;]*)/gm)) {
    const dots = (match[1] ?? '').length;
    let base: string;
    if (dots > 0) {
      const parts = packageParts.slice(0, packageParts.length - (dots - 1));
      base = [...parts, ...(match[2] ? [match[2]] : [])].join('.');
    } else base = match[2] ?? '';
    if (base) out.push(base);
    for (const part of (match[3] ?? '').replace(/[()]/g, '').split(',')) {
      const name = part.trim().split(/\s+/)[0];
      if (name && name !== '*') out.push(base ? `${base}.${name}` : name);
    }
  }
  return out;
}

/** The entry modules a harness command starts from, or null when the command does not say. */
function entryFiles(command: string, env: Record<string, string>, files: WorkspaceFiles): string[] | null {
  const words = command.split(/\s+/).map((word) => word.replace(/^'|'$/g, ''));
  const out: string[] = [];
  const program = words[0];
  if (program === 'python') {
    if (words[1] === '-m') {
      if (words[2] === 'flask') {
        const app = (env['FLASK_APP'] ?? '').split(':')[0]?.replace(/\.py$/, '');
        const target = app
          ? moduleFile(app, files)
          : (['app.py', 'wsgi.py'].find((p) => files[p] !== undefined) ?? null);
        return target ? [target] : null;
      }
      const target = moduleFile(words[2] ?? '', files);
      return target ? [target] : null;
    }
    const script = words.slice(1).find((word) => !word.startsWith('-'));
    return script && files[script] !== undefined ? [script] : null;
  }
  if (program === 'gunicorn' || program === 'waitress-serve') {
    let target: string | null = null;
    for (let i = 1; i < words.length; i++) {
      const word = words[i] as string;
      if (word === '-c' || word === '--config') {
        const config = words[++i] ?? '';
        if (files[config] === undefined) return null;
        out.push(config);
      } else if (word.startsWith('--config=')) {
        const config = word.slice('--config='.length);
        if (files[config] === undefined) return null;
        out.push(config);
      } else if (!word.startsWith('-')) {
        // The app (module:variable) is the positional whose module is in the tree; flag values are not.
        target = moduleFile(word.split(':')[0] ?? '', files) ?? target;
      }
    }
    if (program === 'gunicorn' && files['gunicorn.conf.py'] !== undefined) out.push('gunicorn.conf.py');
    if (!target) return null;
    out.push(target);
    return out;
  }
  return null;
}

/**
 * The Python files reachable from these commands, or null when they cannot be told (an entry the
 * tree does not hold, a module that imports by name at run time).
 */
export function reachableModules(
  entries: ReadonlyArray<{ command: string; env: Record<string, string> }>,
  files: WorkspaceFiles,
): Set<string> | null {
  const seen = new Set<string>();
  const queue: string[] = [];
  for (const entry of entries) {
    const roots = entryFiles(entry.command, entry.env, files);
    if (!roots) return null;
    queue.push(...roots);
  }
  if (queue.length === 0) return null;
  while (queue.length > 0) {
    const path = queue.pop() as string;
    if (seen.has(path)) continue;
    seen.add(path);
    const text = files[path] ?? '';
    if (DYNAMIC.test(text)) return null;
    for (const module of importedModules(path, text)) {
      // Importing a.b.c runs a/__init__.py and a/b/__init__.py first.
      const parts = module.split('.');
      for (let i = 1; i <= parts.length; i++) {
        const file = moduleFile(parts.slice(0, i).join('.'), files);
        if (file && !seen.has(file)) queue.push(file);
      }
    }
  }
  return seen;
}
