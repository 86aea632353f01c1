/** Access log lines in nginx's predefined `combined` format, for the terminal's per-hop log. */

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
