/**
 * The terminal's command line: a shell-like tokenizer and the parser of the few commands the
 * learner types (curl, run, stop, env, export, unset, help, clear). Pure: no terminal, no Python.
 * Every problem comes back as `{ name: 'error', message }`; nothing here throws.
 */
import { findProgram, PROGRAMS, type Program } from './programs';

export interface CurlRequest {
  method: string;
  /** Path and query, starting with `/`; or what --request-target says (an absolute URL for a proxy). */
  path: string;
  headers: Array<[string, string]>;
  body?: string;
  /**
   * Where a full URL pointed (`http://shop.example/x`); absent for a bare path. Only the route
   * through nginx reads it: the app server alone is the one host there is.
   */
  url?: CurlUrl;
}

export interface CurlUrl {
  scheme: 'http' | 'https';
  /** The authority as written, e.g. `shop.example` or `localhost:5000`: curl's Host header. */
  host: string;
  /** The port the URL names, or the scheme's (80, 443). */
  port: number;
}

export type Command =
  | { name: 'empty' }
  | { name: 'help' }
  | { name: 'clear' }
  | { name: 'run' }
  | { name: 'stop' }
  | { name: 'env' }
  | { name: 'export'; assignments: Array<[string, string]> }
  | { name: 'unset'; names: string[] }
  | { name: 'curl'; include: boolean; headOnly: boolean; request: CurlRequest }
  /** A command in its own file, registered in programs.ts (openssl, systemctl). */
  | { name: 'program'; program: Program; args: string[] }
  /** A server command typed at the prompt (`python app.py`, `gunicorn …`): the worker runs it as Run does. */
  | { name: 'serve'; line: string }
  | { name: 'ls' }
  | { name: 'cat'; files: string[] }
  | { name: 'error'; message: string };

export type TokenizeResult = { ok: true; tokens: string[] } | { ok: false; error: string };

/**
 * Split a line the way a POSIX shell would for our purposes: whitespace separates words, single
 * quotes keep everything literally, double quotes keep spaces and honour `\"`, `\\`, `\$` and `` \` ``,
 * and a backslash outside quotes escapes the next character. No variable expansion or globbing.
 */
export function tokenize(line: string): TokenizeResult {
  const tokens: string[] = [];
  let current = '';
  // A word exists once any character or a quote pair was seen: `''` is an empty argument.
  let inWord = false;
  let i = 0;
  while (i < line.length) {
    const ch = line[i]!;
    if (ch === ' ' || ch === '\t') {
      if (inWord) tokens.push(current);
      current = '';
      inWord = false;
      i++;
    } else if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end === -1) return { ok: false, error: "unterminated single quote (')" };
      current += line.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (ch === '"') {
      i++;
      let closed = false;
      while (i < line.length) {
        const c = line[i]!;
        if (c === '"') {
          closed = true;
          i++;
          break;
        }
        if (c === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1]!)) {
          current += line[i + 1];
          i += 2;
        } else {
          current += c;
          i++;
        }
      }
      if (!closed) return { ok: false, error: 'unterminated double quote (")' };
      inWord = true;
    } else if (ch === '\\') {
      if (i + 1 < line.length) current += line[i + 1];
      inWord = true;
      i += 2;
    } else {
      current += ch;
      inWord = true;
      i++;
    }
  }
  if (inWord) tokens.push(current);
  return { ok: true, tokens };
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Commands that start a server, as production would: typed, they do what Run does with that line. */
const SERVER_COMMANDS = new Set(['python', 'python3', 'flask', 'gunicorn', 'waitress-serve']);

export function parseCommandLine(line: string): Command {
  const tokenized = tokenize(line);
  if (!tokenized.ok) return { name: 'error', message: `syntax error: ${tokenized.error}` };
  const [name, ...args] = tokenized.tokens;
  if (name === undefined) return { name: 'empty' };
  switch (name) {
    case 'help':
    case 'clear':
    case 'run':
    case 'stop':
      return args.length === 0 ? { name } : { name: 'error', message: `${name}: takes no arguments` };
    case 'env':
    case 'printenv':
      return args.length === 0 ? { name: 'env' } : { name: 'error', message: `${name}: takes no arguments` };
    case 'export':
      return parseExport(args);
    case 'unset':
      return parseUnset(args);
    case 'curl':
      return parseCurl(args);
    case 'ls':
      return { name: 'ls' };
    case 'cat':
      return args.length > 0
        ? { name: 'cat', files: args }
        : { name: 'error', message: 'cat: name a file, e.g. cat app.py' };
    default: {
      // The worker's own command parser (and Gunicorn's and Waitress's) judges the arguments.
      if (SERVER_COMMANDS.has(name)) return { name: 'serve', line: line.trim() };
      const program = findProgram(name);
      if (program) return { name: 'program', program, args };
      return { name: 'error', message: `${name}: command not found (type help for the commands)` };
    }
  }
}

