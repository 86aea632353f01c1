/**
 * What `curl` prints for a response: like real curl (`-i` adds the status line and headers, `-I`
 * only those), except that a Werkzeug debugger page is shown as an attacker reads it (see leaks.ts)
 * and secrets in any text body are marked. Everything the app sent is passed through
 * sanitizeForTerminal first (it may carry escape sequences), and a body is cut at
 * CURL_BODY_LIMIT characters: the terminal is for reading, and xterm and the highlighter would
 * otherwise hold the page for seconds on a multi-megabyte body. Returns text with `\n` line ends.
 */
import type { HttpResponse } from '../../runtime/protocol';
import { attackerView, highlightLeaks } from './leaks';
import { sanitizeForTerminal } from './sanitize';

/** What the terminal shows of a body; a debugger page (about 15 kB) is far below it. */
export const CURL_BODY_LIMIT = 64 * 1024;
const DIM = '\x1b[2m';
const RESET = '\x1b[0m';

export function formatCurlOutput(
  response: Omit<HttpResponse, 'log'>,
  options: { include: boolean; headOnly: boolean },
): string {
  if (response.interrupted) return 'curl: (28) the request was stopped before the app answered\n';
  let out = '';
  if (options.include) {
    out += sanitizeForTerminal(`HTTP/1.1 ${response.status} ${response.reason}`) + '\n';
    for (const [name, value] of response.headers) out += sanitizeForTerminal(`${name}: ${value}`) + '\n';
    out += '\n';
  }
  if (options.headOnly) return out;
  const cut = response.body.length > CURL_BODY_LIMIT;
  const raw = cut ? response.body.slice(0, CURL_BODY_LIMIT) : response.body;
  const safe = sanitizeForTerminal(raw);
  const body = (cut ? null : attackerView(safe)) ?? highlightLeaks(safe);
  // Real curl leaves the prompt glued to a body without a final newline; we do not.
  out += body + (body === '' || body.endsWith('\n') ? '' : '\n');
  if (cut) {
    out += `${DIM}* body cut: the terminal shows the first ${formatSize(CURL_BODY_LIMIT)} of ${formatSize(response.body.length)} (the preview shows it all)${RESET}\n`;
  }
  return out;
}

function formatSize(chars: number): string {
  return chars >= 1024 * 1024 ? `${(chars / 1024 / 1024).toFixed(1)} MB` : `${Math.round(chars / 1024)} kB`;
}
