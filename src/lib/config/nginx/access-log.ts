/**
 * Access log lines: nginx's predefined `combined` format, and the lines a config's own `log_format` and
 * `access_log` make (nginx 1.22.1 src/http/modules/ngx_http_log_module.c;
 * https://nginx.org/en/docs/http/ngx_http_log_module.html), for the terminal's per-hop log and the checks
 * that read it.
 */
import { directives, effectiveArrayDirective, httpScope, type Scope } from './query';
import type { Directive, NginxConfig } from './types';
import { evaluate, headerValues, variable, type VariableContext } from './variables';

export interface AccessLogEntry {
  remoteAddr: string;
  remoteUser?: string;
  time: Date;
  /** The request line: `GET /path HTTP/1.1`. */
  request: string;
  status: number;
  bodyBytesSent: number;
  referer?: string;
  userAgent?: string;
  /** Minutes east of UTC for $time_local; defaults to UTC so output does not depend on the machine. */
  utcOffsetMinutes?: number;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** `$time_local`: 28/Nov/2025:13:53:00 +0000. */
export function timeLocal(time: Date, utcOffsetMinutes = 0): string {
  const t = new Date(time.getTime() + utcOffsetMinutes * 60_000);
  const sign = utcOffsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(utcOffsetMinutes);
  const month = MONTHS[t.getUTCMonth()] as string;
  return (
    `${pad(t.getUTCDate())}/${month}/${t.getUTCFullYear()}:${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:` +
    `${pad(t.getUTCSeconds())} ${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`
  );
}

/** nginx escapes `"`, `\` and bytes outside printable ASCII in logged variables as \xXX. */
function escapeLogValue(value: string): string {
  return value.replace(
    /["\\]|[^\x20-\x7e]/g,
    (ch) => `\\x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

function orDash(value: string | undefined): string {
  return value === undefined || value === '' ? '-' : escapeLogValue(value);
}

/**
 * log_format combined '$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent
 * "$http_referer" "$http_user_agent"'.
 */
export function formatCombined(entry: AccessLogEntry): string {
  return (
    `${entry.remoteAddr} - ${orDash(entry.remoteUser)} [${timeLocal(entry.time, entry.utcOffsetMinutes)}] ` +
    `"${escapeLogValue(entry.request)}" ${entry.status} ${entry.bodyBytesSent} ` +
    `"${orDash(entry.referer)}" "${orDash(entry.userAgent)}"`
  );
}

/** What nginx knows only once the response is sent: the log module's own variables. */
export interface Sent {
  status: number;
  bodyBytesSent: number;
  time: Date;
  /** $request_time in milliseconds; 0 unless said. */
  requestTimeMs?: number;
  /** $upstream_addr, when the request was proxied. */
  upstream?: string;
}

export interface AccessLogLine {
  /** Where the line goes (`/var/log/nginx/shop.access.log`, `syslog:...`). */
  path: string;
  line: string;
  /** The access_log directive that wrote it; null for nginx's default log. */
  directive: Directive | null;
}

/** nginx's predefined format (ngx_http_log_module.c, ngx_http_combined_fmt). */
export const COMBINED_FORMAT =
  '$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent"';

type Escape = 'default' | 'json' | 'none';

/** The named log_format (escape mode and the text its arguments make, joined as nginx joins them). */
export function logFormat(config: NginxConfig, name: string): { escape: Escape; text: string } | null {
  if (name.toLowerCase() === 'combined') return { escape: 'default', text: COMBINED_FORMAT };
  const d = directives(httpScope(config), 'log_format').find((f) => f.args[0]?.toLowerCase() === name.toLowerCase());
  if (!d) return null;
  let parts = d.args.slice(1);
  let escape: Escape = 'default';
  if (parts[0]?.startsWith('escape=')) {
    escape = parts[0].slice(7) as Escape;
    parts = parts.slice(1);
  }
  return { escape, text: parts.join('') };
}

/** A logged variable's bytes as ngx_http_log_escape (default), ngx_escape_json (json) or nothing (none) writes them. */
function escapeBytes(value: string, escape: Escape): string {
  if (escape === 'none') return value;
  const out: number[] = [];
  const push = (text: string) => out.push(...Array.from(text, (c) => c.charCodeAt(0)));
  const hex = (b: number) => b.toString(16).toUpperCase().padStart(2, '0');
  const JSON_SHORT: Record<number, string> = { 0x0a: 'n', 0x0d: 'r', 0x09: 't', 0x08: 'b', 0x0c: 'f' };
  for (const b of new TextEncoder().encode(value)) {
    if (escape === 'json') {
      if (b === 0x22 || b === 0x5c) push(`\\${String.fromCharCode(b)}`);
      else if (b <= 0x1f) push(`\\${JSON_SHORT[b] ?? `u00${hex(b)}`}`);
      else out.push(b);
    } else if (b < 0x20 || b >= 0x7f || b === 0x22 || b === 0x5c) push(`\\x${hex(b)}`);
    else out.push(b);
  }
  return new TextDecoder().decode(Uint8Array.from(out));
}

/** Variables that are "not found" (logged as `-`) when their header, cookie or argument is absent. */
function notFound(name: string, context: VariableContext): boolean {
  if (name === 'remote_user') return true;
  if (name.startsWith('http_')) return headerValues(context.headers, name.slice(5).replace(/_/g, '-')).length === 0;
  if (name.startsWith('cookie_') || name.startsWith('arg_') || name.startsWith('upstream_')) {
    return variable(context, name) === '';
  }
  return false;
}

/** One line of `format` for a request, as ngx_http_log_handler writes it. */
export function formatLogLine(
  format: { escape: Escape; text: string },
  context: VariableContext,
  sent: Sent,
  utcOffsetMinutes = 0,
): string {
  const logVariables: Record<string, string> = {
    status: String(sent.status).padStart(3, '0'),
    body_bytes_sent: String(sent.bodyBytesSent),
    bytes_sent: String(sent.bodyBytesSent),
    time_local: timeLocal(sent.time, utcOffsetMinutes),
    time_iso8601: sent.time.toISOString().replace(/\.\d{3}Z$/, '+00:00'),
    msec: (sent.time.getTime() / 1000).toFixed(3),
    request_time: ((sent.requestTimeMs ?? 0) / 1000).toFixed(3),
    pipe: '.',
  };
  return format.text.replace(/\$(?:\{([A-Za-z0-9_]+)\}|([A-Za-z0-9_]+))/g, (_m, braced, plain) => {
    const name = ((braced ?? plain) as string).toLowerCase();
    if (name === 'upstream_addr') return sent.upstream ?? '-';
    const own = logVariables[name];
    if (own !== undefined) return own;
    // Default escaping writes `-` for a variable that is not found; json and none write nothing.
    if (notFound(name, context)) return format.escape === 'default' ? '-' : '';
    const value = variable(context, name);
    return value === undefined ? '-' : escapeBytes(value, format.escape);
  });
}

/**
 * The access log lines nginx writes for a request answered at `chain` (outermost first): the `access_log`
 * directives of the innermost level that has any (`off` there: none), each with its format; Debian's
 * nginx.conf logs to /var/log/nginx/access.log in `combined` at the http level. `if=` skips a line whose
 * condition is empty or "0".
 */
export function accessLogLines(
  config: NginxConfig,
  chain: readonly Scope[],
  context: VariableContext,
  sent: Sent,
): AccessLogLine[] {
  const logs = effectiveArrayDirective(chain, 'access_log');
  if (logs.some((d) => d.args[0] === 'off')) return [];
  const lines: AccessLogLine[] = [];
  if (logs.length === 0) {
    // No access_log anywhere: the compiled-in default, Debian's --http-log-path in `combined`.
    const line = formatLogLine({ escape: 'default', text: COMBINED_FORMAT }, context, sent);
    return [{ path: '/var/log/nginx/access.log', line, directive: null }];
  }
  for (const d of logs) {
    const condition = d.args.find((a, i) => i >= 2 && a.startsWith('if='));
    if (condition) {
      const value = evaluate(condition.slice(3), context).value;
      if (value === '' || value === '0') continue;
    }
    const format = logFormat(config, d.args[1] ?? 'combined');
    if (!format) continue;
    lines.push({ path: evaluate(d.args[0] ?? '', context).value, line: formatLogLine(format, context, sent), directive: d }); // prettier-ignore
  }
  return lines;
}
