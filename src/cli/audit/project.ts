/**
 * What a discovered project holds for the rules: its nginx configs (roots, with their includes), its Apache sites,
 * its systemd units and Supervisor programs, and what production runs (Procfile web, unit
 * ExecStart, Supervisor command, Dockerfile CMD/ENTRYPOINT, docker-compose command:, else a
 * module that starts the app under `if __name__ == "__main__"`), each with the environment the
 * project's own files give it.
 */
import { NginxSyntaxError, httpBlocks, parseNginx, serverBlocks, type NginxConfig } from '../../lib/config/nginx';
import { loadProcessFile, type ProcessLoad } from '../../lib/grading/process-manager';
import type { LoadedNginx, NginxLoad } from '../../lib/grading/proxy-chain';
import type { WorkspaceFiles } from '../../lib/runtime/protocol';
import { parseDotenv, type EnvSetting } from '../../lib/config/dotenv';
import type { DeploymentSetting } from '../../lib/grading/context';
import { hasUrlPassword } from '../../lib/grading/secret-names';
import { findApacheSites } from './apache-sites';
import type { ApacheLoad } from '../../lib/grading/apache-chain';
import { findContainers, type Container } from './containers';
import { findEntrypoints, type Entrypoint } from './entrypoints';

export type { Entrypoint } from './entrypoints';

export interface Project {
  files: WorkspaceFiles;
  nginx: NginxLoad[];
  apache: ApacheLoad[];
  processes: ProcessLoad[];
  entrypoints: Entrypoint[];
  /** Commands production starts that the audit cannot run, with why. */
  notRun: Array<{ command: string; file: string; line: number; reason: string }>;
  containers: Container[];
  /** Environment settings written in the deployment files production uses. */
  deployment: DeploymentSetting[];
  infos: string[];
}

/** Debian's /etc/nginx/proxy_params, which `include proxy_params;` pulls in on most servers. */
const DEBIAN_PROXY_PARAMS = `proxy_set_header Host $http_host;
proxy_set_header X-Real-IP $remote_addr;
proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
proxy_set_header X-Forwarded-Proto $scheme;
`;
/** Files nginx ships that configs include; their contents do not change what the rules judge. */
const SYSTEM_INCLUDES: Record<string, string> = {
  proxy_params: DEBIAN_PROXY_PARAMS,
  'mime.types': 'types { text/html html; }\n',
  fastcgi_params: '',
  'fastcgi.conf': '',
  uwsgi_params: '',
  scgi_params: '',
  'snippets/fastcgi-php.conf': '',
};

/** The tree file an include's target is, by its exact path or else the file whose path ends like it. */
function treePath(files: WorkspaceFiles, paths: readonly string[], path: string): string | undefined {
  const clean = path.replace(/^\/+/, '');
  if (files[clean] !== undefined) return clean;
  const parts = clean.split('/');
  for (let i = 1; i < parts.length; i++) {
    const tail = parts.slice(i).join('/');
    const match = paths.find((candidate) => candidate === tail || candidate.endsWith(`/${tail}`));
    if (match) return match;
    if (SYSTEM_INCLUDES[tail] !== undefined) return undefined;
  }
  return undefined;
}

/** An include's target in the tree: the exact path, else the tree file whose path ends like it. */
function includeReader(files: WorkspaceFiles) {
  const paths = Object.keys(files);
  return (path: string): string | undefined => {
    const found = treePath(files, paths, path);
    if (found !== undefined) return files[found];
    const parts = path.replace(/^\/+/, '').split('/');
    for (let i = 0; i < parts.length; i++) {
      const tail = parts.slice(i).join('/');
      if (SYSTEM_INCLUDES[tail] !== undefined) return SYSTEM_INCLUDES[tail];
    }
    return undefined;
  };
}

/**
 * nginx resolves a relative include against its configuration prefix (/etc/nginx), not against
 * the including file: a site in sites-available/ or conf.d/ includes snippets/x.conf from the
 * folder above.
 */
function nginxPrefix(file: string): string {
  const parts = file.split('/');
  parts.pop();
  const nginxDir = parts.lastIndexOf('nginx');
  if (nginxDir >= 0) return parts.slice(0, nginxDir + 1).join('/');
  if (/^(sites-available|sites-enabled|conf\.d|snippets)$/.test(parts[parts.length - 1] ?? '')) parts.pop();
  return parts.join('/');
}

/**
 * What a glob include can match: the tree's own paths, and each path as it would sit on the
 * server (`include /etc/nginx/sites-enabled/*;` matches etc/nginx/sites-enabled/shop and
 * deploy/nginx/sites-enabled/shop).
 */
function globCandidates(paths: readonly string[]): string[] {
  const out = new Set<string>(paths);
  for (const path of paths) {
    out.add(`/${path}`);
    const parts = path.split('/');
    const nginxDir = parts.lastIndexOf('nginx');
    if (nginxDir >= 0) out.add(`/etc/nginx/${parts.slice(nginxDir + 1).join('/')}`);
  }
  return [...out];
}

