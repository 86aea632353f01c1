/**
 * systemd unit files (systemd.syntax(7), systemd.unit(5), systemd.exec(5), systemd.service(5)): sections of
 * ordered, repeatable `Key=value` entries with line numbers; list keys reset by an empty assignment; and the
 * quoting of Environment= and ExecStart=.
 */

export interface UnitEntry {
  key: string;
  value: string;
  file: string;
  /** The line the entry starts on (continuations join later lines into it). */
  line: number;
}

export interface UnitSection {
  name: string;
  entries: UnitEntry[];
  file: string;
  line: number;
}

export interface Unit {
  file: string;
  sections: UnitSection[];
}

export class UnitSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly file: string,
    readonly line: number,
  ) {
    super(`${file}:${line}: ${reason}`);
    this.name = 'UnitSyntaxError';
  }
}

/** Parses a unit; comments are lines starting with `#` or `;`, a trailing `\` continues onto the next line. */
export function parseUnit(text: string, file: string): Unit {
  const lines = text.split(/\r?\n/);
  const sections: UnitSection[] = [];
  let current: UnitSection | null = null;
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    let line = (lines[i] as string).trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    // systemd joins a line ending in `\` with the next, replacing the backslash by a space; comment lines met
    // while continuing are dropped (systemd.syntax(7)).
    while (line.endsWith('\\') && i + 1 < lines.length) {
      line = `${line.slice(0, -1)} `;
      i++;
      const next = (lines[i] as string).trim();
      if (next.startsWith('#') || next.startsWith(';')) {
        line = line.slice(0, -1) + '\\';
        continue;
      }
      line += next;
    }
    if (line.endsWith('\\')) line = line.slice(0, -1).trimEnd();
    if (line.startsWith('[')) {
      const m = /^\[([^[\]]+)\]$/.exec(line);
      if (!m) throw new UnitSyntaxError(`invalid section header '${line}'`, file, lineNo);
      current = { name: m[1] as string, entries: [], file, line: lineNo };
      sections.push(current);
      continue;
    }
    if (!current) throw new UnitSyntaxError('assignment outside of section', file, lineNo);
    const eq = line.indexOf('=');
    if (eq < 0) throw new UnitSyntaxError(`missing '=', ignoring line: ${line}`, file, lineNo);
    current.entries.push({ key: line.slice(0, eq).trim(), value: line.slice(eq + 1).trim(), file, line: lineNo });
  }
  return { file, sections };
}

function entriesOf(unit: Unit, section: string, key: string): UnitEntry[] {
  return unit.sections.filter((s) => s.name === section).flatMap((s) => s.entries.filter((e) => e.key === key));
}

/** A single-valued setting: the last assignment wins (an empty one means "the default"). */
export function value(unit: Unit, section: string, key: string): UnitEntry | undefined {
  const all = entriesOf(unit, section, key);
  const last = all[all.length - 1];
  return last && last.value !== '' ? last : undefined;
}

/** A list setting (Environment=, EnvironmentFile=, ExecStartPre=, ...): appends, and `Key=` empties the list. */
export function values(unit: Unit, section: string, key: string): UnitEntry[] {
  const out: UnitEntry[] = [];
  for (const entry of entriesOf(unit, section, key)) {
    if (entry.value === '') out.length = 0;
    else out.push(entry);
  }
  return out;
}

const C_ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  '"': '"',
  "'": "'",
  s: ' ',
};

/**
 * Splits a value into words as systemd's extract_first_word does with EXTRACT_UNQUOTE|EXTRACT_CUNESCAPE: words
 * separated by whitespace, "double" or 'single' quotes group (and may sit inside a word), C escapes resolved.
 */
export function splitWords(text: string): string[] {
  const words: string[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && /\s/.test(text[i] as string)) i++;
    if (i >= n) break;
    let word = '';
    let quote: string | null = null;
    for (; i < n; i++) {
      const ch = text[i] as string;
      if (quote === null && /\s/.test(ch)) break;
      if (ch === '\\' && i + 1 < n) {
        const next = text[i + 1] as string;
        const hex = /^x([0-9a-fA-F]{2})/.exec(text.slice(i + 1));
        if (hex) {
          word += String.fromCharCode(parseInt(hex[1] as string, 16));
          i += 3;
        } else {
          word += C_ESCAPES[next] ?? next;
          i++;
        }
        continue;
      }
      if (quote !== null && ch === quote) {
        quote = null;
        continue;
      }
      if (quote === null && (ch === '"' || ch === "'")) {
        quote = ch;
        continue;
      }
      word += ch;
    }
    if (quote !== null) throw new Error(`unbalanced quoting in: ${text}`);
    words.push(word);
  }
  return words;
}

export interface EnvironmentPair {
  name: string;
  value: string;
  entry: UnitEntry;
}

/** Environment= assignments, in effect order (later ones win for the same name), e.g. `"A=1 2" B=3`. */
export function environment(unit: Unit, section = 'Service'): EnvironmentPair[] {
  const out: EnvironmentPair[] = [];
  for (const entry of values(unit, section, 'Environment')) {
    for (const word of splitWords(entry.value)) {
      const eq = word.indexOf('=');
      // systemd ignores (with a warning) assignments that are not NAME=VALUE.
      if (eq <= 0) continue;
      out.push({ name: word.slice(0, eq), value: word.slice(eq + 1), entry });
    }
  }
  return out;
}

export interface ExecCommand {
  /** Special-executable prefixes in the order written: `-` ignore failure, `@` argv0, `:` no env expansion, `+`/`!`/`!!` privileges. */
  prefixes: string[];
  ignoreFailure: boolean;
  /** The program path (argv[0] unless `@` gave another). */
  path: string;
  /** argv, with argv[0] first; specifiers like %h and variables like $HOME are left as written. */
  argv: string[];
  entry: UnitEntry;
}

/** Parses an Exec*= line: prefixes `-@:+!` (and `!!`), then the command with systemd's quoting. */
export function parseExec(entry: UnitEntry): ExecCommand {
  const m = /^([-@:+!]*)(.*)$/s.exec(entry.value.trim()) as RegExpExecArray;
  const raw = m[1] as string;
  const prefixes = raw.includes('!!') ? [...raw.replace('!!', '').split(''), '!!'] : raw.split('');
  const words = splitWords(m[2] as string);
  const [first = ''] = words;
  const argv = prefixes.includes('@') ? words.slice(1) : words;
  return { prefixes, ignoreFailure: prefixes.includes('-'), path: first, argv, entry };
}
