/**
 * Which command of what production starts serves the app, found as a shell and the servers find
 * it: the simple commands of a chain (`flask db upgrade; gunicorn app:app` → gunicorn), `sh -c`,
 * `cd DIR &&`, `exec`, launchers (`poetry run`, `tini --`, `gosu user`), and wrapper scripts
 * (`boot.sh`, `docker-entrypoint.sh`) followed to their `exec` or last server command with
 * `"$@"` as the arguments they were given. The result is a command the harness runs
 * (`python FILE`, `python -m MODULE`, `gunicorn …`, `waitress-serve …`) and the project folder
 * it runs in.
 */
import { lineCommands, parseCommandLine, scriptLines, type SimpleCommand } from '../../lib/config/shell';
import type { WorkspaceFiles } from '../../lib/runtime/protocol';

/**
 * Programs that only start the next words as a command (privilege drops, init processes): how
 * many operands they take before it (gosu's user), and which of their options take a value, from
 * each tool's manual (gosu, su-exec, setpriv(1), chpst(8), runuser(1), s6-setuidgid, tini, dumb-init).
 */
const LAUNCHERS: Record<string, { operands: number; valued?: readonly string[] }> = {
  exec: { operands: 0, valued: ['-a'] },
  'dumb-init': { operands: 0, valued: ['-r', '--rewrite'] },
  tini: { operands: 0, valued: ['-p', '-e'] },
  nohup: { operands: 0 },
  '--': { operands: 0 },
  'su-exec': { operands: 1 },
  gosu: { operands: 1 },
  's6-setuidgid': { operands: 1 },
  setpriv: {
    operands: 0,
    valued: [
      '--reuid',
      '--regid',
      '--groups',
      '--securebits',
      '--pdeathsig',
      '--inh-caps',
      '--ambient-caps',
      '--bounding-set',
      '--selinux-label',
      '--apparmor-profile',
    ],
  },
  chpst: {
    operands: 0,
    valued: ['-u', '-U', '-b', '-e', '-/', '-C', '-n', '-l', '-L', '-m', '-d', '-o', '-p', '-f', '-c', '-r', '-t'],
  },
  runuser: {
    operands: 0,
    valued: ['-u', '--user', '-g', '--group', '-G', '--supp-group', '-s', '--shell', '-w', '--whitelist-environment'],
  },
};
/** `poetry run X`, `pipenv run X`, `uv run X`: the tool starts X in its environment. */
const RUNNERS = new Set(['poetry', 'pipenv', 'uv', 'pdm', 'hatch', 'rye']);

/** Servers that serve a WSGI app: what the audit runs. */
const WSGI_SERVERS = new Set(['gunicorn', 'waitress-serve']);
/** Servers the harness cannot run (other WSGI servers, ASGI servers): named in the info line. */
const OTHER_SERVERS = new Set(['uwsgi', 'uvicorn', 'hypercorn', 'daphne', 'granian', 'bjoern', 'mod_wsgi-express']);
/** Programs that are another service, not the app: their commands are skipped without a word. */
export const NOT_THE_APP = new Set([
  'nginx',
  'caddy',
  'haproxy',
  'traefik',
  'httpd',
  'apache2',
  'apachectl',
  'postgres',
  'mysqld',
  'mariadbd',
  'mongod',
  'redis-server',
  'memcached',
  'rabbitmq-server',
  'docker-entrypoint.sh',
]);

export interface ServerCommand {
  /** The words of the command that serves, launchers and wrappers removed. */
  argv: string[];
  /** The project folder it runs in ('' for the project root), after `cd` and the script's own folder. */
  root: string;
  /** `NAME=value` written before it (`FLASK_DEBUG=1 flask run`) and exported by a wrapper script. */
  env: Record<string, string>;
  /** The script and line it was found in, when a wrapper script runs it. */
  via: { file: string; line: number } | null;
  /** Variables nothing the project shows sets, and what was run in their place. */
  unknown?: string[];
}

export type Found =
  { ok: true; command: ServerCommand } | { ok: false; reason: string; notTheApp?: boolean; program?: string };

const base = (word: string) => word.split('/').pop() ?? word;
const join = (root: string, path: string) =>
  [root, path]
    .filter(Boolean)
    .join('/')
    .split('/')
    .reduce<string[]>((parts, part) => {
      if (part === '..') parts.pop();
      else if (part !== '.' && part !== '') parts.push(part);
      return parts;
    }, [])
    .join('/');

