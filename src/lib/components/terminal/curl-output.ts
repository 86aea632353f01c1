/**
 * What `curl` prints for a response: like real curl (`-i` adds the status line and headers, `-I`
 * only those), except that a Werkzeug debugger page is shown as an attacker reads it (see leaks.ts)
 * and secrets in any text body are marked. Returns text with `\n` line ends.
 */
import type { HttpResponse } from '../../runtime/protocol';
import { attackerView, highlightLeaks } from './leaks';

export function formatCurlOutput(
  response: Omit<HttpResponse, 'log'>,
  options: { include: boolean; headOnly: boolean },
): string {
  if (response.interrupted) return 'curl: (28) the request was stopped before the app answered\n';
  let out = '';
  if (options.include) {
    out += `HTTP/1.1 ${response.status} ${response.reason}\n`;
    for (const [name, value] of response.headers) out += `${name}: ${value}\n`;
    out += '\n';
  }
  if (options.headOnly) return out;
  const body = attackerView(response.body) ?? highlightLeaks(response.body);
  // Real curl leaves the prompt glued to a body without a final newline; we do not.
  return out + body + (body === '' || body.endsWith('\n') ? '' : '\n');
}
