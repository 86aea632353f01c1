/**
 * What a discovered project holds for the rules: its nginx configs (roots, with their includes),
 * its systemd units and Supervisor programs, and what production runs (Procfile web, unit
 * ExecStart, Supervisor command, Dockerfile CMD/ENTRYPOINT, docker-compose command:, else a
 * module that starts the app under `if __name__ == "__main__"`), each with the environment the
 * project's own files give it.
 */
import { parse as parseYaml } from 'yaml';
import { NginxSyntaxError, httpBlocks, parseNginx, serverBlocks, type NginxConfig } from '../../lib/config/nginx';
import { parseProcfile } from '../../lib/config/procfile';
import { splitWords } from '../../lib/config/systemd';
import { loadProcessFile, type ProcessLoad } from '../../lib/grading/process-manager';
import type { NginxLoad } from '../../lib/grading/proxy-chain';
import type { SourceLocation, WorkspaceFiles } from '../../lib/runtime/protocol';
import { guessEntrypoint } from './guess-entrypoint';

export interface Entrypoint {
  /** The command as the harness runs it (`gunicorn app:app`, `python app.py`). */
  command: string;
  /** As the project writes it, for messages. */
  written: string;
  source: SourceLocation | null;
  env: Record<string, string>;
  /** Runs in a container: it must listen on every interface to be reachable at all. */
  container: boolean;
  /** Guessed (no Procfile, unit, Dockerfile...), not declared by the project. */
  guessed: boolean;
  /**
   * Behind a platform's router (a Procfile web process on $PORT, Heroku style): the router is the
   * only way in, whatever address the process binds.
   */
  platform?: boolean;
}

