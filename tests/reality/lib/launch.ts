/**
 * Starts an app server the way a lesson's entrypoint says, changing only where it listens (a free
 * loopback port, or a unix socket in the temp dir when the lesson uses one) and paths (the venv, the
 * project folder). Hosts are kept as written, so a solution that listened on every interface would
 * show it in the server's own startup line, which the tests read.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, delimiter, join } from 'node:path';
import type { Entrypoint } from './lessons';
import { start, type Started } from './processes';

export interface Endpoint {
  /** for proxy_pass: "127.0.0.1:PORT" or "unix:/path" */
  address: string;
  port?: number;
  socketPath?: string;
}

/** Shell-like words (Procfile, ExecStart=, supervisor command=): quotes, backslashes, $VAR and ${VAR}. */
export function splitWords(line: string, env: Record<string, string | undefined>): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  const expand = (i: number): [string, number] => {
    const braced = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}/.exec(line.slice(i));
    const plain = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(line.slice(i));
    const match = braced ?? plain;
    if (!match) return ['$', i + 1];
    return [env[match[1]!] ?? '', i + match[0].length];
  };
  for (let i = 0; i < line.length;) {
    const c = line[i]!;
    if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      i++;
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unclosed ' in: ${line}`);
      word += line.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (c === '"') {
      inWord = true;
      i++;
      while (i < line.length && line[i] !== '"') {
        if (line[i] === '\\' && i + 1 < line.length) {
          word += line[i + 1];
          i += 2;
        } else if (line[i] === '$') {
          const [value, next] = expand(i);
          word += value;
          i = next;
        } else word += line[i++];
      }
      if (i >= line.length) throw new Error(`unclosed " in: ${line}`);
      i++;
    } else if (c === '\\' && i + 1 < line.length) {
      word += line[i + 1];
      inWord = true;
      i += 2;
    } else if (c === '$') {
      const [value, next] = expand(i);
      word += value;
      inWord = true;
      i = next;
    } else if (/[;&|<>()`]/.test(c)) {
      throw new Error(`shell syntax (${c}) in an entrypoint is not supported by the reality tests: ${line}`);
    } else {
      word += c;
      inWord = true;
      i++;
    }
  }
  if (inWord) words.push(word);
  return words;
}

/** "host:port" → same host, new port; "unix:/path" → the test socket. Several space-separated allowed. */
function rewriteAddressList(value: string, to: Endpoint): string {
  return value
    .split(/(\s+)/)
    .map((part) => {
      if (!part.trim()) return part;
      if (part.startsWith('unix:')) return to.socketPath ? `unix:${to.socketPath}` : part;
      const match = /^(.*):(\d+)$/.exec(part);
      if (match) return `${match[1]}:${to.port}`;
      return part;
    })
    .join('');
}

export interface Launch {
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** what was changed, for the test's diagnostics */
  rewrites: string[];
}

export interface PlanInput {
  entry: Entrypoint;
  dir: string;
  venvBin: string;
  port: number;
  socketPath: string;
  env: Record<string, string>;
}

/** Rewrites an entrypoint's command (and the files it names) for the temp dir, the venv and a test port. */
export function plan({ entry, dir, venvBin, port, socketPath, env }: PlanInput): Launch {
  const rewrites: string[] = [];
  const baseEnv: Record<string, string> = { ...entry.env, ...env, PORT: String(port) };
  let words = splitWords(entry.command.replace(/^[-@:+!]+/, ''), baseEnv);
  const assignments: Record<string, string> = {};
  while (words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0]!)) {
    const [key, ...rest] = words.shift()!.split('=');
    assignments[key!] = rest.join('=');
  }
  if (words[0] === 'exec') words.shift();
  if (!words.length) throw new Error(`${entry.source}: empty command`);

  // Paths: the venv's executables, and the project folder (WorkingDirectory=) → the temp dir.
  const project = entry.workingDirectory?.replace(/\/+$/, '');
  const rewritePath = (path: string): string => {
    if (!path.startsWith('/')) return path;
    const bin = /\/bin\/([^/]+)$/.exec(path);
    if (bin && existsSync(join(venvBin, bin[1]!))) return join(venvBin, bin[1]!);
    if (project && (path === project || path.startsWith(`${project}/`))) return dir + path.slice(project.length);
    if (existsSync(join(dir, basename(path)))) return join(dir, basename(path));
    return path;
  };
  words = words.map((word) => {
    const option = /^(--?[A-Za-z][\w-]*=)(\/.*)$/.exec(word);
    const next = option ? option[1] + rewritePath(option[2]!) : rewritePath(word);
    if (next !== word) rewrites.push(`${word} → ${next}`);
    return next;
  });

  const endpoint: Endpoint = { address: `127.0.0.1:${port}`, port, socketPath };
  const program = basename(words[0]!);
  const isPython = /^python(3(\.\d+)?)?$/.test(program);
  const moduleName = isPython && words[1] === '-m' ? words[2] : undefined;
  const serverArgsFrom = isPython ? (moduleName ? 3 : 1) : 1;

  const rewriteOption = (names: string[]): boolean => {
    let changed = false;
    for (let i = serverArgsFrom; i < words.length; i++) {
      const word = words[i]!;
      for (const name of names) {
        if (word === name && i + 1 < words.length) {
          const next = name === '--port' ? String(port) : rewriteAddressList(words[i + 1]!, endpoint);
          rewrites.push(`${name} ${words[i + 1]} → ${next}`);
          words[i + 1] = next;
          changed = true;
        } else if (word.startsWith(`${name}=`)) {
          const value = word.slice(name.length + 1);
          const next = name === '--port' ? String(port) : rewriteAddressList(value, endpoint);
          rewrites.push(`${word} → ${name}=${next}`);
          words[i] = `${name}=${next}`;
          changed = true;
        }
      }
    }
    return changed;
  };

  const rewriteFile = (file: string, patterns: Array<[RegExp, (match: string, ...groups: string[]) => string]>) => {
    if (!existsSync(file)) return false;
    const before = readFileSync(file, 'utf8');
    let after = before;
    for (const [pattern, replace] of patterns) after = after.replace(pattern, replace);
    if (after === before) return false;
    writeFileSync(file, after);
    rewrites.push(`${basename(file)}: listen address rewritten`);
    return true;
  };

  if (program === 'gunicorn' || moduleName === 'gunicorn') {
    const configIndex = words.findIndex((word, i) => i >= serverArgsFrom && (word === '-c' || word === '--config'));
    const inline = words.find((word) => word.startsWith('--config='))?.slice('--config='.length);
    let config = configIndex >= 0 ? words[configIndex + 1] : inline;
    if (config?.startsWith('python:')) config = undefined;
    config ??= 'gunicorn.conf.py';
    const configPath = config.startsWith('/') ? config : join(dir, config);
    const inFile = rewriteFile(configPath, [
      [
        /^(\s*bind\s*=\s*)(["'])([^"']*)\2/gm,
        (_m, lead, q, value) => `${lead}${q}${rewriteAddressList(value!, endpoint)}${q}`,
      ],
      [
        /^(\s*bind\s*=\s*\[)([^\]]*)\]/gm,
        (_m, lead, list) =>
          `${lead}${list!.replace(/(["'])([^"']*)\1/g, (_q, q, value: string) => `${q}${rewriteAddressList(value, endpoint)}${q}`)}]`,
      ],
    ]);
    const onCommandLine = rewriteOption(['--bind', '-b']);
    if (!inFile && !onCommandLine) {
      // Gunicorn's own default is 127.0.0.1:8000: keep its host, change the port.
      words.push('--bind', `127.0.0.1:${port}`);
      rewrites.push(`(no bind given; Gunicorn's default 127.0.0.1:8000) → --bind 127.0.0.1:${port}`);
    }
  } else if (program === 'waitress-serve' || moduleName === 'waitress') {
    const changed = rewriteOption(['--listen', '--port', '--unix-socket']);
    if (!changed)
      throw new Error(`${entry.source}: waitress-serve with no --listen or --port (it would listen on 0.0.0.0:8080)`);
  } else if (isPython && words[1] && words[1].endsWith('.py')) {
    const script = words[1].startsWith('/') ? words[1] : join(dir, words[1]);
    const changed = rewriteFile(script, [
      [
        /\b(listen\s*=\s*)(["'])([^"']*)\2/g,
        (_m, lead, q, value) => `${lead}${q}${rewriteAddressList(value!, endpoint)}${q}`,
      ],
      [/\b(port\s*=\s*)(\d+|(["'])\d+\3)/g, (_m, lead) => `${lead}${port}`],
      [/\b(unix_socket\s*=\s*)(["'])([^"']*)\2/g, (_m, lead, q) => `${lead}${q}${socketPath}${q}`],
    ]);
    if (!changed) throw new Error(`${entry.source}: found no listen=, port= or unix_socket= to rewrite in ${words[1]}`);
  } else {
    throw new Error(`${entry.source}: the reality tests do not know how to run \`${program}\``);
  }

  // Resolve the program: the venv first, then the system PATH.
  const path = [venvBin, ...(process.env.PATH ?? '').split(delimiter)].filter(Boolean);
  let command = words[0]!;
  if (!command.includes('/')) {
    const hit = path.map((dirName) => join(dirName, command)).find((candidate) => existsSync(candidate));
    if (!hit) throw new Error(`${entry.source}: ${command} not found in the venv or on PATH`);
    command = hit;
  }
  return {
    command,
    args: words.slice(1),
    cwd: dir,
    env: {
      ...process.env,
      ...baseEnv,
      ...assignments,
      PATH: path.join(delimiter),
      VIRTUAL_ENV: join(venvBin, '..'),
      PYTHONUNBUFFERED: '1',
      PYTHONDONTWRITEBYTECODE: '1',
    },
    rewrites,
  };
}

export function launch(name: string, launchPlan: Launch, extraEnv: Record<string, string> = {}): Started {
  return start(name, launchPlan.command, launchPlan.args, {
    cwd: launchPlan.cwd,
    env: { ...launchPlan.env, ...extraEnv },
  });
}

/** The addresses a server says it listens on: Gunicorn's "Listening at:", Waitress's "Serving on". */
export function listeningAddresses(log: string): string[] {
  const found: string[] = [];
  for (const match of log.matchAll(/Listening at: (.+?) \(\d+\)/g)) {
    for (const url of match[1]!.split(',')) found.push(url.trim());
  }
  for (const match of log.matchAll(/Serving on (\S+)/g)) found.push(match[1]!);
  return found;
}
