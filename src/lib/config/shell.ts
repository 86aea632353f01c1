/**
 * Shell command lines as `sh` reads them (Procfiles, Dockerfile shell form, compose `command:`,
 * `sh -c`, wrapper scripts): words and quotes by shell-quote, a maintained shell-words parser, then
 * split into the simple commands of a chain (`;`, `&&`, `||`, `&`, `|`). Variables are expanded
 * from the environment the caller knows; the ones it does not know stay written as `$NAME`.
 */
import { parse, type ParseEntry } from 'shell-quote';

export interface SimpleCommand {
  /** The words, leading `NAME=value` assignments removed. */
  argv: string[];
  /** `NAME=value` words written before the program (they set its environment). */
  assignments: Record<string, string>;
  /** The operator that ends it (`;`, `&&`, `||`, `&`, `|`), or '' for the last command. */
  then: string;
}

/**
 * `$NAME`, `${NAME}`, `${NAME:-default}` and `${NAME-default}` from env; unknown names stay
 * `$NAME` so a caller can still see what was written (`$PORT`).
 */
function expander(env: Record<string, string | undefined>) {
  const expand = (key: string): string => {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)(:?-(.*))?$/s.exec(key);
    if (!match) return `$${key}`;
    const [, name = '', withDefault, fallback = ''] = match;
    const value = env[name];
    if (value !== undefined && !(withDefault?.startsWith(':') && value === '')) return value;
    if (withDefault === undefined) return `$${name}`;
    // The default is a word of its own, quotes and variables included (`${PORT:-"${EXPOSE_PORT:-5000}"}`).
    if (!/["'$\\]/.test(fallback)) return fallback;
    return parse(fallback, expand)
      .filter((entry): entry is string => typeof entry === 'string')
      .join(' ');
  };
  return expand;
}

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s;

/** The simple commands of one command line, in order. Comments end the line; globs stay as written. */
export function parseCommandLine(line: string, env: Record<string, string | undefined> = {}): SimpleCommand[] {
  const entries: ParseEntry[] = parse(line, expander(env));
  const commands: SimpleCommand[] = [];
  let words: string[] = [];
  const end = (then: string) => {
    const assignments: Record<string, string> = {};
    while (words.length > 0 && ASSIGNMENT.test(words[0] as string)) {
      const [, name = '', value = ''] = ASSIGNMENT.exec(words.shift() as string) ?? [];
      assignments[name] = value;
    }
    if (words.length > 0 || Object.keys(assignments).length > 0) commands.push({ argv: words, assignments, then });
    words = [];
  };
  for (const entry of entries) {
    if (typeof entry === 'string') words.push(entry);
    else if ('comment' in entry) break;
    else if (entry.op === 'glob') words.push(entry.pattern);
    else if ([';', '&&', '||', '&', '|', '|&', ';;'].includes(entry.op)) end(entry.op);
    else words.push(entry.op); // redirections and parentheses: kept as words, they never name the server
  }
  end('');
  return commands;
}

/** Words that open or close a compound command; the command after them is an ordinary one. */
const COMPOUND = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', '{', '}', '!', '(', ')']);

/** A script's command lines: comments skipped, continuation lines joined, each at its first line. */
export function scriptLines(text: string): Array<{ text: string; line: number }> {
  const out: Array<{ text: string; line: number }> = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let joined = lines[i] as string;
    while (/\\$/.test(joined) && i + 1 < lines.length) joined = joined.slice(0, -1) + lines[++i];
    if (!/^\s*(#|$)/.test(joined)) out.push({ text: joined, line: start + 1 });
  }
  return out;
}

/**
 * The simple commands of one script line, compound keywords (`then`, `do`, `if`…) dropped so
 * `then gunicorn …` is the gunicorn command; null when the line does not parse on its own (a
 * quote spanning lines, a heredoc).
 */
export function lineCommands(text: string, env: Record<string, string | undefined> = {}): SimpleCommand[] | null {
  let parsed: SimpleCommand[];
  try {
    parsed = parseCommandLine(text, env);
  } catch {
    return null;
  }
  return parsed.flatMap((command) => {
    const argv = [...command.argv];
    while (argv.length > 0 && COMPOUND.has(argv[0] as string)) argv.shift();
    return argv.length > 0 || Object.keys(command.assignments).length > 0 ? [{ ...command, argv }] : [];
  });
}

/**
 * A script's simple commands line by line (comments and continuation lines as sh reads them).
 * Hand-written around parseCommandLine because no maintained npm package parses whole POSIX
 * scripts into commands; a wrapper script only needs its command lines, not its control flow.
 * Variables expand from `env` as given: a caller that tracks assignments parses line by line.
 */
export function scriptCommands(
  text: string,
  env: Record<string, string | undefined> = {},
): Array<SimpleCommand & { line: number }> {
  return scriptLines(text).flatMap(({ text: line, line: number }) =>
    (lineCommands(line, env) ?? []).map((command) => ({ ...command, line: number })),
  );
}

/**
 * Words as shell quoting splits them, with no shell to run them: operators and `#` are ordinary
 * words (Compose's string `command:`, Supervisor's `command=`). Variables stay as written.
 */
export function splitWords(text: string): string[] {
  return parse(text, (key) => `$${key}`).map((entry) => {
    if (typeof entry === 'string') return entry;
    if ('comment' in entry) return `#${entry.comment}`;
    return entry.op === 'glob' ? entry.pattern : entry.op;
  });
}