function parseExport(args: string[]): Command {
  // Plain `export` lists the environment, as in bash.
  if (args.length === 0) return { name: 'env' };
  const assignments: Array<[string, string]> = [];
  for (const arg of args) {
    const eq = arg.indexOf('=');
    if (eq === -1) return { name: 'error', message: `export: use export NAME=value (got "${arg}")` };
    const key = arg.slice(0, eq);
    if (!ENV_NAME.test(key)) return { name: 'error', message: `export: "${key}" is not a valid variable name` };
    assignments.push([key, arg.slice(eq + 1)]);
  }
  return { name: 'export', assignments };
}

function parseUnset(args: string[]): Command {
  if (args.length === 0) return { name: 'error', message: 'unset: use unset NAME' };
  for (const key of args) {
    if (!ENV_NAME.test(key)) return { name: 'error', message: `unset: "${key}" is not a valid variable name` };
  }
  return { name: 'unset', names: args };
}

const CURL_USAGE = "usage: curl [-i] [-I] [-X METHOD] [-H 'Name: value']... [-d DATA] [--request-target TARGET] PATH";
/** Short options that take no value and may be bundled, e.g. `-is`. */
const CURL_FLAGS = new Set(['i', 's', 'S', 'L', 'I']);

export function parseCurl(args: string[]): Command {
  const fail = (message: string): Command => ({ name: 'error', message: `curl: ${message}` });
  let method: string | null = null;
  let include = false;
  let headOnly = false;
  const headers: Array<[string, string]> = [];
  const data: string[] = [];
  const targets: string[] = [];
  let requestTarget: string | null = null;
  let optionsEnded = false;

  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (optionsEnded || !arg.startsWith('-') || arg === '-') {
      targets.push(arg);
      continue;
    }
    if (arg === '--') {
      optionsEnded = true;
      continue;
    }
    // Split `--long=value` and attached short values such as `-XPOST`.
    let option = arg;
    let attached: string | null = null;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      if (eq !== -1) {
        option = arg.slice(0, eq);
        attached = arg.slice(eq + 1);
      }
    } else if (arg.length > 2) {
      const letters = arg.slice(1);
      if ([...letters].every((l) => CURL_FLAGS.has(l))) {
        for (const l of letters) {
          if (l === 'i') include = true;
          if (l === 'I') headOnly = include = true;
        }
        continue;
      }
      option = arg.slice(0, 2);
      attached = arg.slice(2);
      // `-iX` and the like: a flag cannot carry a value.
      if (CURL_FLAGS.has(option.slice(1))) return fail(`unknown option ${arg}\n${CURL_USAGE}`);
    }
    const takeValue = (): string | null => {
      if (attached !== null) return attached;
      const next = args[i + 1];
      if (next === undefined) return null;
      i++;
      return next;
    };

    switch (option) {
      case '-i':
      case '--include':
        include = true;
        break;
      case '-I':
      case '--head':
        include = true;
        headOnly = true;
        break;
      case '-s':
      case '--silent':
      case '-S':
      case '--show-error':
      case '-L':
      case '--location':
        // Accepted for habit's sake: there is no progress meter, and the virtual server does not redirect across hosts.
        break;
      case '-X':
      case '--request': {
        const value = takeValue();
        if (!value) return fail(`option ${option} needs a method, e.g. ${option} POST`);
        method = value;
        break;
      }
      case '-H':
      case '--header': {
        const value = takeValue();
        if (value === null) return fail(`option ${option} needs a header, e.g. ${option} 'X-Forwarded-For: 10.0.0.1'`);
        const colon = value.indexOf(':');
        const headerName = colon === -1 ? '' : value.slice(0, colon).trim();
        if (!headerName || /\s/.test(headerName)) return fail(`header "${value}" must look like 'Name: value'`);
        headers.push([headerName, value.slice(colon + 1).trim()]);
        break;
      }
      case '--request-target': {
        // The request line's target instead of the URL's path, e.g. an absolute URL for a proxy.
        const value = takeValue();
        if (!value) return fail(`option ${option} needs a target, e.g. ${option} http://169.254.169.254/`);
        requestTarget = value;
        break;
      }
      case '-d':
      case '--data':
      case '--data-raw':
      case '--data-binary': {
        const value = takeValue();
        if (value === null) return fail(`option ${option} needs data, e.g. ${option} 'name=value'`);
        data.push(value);
        break;
      }
      default:
        return fail(`unknown option ${option}\n${CURL_USAGE}`);
    }
  }

  if (targets.length === 0) return fail(`no path given, e.g. curl -i /\n${CURL_USAGE}`);
  if (targets.length > 1) return fail(`one path at a time (got ${targets.map((t) => `"${t}"`).join(', ')})`);
  const path = toPath(targets[0]!);
  if (path === null) return fail(`"${targets[0]}" is not a path; try a path such as /orders/1`);

  const request: CurlRequest = {
    // Like curl: -d implies POST, -I implies HEAD, unless -X says otherwise.
    method: method ?? (headOnly ? 'HEAD' : data.length > 0 ? 'POST' : 'GET'),
    path: requestTarget ?? path,
    headers,
  };
  const url = toUrl(targets[0]!);
  if (url) request.url = url;
  if (data.length > 0) {
    request.body = data.join('&');
    if (!headers.some(([n]) => n.toLowerCase() === 'content-type')) {
      headers.push(['Content-Type', 'application/x-www-form-urlencoded']);
    }
  }
  return { name: 'curl', include, headOnly, request };
}