/** Directives and the file list name the tree's files, whatever path the config used to reach them. */
function canonicalFiles(config: NginxConfig, files: WorkspaceFiles, paths: readonly string[]): NginxConfig {
  const name = (path: string) => treePath(files, paths, path) ?? path;
  const walk = (directives: NginxConfig['directives']) => {
    for (const directive of directives) {
      directive.file = name(directive.file);
      if (directive.block) walk(directive.block);
    }
  };
  walk(config.directives);
  return { ...config, files: config.files.map(name) };
}

const looksLikeIni = (text: string) =>
  /^\s*\[[^\]]+\]\s*$/m.test(text) && !/[{};]\s*$/m.test(text.replace(/^\s*[#;].*$/gm, ''));
const looksLikeNginx = (text: string) => /\b(server|http|location)\s*[^;{]*\{|\bproxy_pass\b|\blisten\s+\d/.test(text);

/** Names that are never nginx configs, whatever they hold. */
const NOT_NGINX_NAME =
  /^(Procfile|Dockerfile(\..+)?|Containerfile|Makefile|LICEN[SC]E|COPYING|README|AUTHORS|CHANGELOG|Vagrantfile|Gemfile|Pipfile|\.\w+)$/i;

/** nginx:1.25-alpine → 1.25; latest, stable, alpine → unknown. */
function imageVersion(image: { name: string; tag: string | null }): LoadedNginx['version'] {
  const number = /^(\d+\.\d+(?:\.\d+)?)/.exec(image.tag ?? '')?.[1] ?? null;
  return { number, image: image.tag ? `${image.name}:${image.tag}` : image.name };
}

/**
 * The project's nginx configs: files named or placed like one (*.conf, sites-available/,
 * conf.d/), files of nginx directives whatever their name (deployment/nginx/microblog), and the
 * files a Dockerfile COPY or a compose volume puts under /etc/nginx (then the nginx image's tag
 * says which nginx runs them).
 */
function findNginx(files: WorkspaceFiles, infos: string[], containers: readonly Container[]): NginxLoad[] {
  const readFile = includeReader(files);
  const paths = Object.keys(files);
  const candidatesForGlobs = globCandidates(paths);
  const deployed = new Map<string, { dest: string; version?: LoadedNginx['version'] }>();
  for (const container of containers) {
    const nginxImage = /(^|\/)(nginx|openresty)$/.test(container.image.name.replace(/^docker\.io\/(library\/)?/, ''));
    for (const { file, dest } of container.nginxFiles) {
      deployed.set(file, { dest, ...(nginxImage ? { version: imageVersion(container.image) } : {}) });
    }
  }
  const byContent = (path: string) => {
    const name = path.split('/').pop() ?? '';
    return (
      (!name.includes('.') || /\.(nginx|template|site|vhost)$/.test(name)) &&
      !NOT_NGINX_NAME.test(name) &&
      !/^#!/.test(files[path] as string) &&
      looksLikeNginx(files[path] as string)
    );
  };
  const candidates = paths
    .filter(
      (path) =>
        deployed.has(path) ||
        /\.conf$/.test(path) ||
        /(^|\/)(sites-(available|enabled)|conf\.d)\/[^/]+$/.test(path) ||
        byContent(path),
    )
    .filter((path) => !looksLikeIni(files[path] as string))
    .sort();
  const parsed: Array<{ file: string; config: NginxConfig }> = [];
  const noServer: string[] = [];
  for (const file of candidates) {
    const text = files[file] as string;
    const dest = deployed.get(file)?.dest;
    try {
      const config = canonicalFiles(
        parseNginx(text, file, {
          readFile,
          files: candidatesForGlobs,
          prefix: dest?.startsWith('/etc/nginx') ? '/etc/nginx' : nginxPrefix(file),
        }),
        files,
        paths,
      );
      if (httpBlocks(config).length === 0 && serverBlocks(config).length === 0) {
        if (looksLikeNginx(text) || deployed.has(file)) noServer.push(file);
        continue;
      }
      parsed.push({ file, config });
    } catch (error) {
      if (!(error instanceof NginxSyntaxError)) throw error;
      if (looksLikeNginx(text) || deployed.has(file))
        infos.push(`${file}: an nginx config that does not parse, not judged (${error.message})`);
    }
  }
  // A file another config includes is judged as part of that config, not again on its own.
  const included = new Set(parsed.flatMap(({ file, config }) => config.files.filter((other) => other !== file)));
  for (const file of noServer) {
    if (!included.has(file)) {
      infos.push(
        `${file}: nginx directives without a server or http block that no config found here includes: not judged on its own`,
      );
    }
  }
  return parsed
    .filter(({ file }) => !included.has(file))
    .map(({ file, config }) => {
      const version = deployed.get(file)?.version;
      return { ok: true as const, nginx: { file, config, ...(version ? { version } : {}) } };
    });
}

function findProcesses(files: WorkspaceFiles, infos: string[]): ProcessLoad[] {
  const found: ProcessLoad[] = [];
  for (const file of Object.keys(files).sort()) {
    const text = files[file] as string;
    let kind: 'systemd' | 'supervisor' | null = null;
    if (file.endsWith('.service')) kind = 'systemd';
    else if (/\.(conf|ini)$/.test(file) && /^\s*\[program:[^\]]+\]/m.test(text)) kind = 'supervisor';
    if (!kind) continue;
    const load = loadProcessFile(text, file, kind);
    if (load && !load.ok) {
      infos.push(
        `${file}: ${kind === 'systemd' ? 'a systemd unit' : 'a Supervisor config'} not judged (${load.error})`,
      );
      continue;
    }
    found.push(load);
  }
  return found;
}

/**
 * A Supervisor program started by supervisord as a container's command runs as the container's
 * user: supervisord cannot switch users unless it runs as root.
 */
function inContainer(load: ProcessLoad, containers: readonly Container[]): ProcessLoad {
  if (!load?.ok || load.process.kind !== 'supervisor' || containers.length === 0) return load;
  const user = containers.find((container) => container.user)?.user;
  if (!user || load.process.user || /^(root|0)(:.*)?$/.test(user.value)) return load;
  return { ok: true, process: { ...load.process, user } };
}

/** A path under a folder or file named for development, tests or examples (config/development/app.env, .env.dev). */
const DEV_PATH =
  /(^|[/.\-_])(example|sample|template|dist|dev|develop|development|test|tests|testing|local|ci)([/.\-_]|$)/i;

/**
 * The settings production's deployment files write: each production container's Dockerfile ENV
 * and ARG defaults, compose `environment:` and the env files it loads, and the project's env files
 * (.env, .env.prod, .flaskenv) that are not templates or for development.
 */
function deploymentSettings(files: WorkspaceFiles, containers: readonly Container[]): DeploymentSetting[] {
  const out = new Map<string, DeploymentSetting>();
  const add = (setting: EnvSetting, form: DeploymentSetting['form']) => {
    const key = `${setting.file}\u0000${setting.line}\u0000${setting.name}`;
    if (!out.has(key))
      out.set(key, { name: setting.name, value: setting.value, file: setting.file, line: setting.line, form });
  };
  for (const container of containers) {
    for (const setting of container.env) {
      if (DEV_PATH.test(setting.file)) continue; // an env file for development, even when a compose file loads it
      const form =
        setting.file === container.dockerfile
          ? 'ENV'
          : setting.file === container.composeFile
            ? 'environment:'
            : 'env file';
      // A compose value taken from the shell or .env (`${SECRET_KEY}`) is written there, not here;
      // only a URL's password written around the references (`mysql://app:hunter2@${DB_HOST}/app`) is.
      const composed = setting as EnvSetting & { interpolated?: boolean; written?: string };
      if (composed.interpolated) {
        if (composed.written !== undefined && hasUrlPassword(composed.written))
          add({ ...setting, value: composed.written }, form);
        continue;
      }
      add(setting, form);
    }
    for (const setting of container.buildArgs) add(setting, 'ARG');
  }
  // A committed .env is production's when something production runs reads it: python-dotenv's
  // load_dotenv() in the code, or a production compose file taking ${NAME} from it.
  const codeLoadsDotenv = Object.keys(files).some(
    (path) => path.endsWith('.py') && /\bload_dotenv\s*\(/.test(files[path] as string),
  );
  const composeText = containers
    .map((container) => container.composeFile)
    .filter((file): file is string => file !== null)
    .map((file) => ({ dir: file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '', text: files[file] ?? '' }));
  for (const path of Object.keys(files).sort()) {
    const name = path.split('/').pop() ?? '';
    if (!/^\.env$/.test(name) || DEV_PATH.test(path)) continue;
    const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
    for (const setting of parseDotenv(files[path] as string, path)) {
      const interpolated = composeText.some(
        (compose) => compose.dir === dir && new RegExp(`\\$\\{?${setting.name}\\b`).test(compose.text),
      );
      if (codeLoadsDotenv || interpolated) add(setting, 'env file');
    }
  }
  return [...out.values()];
}

export function readProject(files: WorkspaceFiles, discoveryInfos: string[]): Project {
  const infos = [...discoveryInfos];
  const deployed = findContainers(files);
  infos.push(...deployed.infos);
  const nginx = findNginx(files, infos, deployed.containers);
  const apache = findApacheSites(files, infos);
  const found = findProcesses(files, infos);
  const gathered = findEntrypoints(files, found, deployed.containers);
  infos.push(...gathered.infos);
  const processes = found.map((load) => inContainer(load, gathered.supervisorContainers));
  const deployment = deploymentSettings(files, deployed.containers);
  return {
    files,
    nginx,
    apache,
    processes,
    entrypoints: gathered.entrypoints,
    notRun: gathered.notRun,
    containers: deployed.containers,
    deployment,
    infos,
  };
}