/** Words with launchers and runners stripped: `exec gosu app poetry run gunicorn x` → `gunicorn x`. */
function unwrap(argv: string[]): { argv: string[]; exec: boolean } {
  let words = [...argv];
  let exec = false;
  for (;;) {
    // An unset variable in command position (`$GOSU gunicorn …` with GOSU empty) leaves nothing; a
    // set one is split into words as sh splits an unquoted expansion (GOSU="gosu app").
    while (words[0] === '') words.shift();
    if (/\s/.test(words[0] ?? '')) words = [...(words[0] as string).split(/\s+/).filter(Boolean), ...words.slice(1)];
    const program = base(words[0] ?? '');
    if (program === 'exec') exec = true;
    const launcher = LAUNCHERS[program];
    // `runuser -l user -c cmd` is su's form: its -c command is opened by the caller, like su's.
    if (launcher !== undefined && !(program === 'runuser' && words.includes('-c'))) {
      words = words.slice(1);
      // Its own options, up to `--` or the first operand.
      while (words[0]?.startsWith('-') && words[0] !== '-') {
        const option = words.shift() as string;
        if (option === '--') break;
        if (!option.includes('=') && launcher.valued?.includes(option)) words.shift();
      }
      words = words.slice(launcher.operands);
      if (words[0] === '--') words.shift();
    } else if (RUNNERS.has(program) && words[1] === 'run') words = words.slice(2);
    else if (program === 'sudo') {
      words = words.slice(1);
      while (words[0]?.startsWith('-')) words = words.slice(/^-[ugCDhprt]$/.test(words[0]) ? 2 : 1);
    } else if (program === 'env') {
      words = words.slice(1);
      while (words[0] && (/^[A-Za-z_]\w*=/.test(words[0]) || words[0].startsWith('-'))) words.shift();
    } else return { argv: words, exec };
  }
}

type Kind = 'wsgi' | 'flask-run' | 'python' | 'other-server' | 'not-app' | 'other';

function kindOf(argv: string[]): Kind {
  const program = base(argv[0] ?? '');
  if (WSGI_SERVERS.has(program)) return 'wsgi';
  if (OTHER_SERVERS.has(program)) return 'other-server';
  if (NOT_THE_APP.has(program)) return 'not-app';
  if (program === 'flask') return argv.includes('run') ? 'flask-run' : 'other';
  if (/^python(\d(\.\d+)?)?$/.test(program)) {
    const rest = argv
      .slice(1)
      .flatMap((word) => (/^-[uBOEsI]+m$/.test(word) ? ['-m'] : [word])) // python3 -um app: -u then -m
      .filter((word) => !/^-[uBOEsI]+$/.test(word));
    if (rest[0] === '-m') {
      const module = rest[1] ?? '';
      if (module === 'flask') return rest.includes('run') ? 'flask-run' : 'other';
      if (WSGI_SERVERS.has(module) || module === 'waitress') return 'wsgi';
      if (['pip', 'alembic', 'pytest', 'unittest', 'compileall', 'venv'].includes(module)) return 'other';
      return 'python';
    }
    // `python manage.py db upgrade` and the like are one-off tasks; `python app.py` or
    // `python manage.py run` may serve.
    if (
      /^(db|migrate|upgrade|init|create|drop|recreate|seed|test|shell|compile|translate|collectstatic)/.test(
        rest[1] ?? '',
      )
    )
      return 'other';
    return rest[0] && !rest[0].startsWith('-') ? 'python' : 'other';
  }
  return 'other';
}

/** The project file a script path names, as the container or server sees it. */
function scriptFile(word: string, root: string, files: WorkspaceFiles, workdir: string | null): string | null {
  const candidates: string[] = [];
  if (word.startsWith('/')) {
    if (workdir && (word === workdir || word.startsWith(`${workdir.replace(/\/$/, '')}/`))) {
      candidates.push(join(root, word.slice(workdir.replace(/\/$/, '').length + 1)));
    }
    const parts = word.replace(/^\/+/, '').split('/');
    for (let i = 0; i < parts.length; i++) candidates.push(join(root, parts.slice(i).join('/')));
    for (let i = 0; i < parts.length; i++) candidates.push(parts.slice(i).join('/'));
  } else {
    candidates.push(join(root, word), word);
  }
  const found = candidates.find((path) => files[path] !== undefined);
  if (found) return found;
  // A script copied somewhere else in the image (COPY entrypoint.sh /usr/local/bin/): the one file of that name.
  const named = Object.keys(files).filter((path) => base(path) === base(word));
  return named.length === 1 ? (named[0] as string) : null;
}

