/**
 * httpd's configuration lexer: logical lines (util.c ap_varbuf_cfg_getline) and words (util.c
 * ap_getword_conf). Hand-written because no maintained JavaScript parser for httpd's syntax exists (npm, November
 * 2026: only boilerplate configs such as apache-server-configs; the nearest reader, apacheconfig 0.3.2 from 2020,
 * is a Python library), and these two functions are short enough to follow line by line.
 */

export interface LogicalLine {
  text: string;
  /** httpd numbers a directive by the last physical line it read (a `\` continuation counts on). */
  line: number;
}

/**
 * Splits a file into logical lines: a line whose last character is a single `\` continues on the next (the
 * backslash removed, the next line's leading blanks kept); leading and trailing blanks are trimmed.
 */
export function logicalLines(text: string): LogicalLine[] {
  const physical = text.split('\n');
  if (physical.at(-1) === '') physical.pop();
  const out: LogicalLine[] = [];
  let buffer = '';
  for (let i = 0; i < physical.length; i++) {
    const raw = (physical[i] ?? '').replace(/\r$/, '');
    if (raw.endsWith('\\') && !raw.endsWith('\\\\') && i < physical.length - 1) {
      buffer += raw.slice(0, -1);
      continue;
    }
    buffer += raw;
    out.push({ text: buffer.trim(), line: i + 1 });
    buffer = '';
  }
  return out;
}

/** One word of `rest` as ap_getword_conf reads it, and what is left after it (and the blanks after it). */
export function getWord(rest: string): { word: string; rest: string } {
  let i = 0;
  while (i < rest.length && /\s/.test(rest[i] as string)) i++;
  if (i >= rest.length) return { word: '', rest: '' };
  const quote = rest[i];
  let word = '';
  let end: number;
  if (quote === '"' || quote === "'") {
    end = i + 1;
    while (end < rest.length && rest[end] !== quote) {
      if (rest[end] === '\\' && (rest[end + 1] === quote || rest[end + 1] === '\\')) {
        word += rest[end + 1];
        end += 2;
      } else word += rest[end++];
    }
    if (rest[end] === quote) end++;
  } else {
    end = i;
    while (end < rest.length && !/\s/.test(rest[end] as string)) {
      if (rest[end] === '\\' && rest[end + 1] === '\\') {
        word += '\\';
        end += 2;
      } else word += rest[end++];
    }
  }
  while (end < rest.length && /\s/.test(rest[end] as string)) end++;
  return { word, rest: rest.slice(end) };
}

/** Every word of `text` (an empty quoted "" is a word, as httpd hands it on). */
export function words(text: string): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.trim() !== '') {
    const next = getWord(rest);
    out.push(next.word);
    rest = next.rest;
  }
  return out;
}

/** ${NAME} replaced from Define/the environment; an unknown one stays as written (httpd only warns). */
export function resolveVariables(text: string, defines: ReadonlyMap<string, string>): string {
  return text.replace(/\$\{([A-Za-z0-9_.:-]+)\}/g, (whole, name: string) => defines.get(name) ?? whole);
}
