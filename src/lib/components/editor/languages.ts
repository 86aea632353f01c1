/**
 * Which Monaco language shows a workspace file, by its path. Monaco's python, markdown, ini and shell are loaded
 * (monaco.ts); nginx, apache, systemd and supervisor are ours (languages/), loaded when a file needs them.
 */
export type EditorLanguage =
  'python' | 'markdown' | 'ini' | 'shell' | 'nginx' | 'apache' | 'systemd' | 'supervisor' | 'plaintext';

export function languageFor(path: string): EditorLanguage {
  const parts = path.toLowerCase().split('/');
  const name = parts.pop()!;
  const folders = parts;
  if (name.endsWith('.py')) return 'python';
  if (name.endsWith('.md')) return 'markdown';
  if (/\.(service|socket|timer)$/.test(name)) return 'systemd';
  if (name === 'nginx.conf' || (name.endsWith('.conf') && folders.includes('nginx'))) return 'nginx';
  if (
    /^(apache2|httpd)\.conf$/.test(name) ||
    (name.endsWith('.conf') && folders.some((f) => /^(apache2?|httpd)$/.test(f)))
  ) {
    return 'apache';
  }
  if (name === 'supervisord.conf' || (name.endsWith('.conf') && folders.includes('supervisor'))) return 'supervisor';
  if (/\.(ini|cfg|toml)$/.test(name)) return 'ini';
  // `.env` (and `.env.example`, `.env.production`) and `.flaskenv` are `NAME=value` lines, often with `export`
  // and quotes, as a shell reads them.
  if (name === 'procfile' || name === 'dockerfile' || name === '.flaskenv' || /^\.env(\..+)?$/.test(name)) {
    return 'shell';
  }
  if (/\.(sh|bash|env)$/.test(name)) return 'shell';
  return 'plaintext';
}
