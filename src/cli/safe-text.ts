/**
 * Project text on the way to a terminal or a report. Messages, file names and logs from the
 * project under judgement may carry control characters: ESC sequences that move the cursor or
 * rewrite earlier lines, a newline followed by a fake "No findings", a `::error` line that CI
 * reads as an annotation. Text reports show every such character escaped; JSON reports carry them
 * as JSON escapes, including the C1 and bidirectional controls that JSON.stringify leaves raw.
 */

/** C0 (tab kept), DEL, C1, and the Unicode bidirectional overrides and isolates. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/** What JSON.stringify leaves unescaped of the above. */
const RAW_IN_JSON = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\u001b': '\\e' };

const hex = (char: string, width: number) => char.charCodeAt(0).toString(16).padStart(width, '0');

/** One line of terminal-safe text: every control character shown as an escape (`\e[2J`, `\n`, `\x07`, `\u202e`). */
export function escapeControls(text: string): string {
  return text.replace(CONTROLS, (char) => {
    if (NAMED[char]) return NAMED[char];
    const code = char.charCodeAt(0);
    return code <= 0xff ? `\\x${hex(char, 2)}` : `\\u${hex(char, 4)}`;
  });
}

/** JSON.stringify, with every control character as a JSON escape (the value is the same). */
export function safeJson(value: unknown, space = 2): string {
  return JSON.stringify(value, null, space).replace(RAW_IN_JSON, (char) => `\\u${hex(char, 4)}`);
}
