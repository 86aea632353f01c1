/**
 * A site config read the way Debian's apache2 reads it: Debian's stock /etc/apache2/apache2.conf (shipped as
 * data, the browser has no /etc) loads mods-enabled/, includes ports.conf (Listen 80, and 443 with mod_ssl),
 * conf-enabled/ and sites-enabled/*.conf, where the site is. The modules enabled are Debian's defaults plus the
 * ones a TLS reverse proxy needs (what `a2enmod proxy_http ssl headers rewrite` enables), so a directive of any
 * other module is "Invalid command", as it is to that server's `apachectl -t`.
 */
import { DEBIAN_CONF_ENABLED, DEBIAN_ETC_APACHE, DEBIAN_MODS_ENABLED } from './data/debian-etc.generated';
import { parseApache } from './parse';
import { ApacheSyntaxError, type ApacheConfig, type ApacheDirective } from './types';

export const ETC_APACHE = '/etc/apache2';

/** mods-enabled/ of the emulated server: Debian's defaults and `a2enmod proxy_http ssl headers rewrite`. */
export const PROXY_SITE_MODULES: readonly string[] = [
  ...new Set([
    ...DEBIAN_MODS_ENABLED,
    // a2enmod follows each .load file's "# Depends:" line: proxy_http needs proxy; ssl needs socache_shmcb.
    'proxy.load',
    'proxy.conf',
    'proxy_http.load',
    'socache_shmcb.load',
    'ssl.load',
    'ssl.conf',
    'headers.load',
    'rewrite.load',
  ]),
].sort();

/**
 * Debian's envvars as apache2ctl exports them (the `export NAME=value` lines, with no instance suffix): the
 * ${APACHE_RUN_DIR}-style variables apache2.conf uses.
 */
export function debianEnvironment(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of (DEBIAN_ETC_APACHE['envvars'] ?? '').split('\n')) {
    const match = /^export\s+(\w+)=(\S*)/.exec(line.trim());
    if (match) env[match[1] as string] = (match[2] as string).replace('$SUFFIX', '');
  }
  return env;
}

/** The files of the emulated /etc/apache2, by absolute path: Debian's package, its enabled links, no site enabled. */
function debianFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const [name, text] of Object.entries(DEBIAN_ETC_APACHE)) files.set(`${ETC_APACHE}/${name}`, text);
  for (const name of PROXY_SITE_MODULES) {
    files.set(`${ETC_APACHE}/mods-enabled/${name}`, DEBIAN_ETC_APACHE[`mods-available/${name}`] ?? '');
  }
  for (const name of DEBIAN_CONF_ENABLED) {
    const text = DEBIAN_ETC_APACHE[`conf-available/${name}`];
    if (text !== undefined) files.set(`${ETC_APACHE}/conf-enabled/${name}`, text);
  }
  return files;
}

export interface SiteOptions {
  /** Other workspace files the site includes by a path under /etc/apache2 (e.g. apache/snippets/x.conf). */
  files?: Readonly<Record<string, string>>;
}

/**
 * Parses `text` (workspace path `file`) as /etc/apache2/sites-enabled/<name> under Debian's apache2.conf, as
 * strictly as `apachectl -t`. Directives and errors name the workspace path; Debian's files keep their paths.
 */
export function parseApacheSite(text: string, file: string, options: SiteOptions = {}): ApacheConfig {
  const name = file.slice(file.lastIndexOf('/') + 1);
  const enabled = `${ETC_APACHE}/sites-enabled/${name}`;
  const files = debianFiles();
  files.set(enabled, text);
  const folder = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
  const local = new Map<string, string>();
  for (const [path, content] of Object.entries(options.files ?? {})) {
    if (path === file || !path.startsWith(folder ? `${folder}/` : '')) continue;
    const rel = folder ? path.slice(folder.length + 1) : path;
    if (rel.startsWith('sites-enabled/')) continue;
    files.set(`${ETC_APACHE}/${rel}`, content);
    local.set(`${ETC_APACHE}/${rel}`, path);
  }
  const display = (path: string) => (path === enabled ? file : (local.get(path) ?? path));
  let config: ApacheConfig;
  try {
    config = parseApache(files.get(`${ETC_APACHE}/apache2.conf`) ?? '', `${ETC_APACHE}/apache2.conf`, {
      readFile: (path) => files.get(path),
      files: [...files.keys()],
      serverRoot: ETC_APACHE,
      environment: debianEnvironment(),
    });
  } catch (error) {
    if (!(error instanceof ApacheSyntaxError)) throw error;
    throw new ApacheSyntaxError(error.reason.replaceAll(enabled, file), display(error.file), error.line);
  }
  const rename = (directives: ApacheDirective[]) => {
    for (const d of directives) {
      d.file = display(d.file);
      if (d.children) rename(d.children);
    }
  };
  rename(config.directives);
  config.files = config.files.map(display);
  return config;
}
