/**
 * A site config read the way Debian's nginx reads it: Debian's stock /etc/nginx/nginx.conf (shipped as data,
 * the browser has no /etc) includes /etc/nginx/sites-enabled/*, where the site is. So the site's http-level
 * directives meet Debian's (`ssl_prefer_server_ciphers` set twice is "duplicate", `ssl_protocols` adds to
 * Debian's list), and every directive is checked as `nginx -t` checks it.
 */
import { DEBIAN_ETC_NGINX } from './data/debian-etc.generated';
import { parseNginx } from './parse';
import { NginxSyntaxError, type Directive, type NginxConfig } from './types';

export const ETC_NGINX = '/etc/nginx';

export interface SiteOptions {
  /** The workspace's files: the site may include its own snippets (nginx/snippets/x.conf). */
  files?: Readonly<Record<string, string>>;
}

/** The folder a workspace path sits in ("nginx" for nginx/shop.conf, "" at the top). */
const folderOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');

/**
 * Parses `text` (workspace path `file`) as /etc/nginx/sites-enabled/<name> under Debian's nginx.conf, strictly.
 * Directives and errors name the workspace path; Debian's own files keep their /etc/nginx paths.
 */
export function parseSite(text: string, file: string, options: SiteOptions = {}): NginxConfig {
  const files = options.files ?? {};
  const name = file.slice(file.lastIndexOf('/') + 1);
  const enabled = `${ETC_NGINX}/sites-enabled/${name}`;
  const folder = folderOf(file);
  // /etc/nginx/X is the workspace's own copy when it has one (beside the site), else Debian's.
  const toWorkspace = (path: string): string | undefined => {
    if (path === enabled) return file;
    if (!path.startsWith(`${ETC_NGINX}/`)) return files[path] !== undefined ? path : undefined;
    const inner = path.slice(ETC_NGINX.length + 1);
    const local = folder ? `${folder}/${inner}` : inner;
    return files[local] !== undefined && local !== file ? local : undefined;
  };
  const readFile = (path: string): string | undefined => {
    if (path === enabled) return text;
    const local = toWorkspace(path);
    if (local !== undefined) return files[local];
    return path.startsWith(`${ETC_NGINX}/`) ? DEBIAN_ETC_NGINX[path.slice(ETC_NGINX.length + 1)] : undefined;
  };
  const known = [
    enabled,
    ...Object.keys(DEBIAN_ETC_NGINX)
      .filter((path) => !path.startsWith('sites-enabled/'))
      .map((path) => `${ETC_NGINX}/${path}`),
    ...Object.keys(files)
      .filter((path) => path !== file && folderOf(path).startsWith(folder) && !/^sites-enabled\//.test(path))
      .map((path) => `${ETC_NGINX}/${folder ? path.slice(folder.length + 1) : path}`)
      .filter((path) => !path.startsWith(`${ETC_NGINX}/sites-enabled/`)),
  ];
  const display = (path: string) => toWorkspace(path) ?? path;
  let config: NginxConfig;
  try {
    config = parseNginx(DEBIAN_ETC_NGINX['nginx.conf'] as string, `${ETC_NGINX}/nginx.conf`, {
      readFile,
      files: known,
      prefix: ETC_NGINX,
      strict: true,
    });
  } catch (error) {
    if (!(error instanceof NginxSyntaxError)) throw error;
    throw new NginxSyntaxError(error.reason.replaceAll(enabled, file), display(error.file), error.line, error.column);
  }
  const rename = (directives: Directive[]) => {
    for (const d of directives) {
      d.file = display(d.file);
      if (d.block) rename(d.block);
    }
  };
  rename(config.directives);
  return { directives: config.directives, files: [file, ...config.files.map(display).filter((f) => f !== file)] };
}

/**
 * A workspace's nginx file as nginx would read it: a complete nginx.conf (top-level `http` or `events`) as the
 * main file, anything else as a site in Debian's sites-enabled/. Both strictly, as `nginx -t` does.
 */
export function parseWorkspaceNginx(text: string, file: string, files: Readonly<Record<string, string>>): NginxConfig {
  if (!/^\s*(http|events)\s*\{/m.test(text)) return parseSite(text, file, { files });
  return parseNginx(text, file, {
    readFile: (path) =>
      files[path] ??
      (path.startsWith(`${ETC_NGINX}/`) ? DEBIAN_ETC_NGINX[path.slice(ETC_NGINX.length + 1)] : undefined),
    files: Object.keys(files),
    strict: true,
  });
}
