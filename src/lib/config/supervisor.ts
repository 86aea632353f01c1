/**
 * Supervisor configuration (supervisord.conf and conf.d programs), read with the INI rules of Python's
 * RawConfigParser as Supervisor sets it up (strict off): `;`/`#` full-line comments, inline `;`/`#` comments only
 * after whitespace, `key = value` or `key: value`, continuation lines by indentation, a repeated option replacing
 * the earlier one, and sections of the same name merged. `%(ENV_X)s` stays as text.
 */

export interface SupervisorEntry {
  key: string;
  value: string;
  file: string;
  line: number;
}

export interface SupervisorSection {
  /** The full header: `program:web`, `supervisord`, `group:g`. */
  name: string;
  /** For `[program:x]`, `program`; otherwise the whole name. */
  kind: string;
  /** For `[program:x]`, `x`. */
  label?: string;
  entries: SupervisorEntry[];
  file: string;
  line: number;
}

export class SupervisorSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly file: string,
    readonly line: number,
  ) {
    super(`${reason} (file: '${file}', line ${line})`);
    this.name = 'SupervisorSyntaxError';
  }
}

/** Supervisor's parser sets inline_comment_prefixes=(';', '#'); ConfigParser only sees them after whitespace. */
function stripInlineComment(value: string): string {
  const m = /\s[;#]/.exec(value);
  return (m ? value.slice(0, m.index) : value).trim();
}

export function parseSupervisor(text: string, file: string): SupervisorSection[] {
  const sections: SupervisorSection[] = [];
  let current: SupervisorSection | null = null;
  let last: SupervisorEntry | null = null;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const raw = lines[i] as string;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith(';') || trimmed.startsWith('#')) {
      // A blank line inside a value ends it for our purposes (ConfigParser keeps it only before more indented text).
      if (trimmed === '') last = null;
      continue;
    }
    if (/^\s/.test(raw) && last) {
      last.value = `${last.value}\n${stripInlineComment(trimmed)}`;
      continue;
    }
    const header = /^\[([^\]]+)\]/.exec(trimmed);
    if (header) {
      const name = (header[1] as string).trim();
      const colon = name.indexOf(':');
      last = null;
      const seen = sections.find((sec) => sec.name === name);
      if (seen) {
        current = seen;
        continue;
      }
      current = {
        name,
        kind: colon >= 0 ? name.slice(0, colon) : name,
        label: colon >= 0 ? name.slice(colon + 1) : undefined,
        entries: [],
        file,
        line: lineNo,
      };
      sections.push(current);
      continue;
    }
    if (!current) throw new SupervisorSyntaxError('File contains no section headers.', file, lineNo);
    const m = /^([^=:]+?)\s*[=:]\s*(.*)$/.exec(trimmed);
    if (!m) throw new SupervisorSyntaxError(`Source contains parsing errors: ${JSON.stringify(raw)}`, file, lineNo);
    // ConfigParser lowercases option names.
    last = { key: (m[1] as string).toLowerCase(), value: stripInlineComment(m[2] as string), file, line: lineNo };
    // Supervisor turns ConfigParser's `strict` off, so a repeated option replaces the earlier one.
    const existing = current.entries.findIndex((e) => e.key === last?.key);
    if (existing >= 0) current.entries.splice(existing, 1);
    current.entries.push(last);
  }
  return sections;
}

export function programs(sections: readonly SupervisorSection[]): SupervisorSection[] {
  return sections.filter((s) => s.kind === 'program');
}

export function option(section: SupervisorSection, key: string): SupervisorEntry | undefined {
  return section.entries.find((e) => e.key === key.toLowerCase());
}

const SHLEX_WORDCHARS = /[A-Za-z0-9_/.+\-():]/;

/**
 * Python's shlex.shlex in its default (non-POSIX) mode, with Supervisor's extra word characters `/.+-():`: quoted
 * strings are tokens that keep their quotes, `#` starts a comment, any other character is a token of its own.
 */
function shlexTokens(text: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '#') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (ch === '"' || ch === "'") {
      const close = text.indexOf(ch, i + 1);
      if (close < 0) throw new Error('No closing quotation');
      tokens.push(text.slice(i, close + 1));
      i = close + 1;
    } else if (SHLEX_WORDCHARS.test(ch)) {
      let j = i;
      while (j < text.length && SHLEX_WORDCHARS.test(text[j] as string)) j++;
      tokens.push(text.slice(i, j));
      i = j;
    } else {
      tokens.push(ch);
      i++;
    }
  }
  return tokens;
}

/**
 * `environment=KEY="val",KEY2="val2"`, as supervisor.datatypes.dict_of_key_value_pairs reads it: tokens in threes
 * (`KEY`, `=`, value), quotes stripped from the value, and the separator after each triple skipped whatever it is.
 * Unquoted values with characters such as `@`, `$`, `%` or spaces break the triples: quote every value.
 */
export function parseEnvironment(value: string): [string, string][] {
  const tokens = shlexTokens(value);
  const pairs: [string, string][] = [];
  for (let i = 0; i < tokens.length; i += 4) {
    const [key, eq, val] = tokens.slice(i, i + 3);
    if (key === undefined || eq !== '=' || val === undefined) {
      throw new Error(`Unexpected end of key/value pairs in value '${value}'`);
    }
    pairs.push([key, val.replace(/^['"]+|['"]+$/g, '')]);
  }
  return pairs;
}