/**
 * The app is the only host there is, so a URL is reduced to its path and query:
 * `/x`, `http://localhost:5000/x` and `localhost:5000/x` all mean `/x`.
 */
export function toPath(target: string): string | null {
  if (target.startsWith('/')) return target;
  const withScheme = /^https?:\/\/[^/?#\s]+(.*)$/i.exec(target);
  const hostOnly = /^(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])(?::\d+)?(.*)$/i.exec(target);
  const rest = (withScheme ?? hostOnly)?.[1];
  if (rest === undefined) return null;
  if (rest === '') return '/';
  if (rest.startsWith('?')) return `/${rest}`;
  return rest.startsWith('/') ? rest : null;
}

/** The scheme, host and port a target names; null for a bare path. `localhost:5000/x` is http. */
export function toUrl(target: string): CurlUrl | null {
  const match = /^(?:(https?):\/\/)?([^/?#\s]+)/i.exec(target);
  if (target.startsWith('/') || !match) return null;
  const scheme = (match[1]?.toLowerCase() ?? 'http') as CurlUrl['scheme'];
  const host = match[2]!;
  const port = /:(\d+)$/.exec(host)?.[1];
  return { scheme, host, port: port ? Number(port) : scheme === 'https' ? 443 : 80 };
}

export const HELP_TEXT = [
  'Commands:',
  '  run                      run the app the way production starts it (also Ctrl/Cmd+Enter)',
  '  python app.py, gunicorn …, waitress-serve …   start the app with that command line',
  '  ls, cat FILE             list the files, print one',
  '  stop                     stop the running app or request',
  "  curl [-i] [-I] [-X METHOD] [-H 'Name: value']... [-d DATA] PATH",
  '                           send a request to the app, e.g. curl -i /orders/42; with an nginx',
  '                           config it goes through nginx as a visitor, e.g. curl -i https://shop.example/',
  '                           (or Apache, with an apache/*.conf); --request-target http://… asks it as a proxy',
  '  env                      print the environment of run',
  '  export NAME=value        set a variable for the next run',
  '  unset NAME               remove a variable',
  '  clear                    clear the screen (also Ctrl+L)',
  '  help                     this list',
  ...PROGRAMS.map((program) => `  ${program.help}`),
  'Keys: Up/Down history, Left/Right move, Ctrl+C cancels the line or stops a request, Ctrl+L clears.',
  'Page: Ctrl/Cmd+Enter runs, Ctrl/Cmd+Shift+Enter checks.',
].join('\n');
