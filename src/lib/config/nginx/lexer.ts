/**
 * nginx's tokenizer, ported from ngx_conf_read_token (src/core/ngx_conf_file.c) so that what we accept and reject,
 * and where, matches `nginx -t`. Each call to `next()` reads one directive's tokens up to its terminator.
 */
import { NginxSyntaxError } from './types';

export interface Token {
  value: string;
  quoted: boolean;
  line: number;
  column: number;
}

export type Terminator = ';' | '{' | '}' | 'eof';

export interface Statement {
  tokens: Token[];
  end: Terminator;
  /** Where the terminator sits (for EOF, the end of the file). */
  line: number;
  column: number;
}

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
}

/** nginx resolves only these escapes; any other backslash stays in the value with its character. */
function unescape(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (ch === '\\' && i + 1 < raw.length) {
      const next = raw[i + 1];
      if (next === '"' || next === "'" || next === '\\') {
        out += next;
        i++;
        continue;
      }
      const control = next === 't' ? '\t' : next === 'r' ? '\r' : next === 'n' ? '\n' : undefined;
      if (control !== undefined) {
        out += control;
        i++;
        continue;
      }
    }
    out += ch;
  }
  return out;
}

export class Lexer {
  private pos = 0;
  private line = 1;
  private column = 1;

  constructor(
    private readonly text: string,
    private readonly file: string,
  ) {}

  private fail(reason: string, line = this.line, column = this.column): never {
    throw new NginxSyntaxError(reason, this.file, line, column);
  }

  next(): Statement {
    const tokens: Token[] = [];
    let lastSpace = true;
    let needSpace = false;
    let sharpComment = false;
    let quoted = false;
    let dQuoted = false;
    let sQuoted = false;
    let variable = false;
    let start = 0;
    let startLine = 1;
    let startColumn = 1;
    let tokenQuoted = false;

    for (;;) {
      if (this.pos >= this.text.length) {
        if (tokens.length > 0 || !lastSpace) {
          this.fail('unexpected end of file, expecting ";" or "}"');
        }
        return { tokens, end: 'eof', line: this.line, column: this.column };
      }
      const ch = this.text[this.pos] as string;
      const chLine = this.line;
      const chColumn = this.column;
      this.pos++;
      if (ch === '\n') {
        this.line++;
        this.column = 1;
        sharpComment = false;
      } else {
        this.column++;
      }
      if (sharpComment) continue;
      if (quoted) {
        quoted = false;
        continue;
      }
      if (needSpace) {
        if (isSpace(ch)) {
          lastSpace = true;
          needSpace = false;
          continue;
        }
        if (ch === ';' || ch === '{') return { tokens, end: ch, line: chLine, column: chColumn };
        if (ch === ')') {
          lastSpace = true;
          needSpace = false;
        } else {
          this.fail(`unexpected "${ch}"`, chLine, chColumn);
        }
      }

      if (lastSpace) {
        start = this.pos - 1;
        startLine = chLine;
        startColumn = chColumn;
        tokenQuoted = false;
        if (isSpace(ch)) continue;
        switch (ch) {
          case ';':
          case '{':
            if (tokens.length === 0) this.fail(`unexpected "${ch}"`, chLine, chColumn);
            return { tokens, end: ch, line: chLine, column: chColumn };
          case '}':
            if (tokens.length !== 0) this.fail('unexpected "}"', chLine, chColumn);
            return { tokens, end: '}', line: chLine, column: chColumn };
          case '#':
            sharpComment = true;
            continue;
          case '\\':
            quoted = true;
            lastSpace = false;
            continue;
          case '"':
            start++;
            dQuoted = true;
            tokenQuoted = true;
            lastSpace = false;
            continue;
          case "'":
            start++;
            sQuoted = true;
            tokenQuoted = true;
            lastSpace = false;
            continue;
          case '$':
            variable = true;
            lastSpace = false;
            continue;
          default:
            lastSpace = false;
        }
        continue;
      }

      // `${name}` keeps its brace: only a `{` right after `$` is part of the word.
      if (ch === '{' && variable) continue;
      variable = false;
      if (ch === '\\') {
        quoted = true;
        continue;
      }
      if (ch === '$') {
        variable = true;
        continue;
      }
      let found = false;
      if (dQuoted) {
        if (ch === '"') {
          dQuoted = false;
          needSpace = true;
          found = true;
        }
      } else if (sQuoted) {
        if (ch === "'") {
          sQuoted = false;
          needSpace = true;
          found = true;
        }
      } else if (isSpace(ch) || ch === ';' || ch === '{') {
        lastSpace = true;
        found = true;
      }
      if (found) {
        const raw = this.text.slice(start, this.pos - 1);
        tokens.push({ value: unescape(raw), quoted: tokenQuoted, line: startLine, column: startColumn });
        if (ch === ';' || ch === '{') return { tokens, end: ch, line: chLine, column: chColumn };
      }
    }
  }
}
