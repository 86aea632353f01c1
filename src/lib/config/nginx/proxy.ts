/**
 * The virtual reverse proxy (docs/architecture.md): applies a parsed nginx config to one client request and says what nginx
 * would do — answer itself (`return`, redirects, errors), serve a file (`root`/`alias`), or pass the request
 * upstream with the headers the app server will see. Pure: no sockets, no file system.
 */
import { accessLogLines, type AccessLogLine } from './access-log';
import { accessVerdict, realClientAddress } from './access-rules';
import { limitRequest, type LimitReqState } from './limit-req';
import { mapResolver } from './map';
import { matchLocation, namedLocation, type LocationMatch } from './location';
import { upstreamHeaders } from './proxy-headers';
import { directive, effectiveDirective, httpScope, type Scope } from './query';
import { errorPage, responseHeadersFor, type HeaderPairs } from './response';
import { runRewrites, type RewriteOptions, type RewriteState } from './rewrite';
import { selectServer, serversOnSocket } from './server-select';
import type { Directive, NginxConfig } from './types';
import { parseProxyPass, type ProxyTarget } from './upstream';
import { parseRequestUri } from './uri';
import { evaluate, headerValues, hostOf, type VariableContext } from './variables';

export interface ClientRequest {
  scheme: 'http' | 'https';
  /** The port the client connected to. */
  port: number;
  method: string;
  /** The request target as sent: `/path?query`. */
  path: string;
  headers: [string, string][];
  body?: string;
  /** The client's address ($remote_addr). */
  client: string;
  clientPort?: number;
  /** The local address the client connected to; 127.0.0.1 unless said. */
  localAddress?: string;
  protocol?: string;
  /** $request_id; nginx makes 16 random bytes in hex, and so does the virtual proxy unless given one. */
  requestId?: string;
}

export interface ProxyOptions extends RewriteOptions {
  /** The limit_req zones' memory, kept by the caller between requests; without it every request is the first. */
  limits?: LimitReqState;
  /** The clock limit_req reads, in milliseconds; default Date.now(). */
  now?: number;
}

interface DecisionBase {
  server: Directive | null;
  location: Directive | null;
  /** The configuration levels that applied, outermost first: [http, server, location..., if...]. */
  chain: Scope[];
  /** The final $uri. */
  uri: string;
  /** Server and add_header headers nginx adds to a response with this status. */
  responseHeaders: (status: number) => HeaderPairs;
  /** Variables nginx would not know, evaluated as "". */
  unknownVariables: string[];
  /**
   * nginx's access log lines (the config's access_log and log_format, Debian's `combined` to
   * /var/log/nginx/access.log otherwise) for the response the request finally got, one per line; "" with
   * `access_log off`.
   */
  accessLog: (status: number, bodyBytes: number, time?: Date) => string;
  /** The same lines with where each goes and the access_log directive that wrote it. */
  accessLogEntries: (status: number, bodyBytes: number, time?: Date) => AccessLogLine[];
  /** $request_id of this request. */
  requestId: string;
  /** How long limit_req held the request before passing it on (0: not delayed). */
  delayMs: number;
  /** The phase that refused the request, and the directive that decided (null: nginx's default). */
  refusedBy?: { phase: 'client_max_body_size' | 'limit_req' | 'access'; directive: Directive | null };
}

export type ProxyDecision =
  | (DecisionBase & { kind: 'return'; status: number; headers: HeaderPairs; body?: string })
  | (DecisionBase & { kind: 'static'; path: string; root?: string; alias?: string })
  | (DecisionBase & {
      kind: 'proxy';
      /** `http://127.0.0.1:8000` or `unix:/run/app.sock`. */
      upstream: string;
      target: ProxyTarget;
      method: string;
      path: string;
      headers: HeaderPairs;
      body?: string;
    })
  | (DecisionBase & { kind: 'error'; reason: 'connection-refused' | 'tls-handshake-failed'; message: string });

/** nginx's compiled-in root default is "html" under the prefix, /usr/share/nginx on Debian. */
const DEFAULT_ROOT = '/usr/share/nginx/html';
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** client_max_body_size's default (ngx_http_core_module.c: 1m). */
const DEFAULT_MAX_BODY = 1024 * 1024;

/** A size as ngx_parse_offset reads it: 10, 10k, 10m, 1g. */
function offsetBytes(text: string): number {
  const match = /^(\d+)([kKmMgG]?)$/.exec(text);
  if (!match) return DEFAULT_MAX_BODY;
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[(match[2] as string).toLowerCase()] ?? 1;
  return Number(match[1]) * unit;
}

