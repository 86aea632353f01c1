/**
 * What production runs: the Procfile's web process, each container's command (compose over
 * Dockerfile), each systemd unit's ExecStart and Supervisor program's command, each reduced to
 * the command that serves the app, the project folder it runs in and the environment it gets;
 * else, with nothing declared, a module that starts the app itself.
 */
import { parseEnvFile, type EnvSetting } from '../../lib/config/dotenv';
import { appJsonEnv } from '../../lib/config/app-json';
import { parseProcfile } from '../../lib/config/procfile';
import type { ProcessLoad } from '../../lib/grading/process-manager';
import { PROJECT_DIR, type SourceLocation, type WorkspaceFiles } from '../../lib/runtime/protocol';
import { isLoopback, isServiceImage, type Container } from './containers';
import { APP_SERVICE_ROOT, appServiceStarts } from './app-service';
import { guessEntrypoint } from './guess-entrypoint';
import { findServer, harnessCommand, type Found } from './server-command';

export interface Entrypoint {
  /** The command as the harness runs it (`gunicorn app:app`, `python app.py`), from `root`. */
  command: string;
  /** As the project writes it, for messages. */
  written: string;
  source: SourceLocation | null;
  env: Record<string, string>;
  /** The project folder it runs in ('' for the project root): a build context, a `cd`, a `--chdir`. */
  root: string;
  /** Runs in a container: it must listen on every interface to be reachable at all. */
  container: boolean;
  /** Its container publishes a port on the host's every interface (compose `ports:`). */
  published?: SourceLocation;
  /**
   * A compose service that publishes no port, or only on the host's loopback (`127.0.0.1:8000:8000`):
   * only its neighbours on the compose network and the host's own processes (its reverse proxy) reach it.
   */
  privateNetwork?: boolean;
  /** Started by a Procfile's `web` line. */
  procfile?: boolean;
  /** Guessed (no Procfile, unit, Dockerfile...), not declared by the project. */
  guessed: boolean;
  /**
   * Behind a platform's router (a Procfile web process on $PORT, Heroku style): the router is the
   * only way in, whatever address the process binds.
   */
  platform?: boolean;
  /** Started by a systemd unit or Supervisor program: a machine of the project's own, with its proxy. */
  processManager?: boolean;
  /** Where the variables of `env` are written, when a project file sets them. */
  envSources?: EnvSetting[];
}

/** supervisord's `%(ENV_X)s`, `%(program_name)s`, `%(process_num)d`, expanded as Supervisor does. */
export function expandSupervisor(
  word: string,
  env: Record<string, string>,
  program: string,
): { value: string; missing: string[] } {
  const missing: string[] = [];
  const value = word.replace(/%\((ENV_)?(\w+)\)[sd]/g, (whole, isEnv: string | undefined, name: string) => {
    if (isEnv) {
      if (env[name] === undefined) missing.push(name);
      return env[name] ?? whole;
    }
    if (name === 'program_name') return program;
    if (name === 'process_num') return '0';
    return whole;
  });
  return { value, missing };
}

/**
 * The project folder a server path names: the folder of the program when the program is written
 * under it (`WorkingDirectory=/srv/app/src` with `ExecStart=/srv/app/src/run.sh`, placeholders
 * included), else the longest tail of the path that is a folder of the project; '' when none is.
 */
export function serverFolder(path: string, program: string, files: WorkspaceFiles): string {
  const paths = Object.keys(files);
  if (program.startsWith(`${path}/`)) {
    const rest = program.slice(path.length + 1);
    const named = paths.filter((file) => file === rest || file.endsWith(`/${rest}`));
    // The project file is the program: the path is its folder, the file minus `rest`.
    if (named.length === 1) return (named[0] as string).slice(0, -rest.length).replace(/\/$/, '');
  }
  const parts = path.replace(/^\/+/, '').split('/');
  for (let i = 0; i < parts.length; i++) {
    const tail = parts.slice(i).join('/');
    if (paths.some((file) => file.startsWith(`${tail}/`))) return tail;
  }
  return '';
}

interface Gathered {
  entrypoints: Entrypoint[];
  /** Commands production starts that the audit cannot run (another server, an unknown program). */
  notRun: Array<{ command: string; file: string; line: number; reason: string }>;
  infos: string[];
  /** Supervisor configs whose programs run in a container (supervisord as the container's command). */
  supervisorContainers: Container[];
}