export interface Project {
  files: WorkspaceFiles;
  nginx: NginxLoad[];
  processes: ProcessLoad[];
  entrypoints: Entrypoint[];
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

function findNginx(files: WorkspaceFiles, infos: string[]): NginxLoad[] {
  const readFile = includeReader(files);
  const paths = Object.keys(files);
  const candidatesForGlobs = globCandidates(paths);
  const candidates = Object.keys(files)
    .filter((path) => /\.conf$/.test(path) || /(^|\/)(sites-(available|enabled)|conf\.d)\/[^/]+$/.test(path))
    .filter((path) => !looksLikeIni(files[path] as string))
    .sort();
  const parsed: Array<{ file: string; config: NginxConfig }> = [];
  for (const file of candidates) {
    const text = files[file] as string;
    try {
      const config = canonicalFiles(
        parseNginx(text, file, { readFile, files: candidatesForGlobs, prefix: nginxPrefix(file) }),
        files,
        paths,
      );
      if (httpBlocks(config).length === 0 && serverBlocks(config).length === 0) continue;
      parsed.push({ file, config });
    } catch (error) {
      if (!(error instanceof NginxSyntaxError)) throw error;
      if (looksLikeNginx(text))
        infos.push(`${file}: an nginx config that does not parse, not judged (${error.message})`);
    }
  }
  // A file another config includes is judged as part of that config, not again on its own.
  const included = new Set(parsed.flatMap(({ file, config }) => config.files.filter((other) => other !== file)));
  return parsed
    .filter(({ file }) => !included.has(file))
    .map(({ file, config }) => ({ ok: true as const, nginx: { file, config } }));
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

/** KEY=VALUE lines (.flaskenv, .env, EnvironmentFile=), with `export` and quotes as shells write them. */
export function parseEnvFile(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(raw);
    if (!match?.[1]) continue;
    let value = match[2] ?? '';
    if (/^(['"]).*\1$/.test(value)) value = value.slice(1, -1);
    else value = value.replace(/\s+#.*$/, '');
    env[match[1]] = value;
  }
  return env;
}

const WRAPPERS = new Set(['exec', 'poetry', 'pipenv', 'uv', 'pdm', 'hatch', 'rye', 'run', 'dumb-init', 'tini', '--']);

/**
 * A command as the harness can run it: `python FILE`, `python -m MODULE`, `gunicorn …`,
 * `waitress-serve …`; `flask run` becomes `python -m flask run`. Absolute paths to project files
 * become project-relative. Null (with the reason) when it is some other program.
 */
export function normalizeCommand(
  argv: string[],
  files: WorkspaceFiles,
): { command: string; error?: undefined } | { error: string } {
  let words = [...argv];
  // `sh -c "gunicorn ..."`: the shell's script is the command.
  if (words.length >= 3 && /(^|\/)(ba|da)?sh$/.test(words[0] ?? '') && words[1] === '-c') {
    words = splitWords((words[2] ?? '').split(/&&|;/).pop() ?? '');
  }
  while (words.length > 0 && (WRAPPERS.has(words[0] ?? '') || /^[A-Z_][A-Z0-9_]*=/.test(words[0] ?? ''))) {
    words.shift();
  }
  const paths = Object.keys(files);
  const projectPath = (word: string) => {
    if (!word.startsWith('/')) return word;
    const parts = word.replace(/^\/+/, '').split('/');
    for (let i = 0; i < parts.length; i++) {
      const tail = parts.slice(i).join('/');
      if (files[tail] !== undefined || paths.some((p) => p.startsWith(`${tail}/`))) return tail;
    }
    return word;
  };
  const program = (words[0] ?? '').split('/').pop() ?? '';
  let out: string[];
  if (/^python(\d(\.\d+)?)?$/.test(program)) {
    const rest = words.slice(1).filter((word) => !/^-[uBOE]+$/.test(word));
    out = ['python', ...rest.map(projectPath)];
  } else if (program === 'gunicorn' || program === 'waitress-serve') {
    const rest: string[] = [];
    for (let i = 1; i < words.length; i++) {
      const word = words[i] as string;
      // The project is /srv/shop in the harness; a --chdir to where it lives on the server does not apply.
      if (word === '--chdir') {
        i++;
        continue;
      }
      if (word.startsWith('--chdir=')) continue;
      rest.push(projectPath(word));
    }
    out = [program, ...rest];
  } else if (program === 'flask') {
    out = ['python', '-m', 'flask', ...words.slice(1)];
  } else {
    return { error: `\`${argv.join(' ')}\`: prodready runs python, gunicorn, waitress-serve and flask commands` };
  }
  const quote = (word: string) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'"'"'`)}'`);
  return { command: out.map(quote).join(' ') };
}

/** Dockerfile instructions with continuation lines joined, each with its first line. */
function dockerInstructions(text: string): Array<{ name: string; args: string; line: number }> {
  const out: Array<{ name: string; args: string; line: number }> = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let joined = lines[i] as string;
    while (/\\\s*$/.test(joined) && i + 1 < lines.length) joined = joined.replace(/\\\s*$/, ' ') + lines[++i];
    const match = /^\s*([A-Za-z]+)\s+(.*)$/.exec(joined);
    if (match?.[1] && !joined.trimStart().startsWith('#')) {
      out.push({ name: match[1].toUpperCase(), args: (match[2] ?? '').trim(), line: start + 1 });
    }
  }
  return out;
}

function execForm(args: string): string[] {
  if (args.startsWith('[')) {
    try {
      const parsed = JSON.parse(args) as unknown;
      if (Array.isArray(parsed)) return parsed.map(String);
    } catch {
      // not JSON: Docker runs it as a shell command
    }
  }
  return ['/bin/sh', '-c', args];
}

function dockerEnv(args: string): Record<string, string> {
  const env: Record<string, string> = {};
  const words = splitWords(args);
  if (words.length === 2 && !(words[0] ?? '').includes('=')) env[words[0] as string] = words[1] as string;
  else
    for (const word of words) {
      const eq = word.indexOf('=');
      if (eq > 0) env[word.slice(0, eq)] = word.slice(eq + 1);
    }
  return env;
}

function findEntrypoints(files: WorkspaceFiles, processes: ProcessLoad[], infos: string[]): Entrypoint[] {
  const found: Entrypoint[] = [];
  const flaskenv = files['.flaskenv'] !== undefined ? parseEnvFile(files['.flaskenv']) : {};
  const add = (
    argv: string[],
    source: SourceLocation,
    env: Record<string, string>,
    container: boolean,
    written = argv.join(' '),
    platform = false,
  ) => {
    const normalized = normalizeCommand(argv, files);
    if (normalized.error !== undefined) {
      infos.push(`${source.file}:${source.line}: not run, ${normalized.error}`);
      return;
    }
    const usesFlaskenv = normalized.command.startsWith('python');
    found.push({
      command: normalized.command,
      written,
      source,
      env: usesFlaskenv ? { ...flaskenv, ...env } : env,
      container,
      guessed: false,
      ...(platform ? { platform } : {}),
    });
  };

  for (const file of Object.keys(files).sort()) {
    const text = files[file] as string;
    const name = file.split('/').pop() ?? '';
    if (name === 'Procfile') {
      const web = parseProcfile(text).find((entry) => entry.name === 'web');
      if (web) {
        const argv = splitWords(web.command.replace(/\$\{?PORT\}?/g, '8000'));
        add(argv, { file, line: web.line }, {}, false, argv.join(' '), /\$\{?PORT\b/.test(web.command));
      }
    } else if (/^(Dockerfile(\..+)?|.+\.Dockerfile|Containerfile)$/.test(name)) {
      let entry: string[] = [];
      let cmd: string[] = [];
      let line = 0;
      const env: Record<string, string> = {};
      for (const instruction of dockerInstructions(text)) {
        if (instruction.name === 'FROM') {
          entry = [];
          cmd = [];
          line = 0;
        } else if (instruction.name === 'ENV') Object.assign(env, dockerEnv(instruction.args));
        else if (instruction.name === 'ENTRYPOINT') {
          entry = execForm(instruction.args);
          line = instruction.line;
        } else if (instruction.name === 'CMD') {
          cmd = execForm(instruction.args);
          line = line || instruction.line;
          if (entry.length === 0) line = instruction.line;
        }
      }
      const argv = [...entry, ...cmd];
      if (argv.length > 0) add(argv, { file, line }, env, true);
    } else if (/^(docker-)?compose(\.[\w-]+)?\.ya?ml$/.test(name)) {
      try {
        const doc = parseYaml(text) as { services?: Record<string, Record<string, unknown>> } | null;
        const lines = text.split(/\r?\n/);
        for (const service of Object.values(doc?.services ?? {})) {
          const command = service?.['command'];
          if (!command) continue;
          const argv = Array.isArray(command) ? command.map(String) : splitWords(String(command));
          const index = lines.findIndex((l) => /^\s*command\s*:/.test(l) && l.includes(argv[0] ?? '\u0000'));
          const rawEnv = service?.['environment'];
          const env: Record<string, string> = {};
          if (Array.isArray(rawEnv)) Object.assign(env, parseEnvFile(rawEnv.map(String).join('\n')));
          else if (rawEnv && typeof rawEnv === 'object')
            for (const [key, value] of Object.entries(rawEnv)) if (value !== null) env[key] = String(value);
          add(argv, { file, line: index >= 0 ? index + 1 : 1 }, env, true);
        }
      } catch (error) {
        infos.push(
          `${file}: a compose file that does not parse, not read (${(error as Error).message.split('\n')[0]})`,
        );
      }
    }
  }
  for (const load of processes) {
    if (!load?.ok) continue;
    const process = load.process;
    const env: Record<string, string> = {};
    for (const source of process.secretSources) {
      // EnvironmentFile=-/etc/shop/env (LoadCredential= is name:path): read it when the tree has that file.
      if (source.value.includes(':')) continue;
      const text = includeReader(files)(source.value.replace(/^-/, ''));
      if (text !== undefined) Object.assign(env, parseEnvFile(text));
    }
    for (const pair of process.environment) env[pair.name] = pair.value;
    add(process.argv, process.command, env, false);
  }
  if (found.length > 0) return found;

  // Nothing declares what production runs: guessed the way the servers find the app.
  const guess = guessEntrypoint(files, flaskenv['FLASK_APP']);
  if (guess) {
    infos.push(
      `no Procfile, systemd unit, Supervisor program, Dockerfile or compose command says what production runs: assuming \`${guess.written}\` (${guess.reason})`,
    );
    // `flask` reads FLASK_APP from .flaskenv, and Flask's discovery needs it; a WSGI server takes nothing else from there.
    const flaskApp = flaskenv['FLASK_APP'];
    const discoveryEnv: Record<string, string> = flaskApp !== undefined ? { FLASK_APP: flaskApp } : {};
    found.push({
      command: guess.command,
      written: guess.written,
      source: null,
      env: guess.command.startsWith('python') ? flaskenv : discoveryEnv,
      container: false,
      guessed: true,
    });
  } else if (Object.keys(files).some((path) => path.endsWith('.py'))) {
    infos.push(
      'nothing says what production runs (no Procfile, unit, Supervisor program, Dockerfile or compose command) and no module starts the app: the rules that run the app were skipped',
    );
  }
  return found;
}

export function readProject(files: WorkspaceFiles, discoveryInfos: string[]): Project {
  const infos = [...discoveryInfos];
  const nginx = findNginx(files, infos);
  const processes = findProcesses(files, infos);
  const entrypoints = findEntrypoints(files, processes, infos);
  return { files, nginx, processes, entrypoints, infos };
}