/** 16 random bytes in hex, as ngx_http_variable_request_id makes them. */
function newRequestId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
const MAX_CYCLES = 10;

/** ngx_escape_uri(NGX_ESCAPE_URI) for a decoded $uri put back on the wire. */
function escapeUri(uri: string): string {
  return Array.from(new TextEncoder().encode(uri), (b) => {
    const ch = String.fromCharCode(b);
    return b <= 0x20 || b >= 0x7f || '"#%\'<>?\\^`{|}'.includes(ch)
      ? `%${b.toString(16).toUpperCase().padStart(2, '0')}`
      : ch;
  }).join('');
}

/** Headers nginx drops while reading the request: names with `_` (underscores_in_headers off) or invalid bytes. */
function acceptedHeaders(headers: readonly [string, string][], underscores: boolean): [string, string][] {
  return headers.filter(([name]) => /^[A-Za-z0-9_-]+$/.test(name) && (underscores || !name.includes('_')));
}

export function virtualProxy(config: NginxConfig, request: ClientRequest, options: ProxyOptions = {}): ProxyDecision {
  const http = httpScope(config);
  const unknown: string[] = [];
  const socket = serversOnSocket(config, request.port, request.localAddress);
  const firstServer = socket.servers[0]?.server ?? null;
  const underscores = firstServer
    ? effectiveDirective([http, firstServer], 'underscores_in_headers')?.args[0] === 'on'
    : false;
  const headers = acceptedHeaders(request.headers, underscores);
  const rawHost = headerValues(headers, 'host')[0];
  const requestId = request.requestId ?? newRequestId();
  const bodyLength =
    request.body === undefined
      ? Number(headerValues(headers, 'content-length')[0] ?? -1)
      : new TextEncoder().encode(request.body).length;

  let context: VariableContext = {
    scheme: request.scheme,
    method: request.method,
    requestUri: request.path,
    uri: request.path,
    args: '',
    hasArgs: false,
    headers,
    remoteAddr: request.client,
    connectionAddr: request.client,
    remotePort: request.clientPort,
    serverPort: request.port,
    serverAddr: request.localAddress,
    serverName: '',
    protocol: request.protocol,
    requestId,
    resolve: mapResolver(http, unknown),
  };

  const base = (chain: Scope[], server: Directive | null, location: Directive | null): DecisionBase => ({
    server,
    location,
    chain,
    uri: context.uri,
    responseHeaders: responseHeadersFor(chain, context, unknown),
    unknownVariables: unknown,
    accessLog: (status, bodyBytes, time = new Date()) =>
      accessLogLines(config, chain, context, { status, bodyBytesSent: bodyBytes, time })
        .map((l) => l.line)
        .join('\n'),
    accessLogEntries: (status, bodyBytes, time = new Date()) =>
      accessLogLines(config, chain, context, { status, bodyBytesSent: bodyBytes, time }),
    requestId,
    delayMs: 0,
  });

  const answer = (
    chain: Scope[],
    server: Directive | null,
    location: Directive | null,
    status: number,
    text?: string,
  ): ProxyDecision => {
    const b = base(chain, server, location);
    const added = b.responseHeaders(status);
    const out: HeaderPairs = [added[0] as [string, string]];
    let body: string | undefined;
    if (status === 444) return { ...b, kind: 'return', status, headers: [] };
    if (REDIRECTS.has(status) && text !== undefined) {
      let target = text;
      // absolute_redirect and port_in_redirect (both on by default) turn a relative Location absolute.
      if (target.startsWith('/')) {
        const defaultPort = request.scheme === 'https' ? 443 : 80;
        const port = request.port === defaultPort ? '' : `:${request.port}`;
        target = `${request.scheme}://${hostOf(context)}${port}${target}`;
      }
      body = errorPage(status, chain);
      out.push(['Content-Type', 'text/html'], ['Location', target]);
    } else if (text !== undefined) {
      body = text;
      out.push(['Content-Type', effectiveDirective(chain, 'default_type')?.args[0] ?? 'text/plain']);
    } else if (status >= 300 && status !== 304) {
      body = errorPage(status, chain);
      out.push(['Content-Type', 'text/html']);
    }
    out.push(...added.slice(1));
    return { ...b, kind: 'return', status, headers: out, body };
  };

  if (!firstServer) {
    return {
      ...base([http], null, null),
      kind: 'error',
      reason: 'connection-refused',
      message: `nothing listens on port ${request.port}`,
    };
  }
  if (request.scheme === 'http' && socket.ssl) {
    return answer([http, firstServer], firstServer, null, 400, 'The plain HTTP request was sent to HTTPS port');
  }
  if (request.scheme === 'https' && !socket.ssl) {
    return {
      ...base([http, firstServer], firstServer, null),
      kind: 'error',
      reason: 'tls-handshake-failed',
      message: `port ${request.port} speaks plain HTTP, not TLS`,
    };
  }

  const host = rawHost === undefined ? null : hostOf(context);
  const selection = selectServer(config, request.port, host, request.localAddress);
  if (!selection) throw new Error('unreachable: a socket with servers has a default server');
  const server = selection.server;
  // The post-read phase: realip may replace the client's address with one a trusted proxy's header names.
  const client = realClientAddress([http, server], request.client, headers);
  const serverNames = directive(server, 'server_name')?.args ?? [];
  context = { ...context, serverName: serverNames[0] ?? '', named: selection.named, remoteAddr: client };

  const parsed = parseRequestUri(request.path);
  const protocol = request.protocol ?? 'HTTP/1.1';
  if (!parsed || (protocol === 'HTTP/1.1' && rawHost === undefined)) {
    return answer([http, server], server, null, 400);
  }
  context = { ...context, uri: parsed.uri, args: parsed.args, hasArgs: parsed.hasArgs };

  // One map for `set` variables, shared by every later context so proxy_pass and headers see them.
  const vars = new Map<string, string>();
  context = { ...context, vars };
  const state: RewriteState = { context, vars, uriChanged: false, unknown };
  const serverOutcome = runRewrites(server.block ?? [], state, options);
  context = state.context;
  if (serverOutcome.kind === 'return') {
    return answer([http, server, ...serverOutcome.ifBlocks], server, null, serverOutcome.status, serverOutcome.text);
  }

  let match: LocationMatch | null;
  let ifBlocks: Directive[] = [];
  let rewrittenHere = false;
  for (let cycle = 0; ; cycle++) {
    if (cycle >= MAX_CYCLES) return answer([http, server], server, null, 500);
    match = matchLocation(server, context.uri);
    // The find-config phase: a body larger than client_max_body_size is refused before any rewrite or access rule.
    const found: Scope[] = match ? [http, server, ...match.chain] : [http, server];
    const limit = offsetBytes(effectiveDirective(found, 'client_max_body_size')?.args[0] ?? '1m');
    if (limit !== 0 && bodyLength > limit) {
      const refusedBy = { phase: 'client_max_body_size' as const, directive: effectiveDirective(found, 'client_max_body_size') ?? null }; // prettier-ignore
      return { ...answer(found, server, match?.location ?? null, 413), refusedBy };
    }
    if (!match) break;
    state.context = { ...context, captures: match.captures, named: { ...context.named, ...match.named } };
    state.uriChanged = false;
    const before = state.context.uri;
    const outcome = runRewrites(match.location.block ?? [], state, options);
    context = state.context;
    ifBlocks = outcome.ifBlocks;
    const chain: Scope[] = [http, server, ...match.chain, ...ifBlocks];
    if (outcome.kind === 'return') return answer(chain, server, match.location, outcome.status, outcome.text);
    if (outcome.kind === 'last' || (outcome.kind === 'continue' && context.uri !== before)) continue;
    rewrittenHere = outcome.kind === 'break' && context.uri !== before;
    break;
  }

  const location = match?.location ?? null;
  const chain: Scope[] = match ? [http, server, ...match.chain, ...ifBlocks] : [http, server];
  // The preaccess phase (limit_req), then the access phase (allow/deny): after every rewrite and return.
  const limited = options.limits
    ? limitRequest(config, chain, context, options.limits, options.now ?? Date.now(), unknown)
    : ({ kind: 'none' } as const);
  if (limited.kind === 'refused') {
    return { ...answer(chain, server, location, limited.status), refusedBy: { phase: 'limit_req', directive: limited.limit } }; // prettier-ignore
  }
  const access = accessVerdict(chain, client);
  if (access.denied) return { ...answer(chain, server, location, 403), refusedBy: { phase: 'access', directive: access.rule } }; // prettier-ignore
  const delayMs = limited.kind === 'passed' ? limited.delayMs : 0;
  return { ...content(chain, server, location, match, rewrittenHere), delayMs };

  function content(
    chain: Scope[],
    server: Directive,
    location: Directive | null,
    match: LocationMatch | null,
    rewritten: boolean,
  ): ProxyDecision {
    // proxy_pass belongs to its location (and the `if` blocks inside it inherit it); never to nested locations.
    const handlerLevels = location ? [location, ...ifBlocks] : [];
    const proxyPass = [...handlerLevels]
      .reverse()
      .map((l) => directive(l, 'proxy_pass'))
      .find((d) => d);
    if (proxyPass && match) return proxy(chain, server, match, proxyPass, rewritten);

    const tryFiles = location ? directive(location, 'try_files') : undefined;
    if (tryFiles && match) {
      const fallback = tryFiles.args[tryFiles.args.length - 1] ?? '';
      const root = effectiveDirective(chain, 'root')?.args[0] ?? DEFAULT_ROOT;
      for (const candidate of tryFiles.args.slice(0, -1)) {
        const path = evaluate(candidate, context);
        unknown.push(...path.unknown);
        if (options.fileExists?.(`${root}${path.value}`, 'f')) {
          return { ...base(chain, server, location), kind: 'static', path: `${root}${path.value}`, root };
        }
      }
      if (fallback.startsWith('=')) return answer(chain, server, location, Number(fallback.slice(1)));
      if (fallback.startsWith('@')) {
        const named = namedLocation(server, fallback);
        if (!named) return answer(chain, server, location, 500);
        const namedMatch: LocationMatch = {
          location: named,
          spec: { modifier: '@', pattern: fallback.slice(1) },
          chain: [named],
          captures: [],
          named: {},
        };
        ifBlocks = [];
        return content([http, server, named], server, named, namedMatch, false);
      }
    }

    const alias = location ? directive(location, 'alias') : undefined;
    if (alias && match) {
      const value = evaluate(alias.args[0] ?? '', { ...context, captures: match.captures, named: match.named });
      unknown.push(...value.unknown);
      const regex = match.spec.modifier === '~' || match.spec.modifier === '~*';
      // alias swaps the matched prefix for its path, byte for byte: `/static../x` under `location /static` with
      // `alias /srv/static/` becomes /srv/static/../x — the traversal.
      const path = regex ? value.value : value.value + context.uri.slice(match.spec.pattern.length);
      return { ...base(chain, server, location), kind: 'static', path: withIndex(chain, path), alias: value.value };
    }
    const root = evaluate(effectiveDirective(chain, 'root')?.args[0] ?? DEFAULT_ROOT, context);
    unknown.push(...root.unknown);
    return {
      ...base(chain, server, location),
      kind: 'static',
      path: withIndex(chain, root.value + context.uri),
      root: root.value,
    };
  }

  function withIndex(chain: Scope[], path: string): string {
    if (!path.endsWith('/')) return path;
    return path + (effectiveDirective(chain, 'index')?.args[0] ?? 'index.html');
  }

  function proxy(
    chain: Scope[],
    server: Directive,
    match: LocationMatch,
    proxyPass: Directive,
    rewritten: boolean,
  ): ProxyDecision {
    const url = proxyPass.args[0] ?? '';
    const hasVariables = url.includes('$');
    const evaluated = evaluate(url, context);
    unknown.push(...evaluated.unknown);
    const target = parseProxyPass(evaluated.value, http);
    const withArgs = (path: string): string => (context.args !== '' ? `${path}?${context.args}` : path);
    let path: string;
    if (hasVariables && target.uri) path = target.uri;
    else if (target.uri === null && !rewritten && context.uri === parsed?.uri) {
      // No URI part: the request line goes upstream as the client sent it (its path only, if absolute-form).
      path = request.path.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?]*/i, '') || '/';
    } else if (target.uri !== null && !rewritten && (match.spec.modifier === '' || match.spec.modifier === '^~')) {
      path = withArgs(target.uri + escapeUri(context.uri.slice(match.spec.pattern.length)));
    } else if (target.uri !== null && match.spec.modifier === '=') {
      path = withArgs(target.uri + escapeUri(context.uri.slice(match.spec.pattern.length)));
    } else {
      path = withArgs(escapeUri(context.uri));
    }
    const proxied: VariableContext = { ...context, proxyHost: target.proxyHost, proxyPort: target.port };
    const body = request.body;
    const bodyLength = body === undefined ? null : new TextEncoder().encode(body).length;
    const clientHeaders = headers;
    const computed = upstreamHeaders(chain, clientHeaders, proxied, bodyLength);
    unknown.push(...computed.unknown);
    return {
      ...base(chain, server, match.location),
      responseHeaders: responseHeadersFor(chain, proxied, unknown),
      kind: 'proxy',
      upstream: target.upstream,
      target,
      method: request.method,
      path,
      headers: computed.headers,
      body,
    };
  }
}