function fromFound(
  found: Found,
  files: WorkspaceFiles,
  written: string,
  source: SourceLocation,
  base: Omit<Entrypoint, 'command' | 'written' | 'source' | 'root' | 'guessed'>,
  workdir: string | null,
  out: Gathered,
): void {
  const at = `${source.file}:${source.line}`;
  const notRun = (reason: string) => {
    out.infos.push(`${at}: not run, ${reason}`);
    out.notRun.push({ command: written, file: source.file, line: source.line, reason });
  };
  if (!found.ok) {
    if (!found.notTheApp) notRun(found.reason);
    return;
  }
  if (found.command.unknown) {
    out.infos.push(
      `${at}: ${found.command.unknown.map((name) => `$${name}`).join(', ')} is set by nothing the project shows (not the Dockerfile, compose, unit or scripts): judged as \`${found.command.argv.join(' ')}\`, an option that needs it left to the server's default`,
    );
  }
  const harness = harnessCommand(found.command, files, workdir);
  if ('error' in harness) {
    notRun(harness.error);
    return;
  }
  out.entrypoints.push({
    ...base,
    env: { ...base.env, ...found.command.env },
    command: harness.command,
    written,
    source: found.command.via ?? source,
    root: harness.root,
    guessed: false,
  });
}

/**
 * Variables naming a file of the image's working directory (`FLASK_CONF=/app/configs/prod.py`
 * with WORKDIR /app) name it where the audit runs the project: the same file under PROJECT_DIR.
 */
function pathsInProject(
  env: Record<string, string>,
  workdir: string | null,
  root: string,
  files: WorkspaceFiles,
): Record<string, string> {
  const base = workdir?.replace(/\/+$/, '');
  if (!base) return env;
  const under = root ? `${root}/` : '';
  return Object.fromEntries(
    Object.entries(env).map(([name, value]) => {
      if (!value.startsWith(`${base}/`)) return [name, value];
      const rest = value.slice(base.length + 1).replace(/\/+$/, '');
      const exists =
        files[`${under}${rest}`] !== undefined ||
        Object.keys(files).some((path) => path.startsWith(`${under}${rest}/`));
      return [name, exists ? `${PROJECT_DIR}/${rest}` : value];
    }),
  );
}

const envOf = (settings: readonly EnvSetting[]) =>
  Object.fromEntries(settings.map((setting) => [setting.name, setting.value]));

