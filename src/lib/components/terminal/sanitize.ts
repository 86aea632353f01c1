/**
 * Text that comes from the app (response bodies, headers, its log) is hostile: written to xterm
 * as is, an escape sequence can move the cursor and overwrite earlier lines, open a link (OSC 8),
 * set the title or clipboard (OSC 0/52), or ask the terminal a question whose answer xterm types
 * into the prompt (DA `ESC[c`, DSR `ESC[6n`). So every such text passes through here first.
 *
 * Escape sequences are parsed as ECMA-48 frames them (CSI, OSC/DCS/SOS/PM/APC strings, two-byte
 * escapes, and their C1 forms) and dropped whole; with `keepColours`, colour and style (SGR,
 * `ESC[…m`) survive, because Werkzeug and Gunicorn colour their own logs and nothing else in SGR
 * moves the cursor or answers back. Any other control character (backspace, a lone carriage
 * return, BEL…) is shown in caret notation (`^H`) rather than obeyed. Tab and line feed stay;
 * CRLF becomes LF. A hand-written scanner rather than a regular expression: one pass, no
 * backtracking, whatever the input.
 */

const ESC = 0x1b;
const BEL = 0x07;
/** C1 introducers of string sequences: DCS, SOS, OSC, PM, APC (and CSI below). */
const C1_STRING = new Set([0x90, 0x98, 0x9d, 0x9e, 0x9f]);
const C1_CSI = 0x9b;
const C1_ST = 0x9c;
/** After ESC: P (DCS), X (SOS), ] (OSC), ^ (PM), _ (APC) open a string ended by ST or BEL. */
const ESC_STRING = new Set(['P', 'X', ']', '^', '_']);

export interface SanitizeOptions {
  /** Keep SGR sequences (colours, bold): for the app's own log lines. */
  keepColours?: boolean;
}

export function sanitizeForTerminal(text: string, options: SanitizeOptions = {}): string {
  // Fast path: nothing to do for the common plain-text body.
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  if (!/[\x00-\x08\x0b-\x1f\x7f-\x9f]/.test(text)) return text;
  let out = '';
  let i = 0;
  const n = text.length;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (code === ESC || code === C1_CSI || C1_STRING.has(code)) {
      const end = sequenceEnd(text, i);
      if (end === null) {
        // An introducer with no complete sequence after it: drop the introducer alone, so the
        // rest shows as plain text instead of being swallowed.
        i += code === ESC && i + 1 < n ? 2 : 1;
        continue;
      }
      const sequence = text.slice(i, end);
      // eslint-disable-next-line no-control-regex -- an SGR sequence is what this matches
      if (options.keepColours && /^\x1b\[[0-9;:]*m$/.test(sequence)) out += sequence;
      i = end;
      continue;
    }
    if (code === 0x0d && text.charCodeAt(i + 1) === 0x0a) {
      i++;
      continue;
    }
    if (code === 0x09 || code === 0x0a || (code >= 0x20 && code < 0x7f) || code > 0x9f) {
      out += text[i];
    } else {
      out += caret(code);
    }
    i++;
  }
  return out;
}

/** `^H` for backspace, `^?` for DEL, `<U+0085>` for a C1 control. */
function caret(code: number): string {
  if (code < 0x20) return `^${String.fromCharCode(code + 0x40)}`;
  if (code === 0x7f) return '^?';
  return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
}

/** Index just past the escape sequence starting at `start`, or null when it is incomplete. */
function sequenceEnd(text: string, start: number): number | null {
  const code = text.charCodeAt(start);
  if (code === C1_CSI) return csiEnd(text, start + 1);
  if (C1_STRING.has(code)) return stringEnd(text, start + 1);
  const next = text[start + 1];
  if (next === undefined) return null;
  if (next === '[') return csiEnd(text, start + 2);
  if (ESC_STRING.has(next)) return stringEnd(text, start + 2);
  // ESC, intermediates (0x20–0x2F), then a final byte (0x30–0x7E): ESC 7, ESC c, ESC ( B…
  let i = start + 1;
  while (i < text.length && text.charCodeAt(i) >= 0x20 && text.charCodeAt(i) <= 0x2f) i++;
  const final = text.charCodeAt(i);
  return final >= 0x30 && final <= 0x7e ? i + 1 : null;
}

/** CSI: parameter bytes 0x30–0x3F, intermediate bytes 0x20–0x2F, one final byte 0x40–0x7E. */
function csiEnd(text: string, from: number): number | null {
  let i = from;
  while (i < text.length && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x3f) i++;
  while (i < text.length && text.charCodeAt(i) >= 0x20 && text.charCodeAt(i) <= 0x2f) i++;
  const final = text.charCodeAt(i);
  return final >= 0x40 && final <= 0x7e ? i + 1 : null;
}

/** A control string runs to ST (ESC \ or 0x9C) or, as xterm also accepts, BEL. */
function stringEnd(text: string, from: number): number | null {
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === BEL || code === C1_ST) return i + 1;
    if (code === ESC) return text[i + 1] === '\\' ? i + 2 : null;
  }
  return null;
}