const isScript = (word: string, file: string | null, files: WorkspaceFiles) =>
  file !== null &&
  !file.endsWith('.py') &&
  (/\.(sh|bash)$/.test(word) || /^#!.*\b(ba|da|z)?sh\b/.test((files[file] ?? '').split('\n', 1)[0] ?? ''));

interface Search {
  files: WorkspaceFiles;
  /** The container's working directory the root was copied to, for absolute paths. */
  workdir: string | null;
  /** The folder the command line starts in. */
  root: string;
  depth: number;
  /** The scripts being read, outermost first. */
  stack: string[];
  /** How many times each script was read for this command line. */
  reads: Map<string, number>;
}

/** Where a script is as its lines run: the folder (`cd`) and the variables it has set so far. */
interface State {
  cwd: string;
  env: Record<string, string>;
}

function candidate(command: SimpleCommand, root: string, via: ServerCommand['via']) {
  const { argv, exec } = unwrap(command.argv);
  return { argv, exec, kind: kindOf(argv), root, env: command.assignments, via };
}
type Candidate = ReturnType<typeof candidate>;

/** Builtins that only set variables (`export NAME=value`). */
const SETTERS = new Set(['export', 'readonly', 'local', 'declare', 'typeset']);

/** The simple commands a command runs, with `sh -c` and `eval` opened, scripts followed, `cd` and assignments applied. */
function expand(
  commands: Array<SimpleCommand & { line?: number }>,
  state: State,
  search: Search,
  via: ServerCommand['via'],
  scriptFileName: string | null,
  args: string[],
): Candidate[] {
  const out: Candidate[] = [];
  for (const command of commands) {
    // "$@" and $1.. are the script's arguments (the CMD after an ENTRYPOINT script).
    const words = command.argv.flatMap((word) =>
      word === '$@' || word === '$*' ? args : /^\$\d$/.test(word) ? [args[Number(word[1]) - 1] ?? ''] : [word],
    );
    // A command made of the arguments the script was given (`exec "$@"`) is written where they are.
    const fromArgs = command.argv.some((word) => word === '$@' || word === '$*');
    const here = scriptFileName && !fromArgs ? { file: scriptFileName, line: command.line ?? 1 } : via;
    const simple = { ...command, argv: words };
    const { argv } = unwrap(words);
    const program = base(argv[0] ?? '');
    if (argv.length === 0) {
      Object.assign(state.env, command.assignments); // NAME=value on its own line sets a shell variable
      continue;
    }
    if (SETTERS.has(program)) {
      for (const word of argv.slice(1)) {
        const eq = word.indexOf('=');
        if (eq > 0) state.env[word.slice(0, eq)] = word.slice(eq + 1);
      }
      continue;
    }
    if (program === 'cd' && argv[1] && !argv[1].startsWith('$')) {
      const target = argv[1];
      state.cwd =
        target.startsWith('/') && search.workdir && target.startsWith(search.workdir)
          ? join(search.root, target.slice(search.workdir.length))
          : target.startsWith('/')
            ? state.cwd
            : join(state.cwd, target);
      continue;
    }
    const inline =
      program === 'eval'
        ? argv.slice(1).join(' ')
        : /^(ba|da|z)?sh$/.test(program) && argv[1] === '-c'
          ? argv[2]
          : (program === 'su' || program === 'runuser') && argv.includes('-c')
            ? argv[argv.indexOf('-c') + 1] // su - user -c "command": the user's shell runs it
            : undefined;
    if (inline !== undefined && search.depth < 6) {
      let parsed: SimpleCommand[] | null;
      try {
        parsed = parseCommandLine(inline, state.env);
      } catch {
        parsed = null; // an unbalanced quote: the words stay one command
      }
      if (parsed) {
        // `sh -c` is a new shell (its own variables); `eval` runs in this one.
        const inner = program === 'eval' ? state : { cwd: state.cwd, env: { ...state.env } };
        // `sh -c CMD NAME ARGS…`: $0 is NAME, "$@" the words after it; su's command gets none; eval keeps this shell's.
        const inlineArgs = program === 'eval' ? args : program === 'su' || program === 'runuser' ? [] : argv.slice(4);
        out.push(...expand(parsed, inner, { ...search, depth: search.depth + 1 }, here, null, inlineArgs));
      } else out.push(candidate(simple, state.cwd, here));
      continue;
    }
    const scriptWord =
      /^(ba|da|z)?sh$/.test(program) && argv[1] && !argv[1].startsWith('-') ? argv[1] : (argv[0] ?? '');
    const scriptArgs = scriptWord === argv[0] ? argv.slice(1) : argv.slice(2);
    const file = scriptFile(scriptWord, state.cwd, search.files, search.workdir);
    // A script that runs itself (`wgd.sh` calling `./wgd.sh start`) is read once per chain, not again and again.
    if (
      isScript(scriptWord, file, search.files) &&
      search.depth < 6 &&
      file &&
      !search.stack.includes(file) &&
      (search.reads.get(file) ?? 0) < 2
    ) {
      // Read at most twice per command line: a script that calls another many times (per function) costs a read each.
      search.reads.set(file, (search.reads.get(file) ?? 0) + 1);
      // A script runs in a new shell: the exported environment, its own variables, the same folder.
      const inner: State = { cwd: state.cwd, env: { ...state.env, ...command.assignments } };
      for (const { text, line } of scriptLines(search.files[file] as string)) {
        const parsed = lineCommands(text, inner.env);
        if (!parsed) continue;
        out.push(
          ...expand(
            parsed.map((each) => ({ ...each, line })),
            inner,
            { ...search, depth: search.depth + 1, stack: [...search.stack, file] },
            here,
            file,
            scriptArgs,
          ),
        );
      }
      continue;
    }
    out.push(candidate(simple, state.cwd, here));
  }
  return out;
}

/**
 * The command that serves among those a command line runs: an `exec` replaces the script, so
 * the first `exec`ed command wins; else the last WSGI server or `flask run`; else the last
 * `python` command that may serve.
 */
export function findServer(
  argv: string[],
  options: { files: WorkspaceFiles; root?: string; workdir?: string | null; env?: Record<string, string> },
): Found {
  const root = options.root ?? '';
  const search: Search = {
    files: options.files,
    workdir: options.workdir ?? null,
    root,
    depth: 0,
    stack: [],
    reads: new Map(),
  };
  const state: State = { cwd: root, env: { ...options.env } };
  const all = expand([{ argv, assignments: {}, then: '' }], state, search, null, null, []);
  const serving = (c: Candidate) => c.kind === 'wsgi' || c.kind === 'flask-run';
  const chosen =
    all.find((c) => c.exec && (serving(c) || c.kind === 'python')) ??
    [...all].reverse().find(serving) ??
    [...all].reverse().find((c) => c.kind === 'python') ??
    [...all].reverse().find((c) => c.kind === 'other-server' || c.kind === 'not-app');
  if (!chosen) {
    const last = all[all.length - 1];
    return {
      ok: false,
      reason: `\`${(last?.argv ?? argv).join(' ')}\`: prodready runs python, gunicorn, waitress-serve and flask commands`,
      program: base(last?.argv[0] ?? argv[0] ?? ''),
    };
  }
  if (chosen.kind === 'not-app')
    return { ok: false, reason: `${base(chosen.argv[0] ?? '')} is not the app`, notTheApp: true };
  if (chosen.kind === 'other-server') {
    return {
      ok: false,
      reason: `\`${chosen.argv.join(' ')}\`: ${base(chosen.argv[0] ?? '')} is a server prodready cannot run yet (it runs gunicorn, waitress-serve, flask run and python)`,
      program: base(chosen.argv[0] ?? ''),
    };
  }
  const settled = settleUnknownVariables(chosen.argv);
  return {
    ok: true,
    command: {
      argv: settled.argv,
      root: chosen.root,
      env: chosen.env,
      via: chosen.via,
      ...(settled.unknown.length > 0 ? { unknown: settled.unknown } : {}),
    },
  };
}

/**
 * Gunicorn's options that take no value (`action="store_true"` in gunicorn/config.py, 23.0): a
 * `$NAME` after one of them is an operand, not its value.
 */
const GUNICORN_FLAGS = new Set([
  '--reload',
  '-D',
  '--daemon',
  '--preload',
  '--check-config',
  '--print-config',
  '--spew',
  '-R',
  '--enable-stdio-inheritance',
  '--capture-output',
  '--no-sendfile',
  '--reuse-port',
  '--log-syslog',
  '--disable-redirect-access-to-syslog',
  '--strip-header-spaces',
  '--suppress-ragged-eofs',
  '--do-handshake-on-connect',
  '--permit-unconventional-http-method',
  '--permit-unconventional-http-version',
  '--casefold-http-method',
  '--header-map',
  '-h',
  '--help',
  '-v',
  '--version',
]);
const VARIABLE = /\$\{?([A-Za-z_]\w*)\}?/g;

/**
 * The command with the variables nothing sets (still written `$NAME` after expansion from what the
 * deployment defines) resolved the way the run would go: an option whose value needs one is left
 * out, so the server uses its default; any other word loses the variable, as sh expands an unset
 * one to nothing (and drops a word left empty). The names are returned for the info line.
 */
export function settleUnknownVariables(argv: readonly string[]): { argv: string[]; unknown: string[] } {
  const out: string[] = [];
  const unknown = new Set<string>();
  argv.forEach((word, index) => {
    const names = [...word.matchAll(VARIABLE)].map((match) => match[1] as string);
    if (index === 0 || names.length === 0) {
      out.push(word);
      return;
    }
    names.forEach((name) => unknown.add(name));
    const previous = out[out.length - 1] ?? '';
    // `--workers $N`: the option goes with its value; `--workers=$N`: the word is the option.
    if (/^-/.test(previous) && !previous.includes('=') && !GUNICORN_FLAGS.has(previous) && index > 1) {
      out.pop();
      return;
    }
    if (/^--?[\w-]+=/.test(word)) return;
    const rest = word.replace(VARIABLE, '');
    if (rest !== '') out.push(rest);
  });
  return { argv: out, unknown: [...unknown] };
}

/** Files under a project folder, keyed as the app sees them from it. */
export function filesUnder(files: WorkspaceFiles, root: string): WorkspaceFiles {
  if (!root) return files;
  const prefix = `${root}/`;
  const out: WorkspaceFiles = {};
  for (const [path, text] of Object.entries(files)) if (path.startsWith(prefix)) out[path.slice(prefix.length)] = text;
  return out;
}

/**
 * The command as the harness runs it from the project folder `root`: `python FILE`, `python -m
 * MODULE`, `gunicorn …`, `waitress-serve …`; `flask run` becomes `python -m flask run`. Absolute
 * paths to project files become relative; Gunicorn's `--chdir` moves the folder.
 */
export function harnessCommand(
  server: ServerCommand,
  files: WorkspaceFiles,
  workdir: string | null = null,
): { command: string; root: string } | { error: string } {
  let root = server.root;
  const words = server.argv;
  const projectPath = (word: string) => {
    if (!word.startsWith('/')) return word;
    const under = filesUnder(files, root);
    const paths = Object.keys(under);
    if (workdir && word.startsWith(`${workdir.replace(/\/$/, '')}/`))
      return word.slice(workdir.replace(/\/$/, '').length + 1);
    const parts = word.replace(/^\/+/, '').split('/');
    for (let i = 0; i < parts.length; i++) {
      const tail = parts.slice(i).join('/');
      if (under[tail] !== undefined || paths.some((p) => p.startsWith(`${tail}/`))) return tail;
    }
    return word;
  };
  const program = base(words[0] ?? '');
  let out: string[];
  if (/^python(\d(\.\d+)?)?$/.test(program)) {
    const rest = words
      .slice(1)
      .flatMap((word) => (/^-[uBOEsI]+m$/.test(word) ? ['-m'] : [word]))
      .filter((word) => !/^-[uBOEsI]+$/.test(word));
    if (rest[0] === '-m' && rest[1] === 'flask') out = ['python', '-m', 'flask', ...rest.slice(2)];
    else if (rest[0] === '-m' && WSGI_SERVERS.has(rest[1] ?? '')) out = [rest[1] as string, ...rest.slice(2)];
    else out = ['python', ...rest.map(projectPath)];
  } else if (WSGI_SERVERS.has(program)) {
    const rest: string[] = [];
    for (let i = 1; i < words.length; i++) {
      const word = words[i] as string;
      const chdir = word === '--chdir' ? words[++i] : word.startsWith('--chdir=') ? word.slice(8) : undefined;
      if (chdir === undefined) {
        rest.push(projectPath(word));
        continue;
      }
      // The folder Gunicorn changes to, when it is one of the project's; a server path outside it does not apply.
      const folder = projectPath(chdir);
      if (!folder.startsWith('/')) root = join(root, folder);
    }
    out = [program, ...rest];
  } else if (program === 'flask') {
    out = ['python', '-m', 'flask', ...words.slice(1)];
  } else {
    return { error: `\`${words.join(' ')}\`: prodready runs python, gunicorn, waitress-serve and flask commands` };
  }
  const quote = (word: string) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'"'"'`)}'`);
  return { command: out.map(quote).join(' '), root };
}