export function findEntrypoints(
  files: WorkspaceFiles,
  processes: ProcessLoad[],
  containers: readonly Container[],
): Gathered {
  const out: Gathered = { entrypoints: [], notRun: [], infos: [], supervisorContainers: [] };

  for (const file of Object.keys(files).sort()) {
    if ((file.split('/').pop() ?? '') !== 'Procfile') continue;
    const web = parseProcfile(files[file] as string).find((entry) => entry.name === 'web');
    if (!web) continue;
    const root = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
    // Heroku sets the config variables its app.json (beside the Procfile) declares.
    const manifest = root ? `${root}/app.json` : 'app.json';
    const declared = files[manifest] === undefined ? [] : appJsonEnv(files[manifest] as string, manifest);
    // The platform runs the line with a shell and the port its router forwards to in $PORT.
    const found = findServer(['sh', '-c', web.command], {
      files,
      root,
      env: { ...envOf(declared), PORT: '8000' },
    });
    fromFound(
      found,
      files,
      web.command,
      { file, line: web.line },
      {
        env: envOf(declared),
        container: false,
        procfile: true,
        ...(declared.length > 0 ? { envSources: declared } : {}),
        ...(/\$\{?PORT\b/.test(web.command) ? { platform: true } : {}),
      },
      null,
      out,
    );
  }

  for (const start of appServiceStarts(files)) {
    // App Service runs the startup command with a shell in the site's folder; its front end is the only way in.
    const found = findServer(['sh', '-c', start.command], {
      files,
      root: start.root,
      workdir: APP_SERVICE_ROOT,
      env: { PORT: '8000' },
    });
    fromFound(
      found,
      files,
      start.command,
      start.source,
      { env: {}, container: true, platform: true },
      APP_SERVICE_ROOT,
      out,
    );
  }

  for (const container of containers) {
    if (!container.command) continue;
    const serviceImage = isServiceImage(container.image.name);
    // A compose service that only runs someone else's image (a database, a cache) has none of the project's code.
    if (
      serviceImage ||
      (container.service && !container.service.build && !/python|flask|uwsgi/i.test(container.image.name))
    ) {
      continue;
    }
    const env = pathsInProject(envOf(container.env), container.workdir, container.root, files);
    // The compose service that starts the container (or runs the image this Dockerfile builds).
    const runner = container.service ?? container.runBy?.service ?? null;
    // Platforms that run containers (Cloud Run, Heroku, App Runner) say in $PORT where their router forwards.
    const platform = env['PORT'] === undefined && /\$\{?PORT\b/.test(container.command.argv.join(' '));
    if (platform) env['PORT'] = '8080';
    const found = findServer(container.command.argv, {
      files,
      root: container.root,
      workdir: container.workdir,
      env,
    });
    if (!found.ok && /^supervisord$/.test(found.program ?? '')) {
      out.supervisorContainers.push(container);
      continue;
    }
    fromFound(
      found,
      files,
      container.command.argv.join(' '),
      container.command.source,
      {
        env,
        envSources: container.env,
        container: true,
        ...(platform ? { platform: true } : {}),
        ...(container.published ? { published: container.published } : {}),
        ...(runner && !container.published && runner.ports.every((port) => isLoopback(port.hostIp))
          ? { privateNetwork: true }
          : {}),
      },
      container.workdir,
      out,
    );
  }

  for (const load of processes) {
    if (!load?.ok) continue;
    const process = load.process;
    const env: Record<string, string> = {};
    for (const source of process.secretSources) {
      // EnvironmentFile=-/etc/shop/env (LoadCredential= is name:path): read it when the tree has that file.
      if (source.value.includes(':')) continue;
      const parts = source.value.replace(/^-?\/*/, '').split('/');
      const paths = Object.keys(files);
      const tail = parts
        .map((_, i) => parts.slice(i).join('/'))
        .map((end) => (files[end] !== undefined ? end : paths.find((path) => path.endsWith(`/${end}`))))
        .find((path) => path !== undefined);
      if (tail !== undefined) Object.assign(env, parseEnvFile(files[tail] as string));
    }
    for (const pair of process.environment) env[pair.name] = pair.value;
    let argv = process.argv;
    let container: Container | undefined;
    if (process.kind === 'supervisor') {
      // supervisord passes its own environment on; in a container that is the container's.
      container = out.supervisorContainers[0];
      const supervisordEnv = { ...(container ? envOf(container.env) : {}), ...env };
      const program =
        /\[program:([^\]]+)\]/.exec(files[process.file]?.split('\n')[process.section.line - 1] ?? '')?.[1] ?? '';
      const missing = new Set<string>();
      argv = argv.map((word) => {
        const expanded = expandSupervisor(word, supervisordEnv, program);
        expanded.missing.forEach((name) => missing.add(name));
        return expanded.value;
      });
      for (const name of Object.keys(env))
        env[name] = expandSupervisor(env[name] as string, supervisordEnv, program).value;
      if (missing.size > 0) {
        out.infos.push(
          `${process.command.file}:${process.command.line}: not run, ${[...missing].map((name) => `%(ENV_${name})s`).join(', ')} is set by no file of the project (supervisord refuses to start a program whose variables are unset)`,
        );
        continue;
      }
    }
    // WorkingDirectory=/directory= is a server path: the project folder it names, as the program's path shows it.
    const workdir = process.workingDirectory?.value.replace(/^-/, '').replace(/\/+$/, '') || null;
    const root = workdir && !container ? serverFolder(workdir, argv[0] ?? '', files) : '';
    const found = findServer(argv, { files, root, workdir: workdir ?? container?.workdir ?? null, env });
    fromFound(
      found,
      files,
      process.argv.join(' '),
      process.command,
      {
        env: container ? { ...envOf(container.env), ...env } : env,
        container: container !== undefined,
        processManager: true,
      },
      workdir ?? container?.workdir ?? null,
      out,
    );
  }
  // A Procfile beside a unit or program that runs the app server on a machine of the project's own:
  // that machine's proxy fronts the unit (its upstream is the unit's bind), and the Procfile is for a
  // platform (Heroku, Dokku) whose router sets $PORT, which Gunicorn binds as 0.0.0.0:$PORT when no
  // --bind is given (gunicorn/config.py, Bind's default, Gunicorn 20+). Judged behind the router.
  if (out.entrypoints.some((entry) => entry.processManager && !entry.container)) {
    for (const entry of out.entrypoints) if (entry.procfile) entry.platform = true;
  }
  for (const entry of out.entrypoints) {
    // `flask run` and the python-dotenv Flask loads read .flaskenv from the folder they start in.
    const own = files[entry.root ? `${entry.root}/.flaskenv` : '.flaskenv'];
    if (entry.command.startsWith('python') && own !== undefined) entry.env = { ...parseEnvFile(own), ...entry.env };
  }
  if (out.entrypoints.length > 0) return out;

  // Nothing declares what production runs: guessed the way the servers find the app.
  const flaskenv = files['.flaskenv'] !== undefined ? parseEnvFile(files['.flaskenv']) : {};
  const guess = guessEntrypoint(files, flaskenv['FLASK_APP']);
  if (guess) {
    out.infos.push(
      `no Procfile, systemd unit, Supervisor program, Dockerfile or compose command says what production runs: assuming \`${guess.written}\` (${guess.reason})`,
    );
    // `flask` reads FLASK_APP from .flaskenv, and Flask's discovery needs it; a WSGI server takes nothing else from there.
    const flaskApp = flaskenv['FLASK_APP'];
    const discoveryEnv: Record<string, string> = flaskApp !== undefined ? { FLASK_APP: flaskApp } : {};
    out.entrypoints.push({
      command: guess.command,
      written: guess.written,
      source: null,
      env: guess.command.startsWith('python') ? flaskenv : discoveryEnv,
      root: '',
      container: false,
      guessed: true,
    });
  } else if (Object.keys(files).some((path) => path.endsWith('.py'))) {
    out.infos.push(
      'nothing says what production runs (no Procfile, unit, Supervisor program, Dockerfile or compose command) and no module starts the app: the rules that run the app were skipped',
    );
  }
  return out;
}
