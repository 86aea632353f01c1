/**
 * nginx variables for the virtual proxy: the request-derived ones the lessons rely on, `set` variables and regex
 * captures, and `$name` / `${name}` interpolation. An unknown variable is nginx's "unknown variable" error at
 * startup; here it evaluates to "" and is reported, so a check can name it.
 */

export type HeaderList = readonly (readonly [string, string])[];

export interface VariableContext {
  scheme: 'http' | 'https';
  method: string;
  /** Raw request target ($request_uri). */
  requestUri: string;
  /** Normalised path, possibly rewritten ($uri). */
  uri: string;
  args: string;
  hasArgs: boolean;
  headers: HeaderList;
  remoteAddr: string;
  /** $realip_remote_addr: the connection's own address, before realip replaced $remote_addr; default remoteAddr. */
  connectionAddr?: string;
  remotePort?: number;
  serverPort: number;
  serverAddr?: string;
  /** The first server_name of the selected server. */
  serverName: string;
  protocol?: string;
  /** $request_id; nginx makes 32 random hex digits, the virtual proxy takes them from the caller. */
  requestId?: string;
  /** Set once proxy_pass is known: host[:port] as written in proxy_pass. */
  proxyHost?: string;
  proxyPort?: number;
  /** Regex captures from the last successful match ($1..$9) and named groups. */
  captures?: readonly string[];
  named?: Readonly<Record<string, string>>;
  /** Variables assigned with `set`. */
  vars?: ReadonlyMap<string, string>;
  /** Variables defined by the configuration itself (`map`), tried after the built-in ones. */
  resolve?: (name: string, context: VariableContext) => string | undefined;
}

export interface Evaluated {
  value: string;
  /** Variables that nginx would not know (reported, evaluated as ""). */
  unknown: string[];
}

/** All values of a header, case-insensitive. */
export function headerValues(headers: HeaderList, name: string): string[] {
  const lower = name.toLowerCase();
  return headers.filter(([n]) => n.toLowerCase() === lower).map(([, v]) => v);
}

/** `$host`: the Host header lowercased without its port (or the request line's host), else the server_name. */
export function hostOf(context: VariableContext): string {
  const absolute = /^[a-z][a-z0-9+.-]*:\/\/([^/?:]+)/i.exec(context.requestUri);
  if (absolute) return (absolute[1] as string).toLowerCase();
  const host = headerValues(context.headers, 'host')[0];
  if (host) {
    const withoutPort = host.startsWith('[') ? host.replace(/(\])(:\d+)?$/, '$1') : host.replace(/:\d*$/, '');
    return withoutPort.toLowerCase().replace(/\.$/, '');
  }
  return context.serverName;
}

function fromHeaders(context: VariableContext, name: string): string | undefined {
  const values = headerValues(context.headers, name);
  if (values.length === 0) return undefined;
  // nginx joins repeated Cookie headers with "; " and other repeated headers with ", ".
  return values.join(name.toLowerCase() === 'cookie' ? '; ' : ', ');
}

function argument(args: string, name: string): string | undefined {
  for (const pair of args.split('&')) {
    const eq = pair.indexOf('=');
    const key = eq >= 0 ? pair.slice(0, eq) : pair;
    if (key.toLowerCase() === name.toLowerCase()) return eq >= 0 ? pair.slice(eq + 1) : '';
  }
  return undefined;
}

function cookie(context: VariableContext, name: string): string | undefined {
  const all = fromHeaders(context, 'cookie');
  if (!all) return undefined;
  for (const part of all.split(/;\s*/)) {
    const eq = part.indexOf('=');
    if (eq >= 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1);
  }
  return undefined;
}

/** The value of one variable by name (without `$`), or undefined if nginx has no such variable. */
export function variable(context: VariableContext, name: string): string | undefined {
  if (/^\d$/.test(name)) return context.captures?.[Number(name)] ?? '';
  const set = context.vars?.get(name);
  if (set !== undefined) return set;
  const named = context.named?.[name];
  if (named !== undefined) return named;
  const request = `${context.method} ${context.requestUri} ${context.protocol ?? 'HTTP/1.1'}`;
  switch (name) {
    case 'host':
      return hostOf(context);
    case 'http_host':
      return fromHeaders(context, 'host') ?? '';
    case 'remote_addr':
    case 'binary_remote_addr':
      return context.remoteAddr;
    case 'realip_remote_addr':
      return context.connectionAddr ?? context.remoteAddr;
    case 'remote_port':
      return String(context.remotePort ?? '');
    case 'scheme':
      return context.scheme;
    case 'https':
      return context.scheme === 'https' ? 'on' : '';
    case 'request_uri':
      return context.requestUri;
    case 'uri':
    case 'document_uri':
      return context.uri;
    case 'args':
    case 'query_string':
      return context.args;
    case 'is_args':
      return context.hasArgs && context.args !== '' ? '?' : '';
    case 'request':
      return request;
    case 'request_method':
      return context.method;
    case 'server_protocol':
      return context.protocol ?? 'HTTP/1.1';
    case 'server_port':
      return String(context.serverPort);
    case 'server_addr':
      return context.serverAddr ?? '127.0.0.1';
    case 'server_name':
      return context.serverName;
    case 'request_id':
      return context.requestId ?? '0'.repeat(32);
    case 'hostname':
      return 'localhost';
    case 'content_type':
      return fromHeaders(context, 'content-type') ?? '';
    case 'content_length':
      return fromHeaders(context, 'content-length') ?? '';
    case 'proxy_host':
      return context.proxyHost ?? '';
    case 'proxy_port':
      return context.proxyPort === undefined ? '' : String(context.proxyPort);
    case 'proxy_add_x_forwarded_for': {
      const existing = fromHeaders(context, 'x-forwarded-for');
      return existing ? `${existing}, ${context.remoteAddr}` : context.remoteAddr;
    }
  }
  const resolved = context.resolve?.(name, context);
  if (resolved !== undefined) return resolved;
  if (name.startsWith('http_')) return fromHeaders(context, name.slice(5).replace(/_/g, '-')) ?? '';
  if (name.startsWith('arg_')) return argument(context.args, name.slice(4)) ?? '';
  if (name.startsWith('cookie_')) return cookie(context, name.slice(7)) ?? '';
  return undefined;
}

/** Interpolates `$name`, `${name}` and `$1` in a directive argument, as nginx's script engine does. */
export function evaluate(template: string, context: VariableContext): Evaluated {
  const unknown: string[] = [];
  const value = template.replace(/\$(?:\{([A-Za-z0-9_]+)\}|(\d)|([A-Za-z0-9_]+))/g, (_m, braced, digit, plain) => {
    const name = (braced ?? digit ?? plain) as string;
    const v = variable(context, name);
    if (v === undefined) {
      unknown.push(name);
      return '';
    }
    return v;
  });
  return { value, unknown };
}
