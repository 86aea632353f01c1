/** Which Monaco language shows a workspace file. Only python, markdown, ini, shell and plaintext are loaded. */
export type EditorLanguage = 'python' | 'markdown' | 'ini' | 'shell' | 'plaintext';

export function languageFor(path: string): EditorLanguage {
  const name = path.split('/').pop()!.toLowerCase();
  if (name.endsWith('.py')) return 'python';
  if (name.endsWith('.md')) return 'markdown';
  // systemd units and ini-like configs read well as ini.
  if (/\.(ini|cfg|service|socket|timer|toml)$/.test(name)) return 'ini';
  if (/\.(sh|bash|env)$/.test(name) || name === '.env' || name === 'procfile' || name === 'dockerfile') return 'shell';
  return 'plaintext';
}
