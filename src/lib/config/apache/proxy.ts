/**
 * The virtual Apache: applies a parsed site (debian-site.ts) to one client request and says what httpd 2.4 would
 * do — answer itself (Redirect, RewriteRule [R], Require all denied, a file), act as a forward proxy for an
 * absolute URL (ProxyRequests On), or pass the request to the app server with the headers it will see. Pure: no
 * sockets, no file system. The steps follow httpd's request phases (docs: "Request Processing in Apache 2.4"):
 *
 * 1. the virtual host (vhosts.ts), by connection address and Host;
 * 2. translate_name: mod_rewrite first, then mod_proxy (ProxyPass in <Location>, then the server's list and the
 *    vhost's, main server first, first match wins — `ProxyPass /static !` only helps before `ProxyPass /`), then
 *    mod_alias (Redirect, Alias) — mod_proxy.c registers proxy_trans after mod_rewrite and before mod_alias;
 * 3. access: `Require` in the <Proxy> sections that match a proxied URL and the <Location>s that match the path
 *    (access.ts);
 * 4. fixups: RequestHeader (mod_headers), in config order, main server then vhost then <Location>;
 * 5. the handler: mod_proxy_http appends X-Forwarded-For (the client address), X-Forwarded-Host (the Host the
 *    client sent) and X-Forwarded-Server (ServerName) to what the client sent (proxy_util.c, apr_table_mergen),
 *    and never adds X-Forwarded-Proto; Host is the upstream's unless ProxyPreserveHost On;
 * 6. the response: ProxyPassReverse rewrites Location, `Header` applies (onsuccess: 2xx only; always: every
 *    status), the Server header follows ServerTokens (the app's own Server header is kept on proxied answers).
 */
import { formatCombined } from '../nginx/access-log';
import { proxySectionsFor, requireVerdict } from './access';
import { EMULATED_APACHE } from './emulated';
import type { ApacheConfig, ApacheDirective } from './types';
import { directivesNamed, lastNamed, selectVhost, serverName } from './vhosts';

export type HeaderPairs = [string, string][];

export interface ApacheRequest {
  scheme: 'http' | 'https';
  port: number;
  method: string;
  /** The request target as sent: `/path?query`, or an absolute URL (`http://169.254.169.254/`) for a proxy. */
  path: string;
  headers: HeaderPairs;
  body?: string;
  client: string;
  localAddress?: string;
}

interface DecisionBase {
  vhost: ApacheDirective | null;
  /** The directive that decided (the ProxyPass, Redirect, Require…), for messages at its line. */
  at: ApacheDirective | null;
  /** Server and `Header` response headers httpd adds to an answer with this status. */
  responseHeaders: (status: number, upstream?: HeaderPairs) => HeaderPairs;
  /** Debian's other_vhosts_access.log line (LogFormat vhost_combined) for the answer. */
  accessLog: (status: number, bodyBytes: number, time?: Date) => string;
}

export type ApacheDecision =
  | (DecisionBase & {
      kind: 'answer';
      status: number;
      headers: HeaderPairs;
      body: string;
      /** The line httpd writes to its error log for this answer, when it writes one (AH00898…). */
      errorLog?: string;
    })
  | (DecisionBase & {
      kind: 'proxy';
      /** `http://127.0.0.1:8000` */
      upstream: string;
      method: string;
      path: string;
      headers: HeaderPairs;
      body?: string;
      /** Rewrites an upstream Location header as ProxyPassReverse does. */
      reverse: (location: string) => string;
    })
  | (DecisionBase & { kind: 'forward'; url: string; headers: HeaderPairs })
  | (DecisionBase & { kind: 'error'; reason: 'connection-refused' | 'tls-handshake-failed'; message: string });

const STATUS_TEXT: Record<number, string> = {
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  410: 'Gone',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

export const statusText = (status: number) => STATUS_TEXT[status] ?? '';

/** The levels that apply to a request, outermost first: [main server, vhost, matching <Location>s…]. */
type Levels = ApacheDirective[][];

/** The value of a single-valued directive: the innermost level that sets it. */
function effective(levels: Levels, name: string): ApacheDirective | undefined {
  for (let i = levels.length - 1; i >= 0; i--) {
    const found = lastNamed(levels[i] as ApacheDirective[], name);
    if (found) return found;
  }
  return undefined;
}

/** A list directive (Header, RequestHeader, ProxyPassReverse): outer levels first, as mod_headers merges them. */
function merged(levels: Levels, name: string): ApacheDirective[] {
  return levels.flatMap((level) => directivesNamed(level, name));
}

/** ServerTokens is global: the last one read wins (Debian's security.conf says OS, a site may say Prod). */
export function serverBanner(config: ApacheConfig): string {
  const tokens = (lastNamed(config.directives, 'ServerTokens')?.args[0] ?? 'Full').toLowerCase();
  const [major, minor] = EMULATED_APACHE.version.split('.');
  if (tokens.startsWith('prod')) return 'Apache';
  if (tokens === 'major') return `Apache/${major}`;
  if (tokens === 'minor') return `Apache/${major}.${minor}`;
  if (tokens.startsWith('min')) return `Apache/${EMULATED_APACHE.version}`;
  return EMULATED_APACHE.banner;
}

/** ServerSignature: the <address> line under httpd's own error pages. */
function signature(levels: Levels, config: ApacheConfig, host: string, port: number): string {
  const value = (effective(levels, 'ServerSignature')?.args[0] ?? 'Off').toLowerCase();
  if (value === 'off') return '';
  return `<hr>\n<address>${serverBanner(config)} Server at ${host} Port ${port}</address>\n`;
}

function errorBody(status: number, detail: string, sig: string): string {
  const title = `${status} ${statusText(status)}`;
  return (
    `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>${title}</title>\n</head><body>\n` +
    `<h1>${statusText(status)}</h1>\n<p>${detail}</p>\n${sig}</body></html>\n`
  );
}

function headerValue(headers: HeaderPairs, name: string): string | undefined {
  return headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
}

/** mod_headers on a header list: set, append, add, merge, unset, setifempty (edit and echo are not emulated). */
export function applyHeaderDirective(headers: HeaderPairs, words: readonly string[]): HeaderPairs {
  const [action = '', name = '', value = ''] = words;
  const lower = name.toLowerCase();
  const others = headers.filter(([n]) => n.toLowerCase() !== lower);
  const existing = headerValue(headers, name);
  switch (action.toLowerCase()) {
    case 'set':
      return [...others, [name, value]];
    case 'unset':
      return others;
    case 'add':
      return [...headers, [name, value]];
    case 'append':
    case 'merge':
      if (existing === undefined) return [...others, [name, value]];
      if (action.toLowerCase() === 'merge' && existing.split(/,\s*/).includes(value)) return headers;
      return [...others, [name, `${existing}, ${value}`]];
    case 'setifempty':
      return existing === undefined || existing === '' ? [...others, [name, value]] : headers;
    default:
      return headers;
  }
}

/** `Header [always|onsuccess] action name value`: its table and the rest. */
function headerWords(d: ApacheDirective): { always: boolean; words: string[] } {
  const first = (d.args[0] ?? '').toLowerCase();
  if (first === 'always') return { always: true, words: d.args.slice(1) };
  if (first === 'onsuccess') return { always: false, words: d.args.slice(1) };
  return { always: false, words: d.args };
}

/** The <Location>/<LocationMatch> sections of a level that match `path`, in config order. */
function locationsFor(level: readonly ApacheDirective[], path: string): ApacheDirective[] {
  return level.filter((d) => {
    if (d.name === '<Location') {
      if (d.args[0] === '~') return safeRegex(d.args[1])?.test(path) ?? false;
      const prefix = d.args[0] ?? '';
      return path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`) || prefix === '/';
    }
    if (d.name === '<LocationMatch') return safeRegex(d.args[0])?.test(path) ?? false;
    return false;
  });
}

function safeRegex(pattern: string | undefined): RegExp | null {
  try {
    return pattern === undefined ? null : new RegExp(pattern);
  } catch {
    return null;
  }
}

/** `ProxyPass path url` and `ProxyPass path !` of a level, as (path, url, directive). */
function proxyPasses(level: readonly ApacheDirective[]): Array<{ path: string; url: string; at: ApacheDirective }> {
  return directivesNamed(level, 'ProxyPass')
    .filter((d) => (d.args[1] ?? '') !== '' && !(d.args[1] ?? '').includes('='))
    .map((d) => ({ path: d.args[0] as string, url: d.args[1] as string, at: d }));
}

/** mod_proxy's alias_match: the path matches when it starts with the alias, segment by segment. */
function proxyMatch(alias: string, path: string): boolean {
  if (!path.startsWith(alias)) return false;
  return (
    alias.endsWith('/') || path.length === alias.length || path[alias.length] === '/' || path[alias.length] === '?'
  );
}

/** Whether the virtual host's TLS is on: SSLEngine in the vhost, else at the server level. */
export function sslEngineOn(config: ApacheConfig, vhost: ApacheDirective | null): boolean {
  const value = (vhost && lastNamed(vhost.children ?? [], 'SSLEngine')) ?? lastNamed(config.directives, 'SSLEngine');
  return /^(on|optional)$/i.test(value?.args[0] ?? '');
}

/** The ports something listens on (ports.conf's Listen 80, and 443 with mod_ssl, plus the site's). */
export function listenPorts(config: ApacheConfig): number[] {
  return directivesNamed(config.directives, 'Listen').map((d) => Number(/(\d+)$/.exec(d.args[0] ?? '')?.[1] ?? 0));
}

export function virtualApache(config: ApacheConfig, request: ApacheRequest): ApacheDecision {
  const absoluteUrl = /^[a-z][a-z0-9+.-]*:\/\//i.test(request.path) ? safeUrl(request.path) : null;
  // An absolute request-target names the host itself (RFC 9112 3.2.2): httpd picks the vhost by it.
  const host = absoluteUrl?.host ?? headerValue(request.headers, 'host') ?? '';
  const hostName = host.replace(/:\d+$/, '');
  const vhost = selectVhost(config, request.localAddress ?? '127.0.0.1', request.port, hostName);
  const target = absoluteUrl ? `${absoluteUrl.pathname}${absoluteUrl.search}` : request.path;
  const path = target.split('?')[0] || '/';
  const query = target.includes('?') ? target.slice(target.indexOf('?')) : '';
  const serverLevels: Levels = vhost ? [config.directives, vhost.children ?? []] : [config.directives];
  const locations = serverLevels.flatMap((level) => locationsFor(level, path).map((l) => l.children ?? []));
  const levels: Levels = [...serverLevels, ...locations];
  const vhostName = (vhost && serverName(vhost)) ?? 'localhost';

  const responseHeaders = (status: number, upstream: HeaderPairs = []): HeaderPairs => {
    let headers: HeaderPairs = [];
    // On a proxied answer the app's Server header stays (http_filters.c keeps it for proxy requests).
    if (headerValue(upstream, 'server') === undefined) headers.push(['Server', serverBanner(config)]);
    headers = [...headers, ...upstream];
    for (const d of merged(levels, 'Header')) {
      const { always, words } = headerWords(d);
      if (always || (status >= 200 && status < 300)) headers = applyHeaderDirective(headers, words);
    }
    return headers;
  };
  const accessLog = (status: number, bodyBytes: number, time = new Date()) =>
    `${vhostName}:${request.port} ` +
    formatCombined({
      remoteAddr: request.client,
      time,
      request: `${request.method} ${request.path} HTTP/1.1`,
      status,
      bodyBytesSent: bodyBytes,
      referer: headerValue(request.headers, 'referer'),
      userAgent: headerValue(request.headers, 'user-agent'),
    });
  const base = { vhost, responseHeaders, accessLog };
  const answer = (
    status: number,
    at: ApacheDirective | null,
    extra: HeaderPairs = [],
    detail = '',
  ): ApacheDecision => ({
    ...base,
    kind: 'answer',
    status,
    at,
    headers: [['Content-Type', 'text/html; charset=iso-8859-1'], ...extra],
    body: errorBody(status, detail, signature(levels, config, hostName || vhostName, request.port)),
  });

  if (!listenPorts(config).includes(request.port)) {
    return { ...base, at: null, kind: 'error', reason: 'connection-refused', message: `nothing listens on port ${request.port}` }; // prettier-ignore
  }
  const tls = sslEngineOn(config, vhost);
  if (request.scheme === 'https' && !tls) {
    return { ...base, at: vhost, kind: 'error', reason: 'tls-handshake-failed', message: `port ${request.port} does not speak TLS (no SSLEngine on)` }; // prettier-ignore
  }
  if (request.scheme === 'http' && tls) {
    return answer(400, vhost, [], 'Your browser sent a request that this server could not understand.<br />\nReason: You\'re speaking plain HTTP to an SSL-enabled server port.<br />\n Instead use the HTTPS scheme to access this URL, please.<br />'); // prettier-ignore
  }

  // A forward proxy for any URL the client names (mod_proxy's proxy_detect), when ProxyRequests is On; else the
  // URL's path is served like any other request.
  const forbidden = (at: ApacheDirective) => answer(403, at, [], "You don't have permission to access this resource.");
  // Access for a proxied URL: the <Proxy> sections that match it, then the <Location>s (access.ts). A forward
  // request's r->uri is the whole URL, which no <Location /path> matches: its <Proxy> sections alone decide.
  const proxyDenial = (url: string, within: Levels) => {
    const sections = serverLevels.flatMap((level) => proxySectionsFor(level, url).map((d) => d.children ?? []));
    const verdict = requireVerdict([...sections, ...within], request.client, request.localAddress ?? '127.0.0.1');
    return verdict?.allowed === false ? forbidden(verdict.at) : null;
  };
  const forward = effective(serverLevels, 'ProxyRequests');
  if (absoluteUrl && /^on$/i.test(forward?.args[0] ?? '')) {
    return proxyDenial(request.path, []) ?? { ...base, at: forward ?? null, kind: 'forward', url: request.path, headers: request.headers }; // prettier-ignore
  }

  // AllowEncodedSlashes Off (the default): core refuses a path with %2F itself, 404, before any module maps it
  // (httpd 2.4 docs, core, AllowEncodedSlashes) — an answer Apache makes, with its own Server header.
  if (/%2f/i.test(path) && !/^(on|nodecode)$/i.test(effective(serverLevels, 'AllowEncodedSlashes')?.args[0] ?? 'off')) {
    return answer(404, null, [], 'The requested URL was not found on this server.');
  }

  // Access control for the URL space: Require in the matching <Location> sections (the innermost decides).
  const locationVerdict = requireVerdict(locations, request.client, request.localAddress ?? '127.0.0.1');
  if (locationVerdict?.allowed === false) return forbidden(locationVerdict.at);

  // translate_name, mod_rewrite first: RewriteRule with [R] in the vhost (RewriteEngine On).
  const rewrite = rewriteRedirect(serverLevels, request, hostName || vhostName, path, query);
  if (rewrite) return answer(rewrite.status, rewrite.at, [['Location', rewrite.location]], `The document has moved <a href="${rewrite.location}">here</a>.`); // prettier-ignore

  // mod_proxy: ProxyPass in a <Location> (no path: the location's), then the server's list, first match wins.
  const inLocation = locations
    .flatMap((level) => directivesNamed(level, 'ProxyPass'))
    .filter((d) => d.args.length >= 1)
    .at(-1);
  const candidates = proxyPasses(config.directives).concat(vhost ? proxyPasses(vhost.children ?? []) : []);
  const pass = inLocation
    ? {
        path: locationPrefix(inLocation, locations, serverLevels, path),
        url: inLocation.args[0] as string,
        at: inLocation,
      }
    : candidates.find((p) => proxyMatch(p.path, path));
  if (pass && pass.url !== '!') {
    // proxy_trans: "proxy:" + the backend URL + the rest of the path, concatenated as written (no slash added or
    // dropped); mod_proxy_http then parses the result, so `ProxyPass / http://127.0.0.1:8000` sends /orders to
    // the host "127.0.0.1:8000orders".
    const joined = backendUrl(pass.url, path.slice(pass.path.length));
    if (joined.invalidHost !== undefined) {
      const failed = answer(500, pass.at, [], 'The server encountered an internal error or misconfiguration and was unable to complete your request.</p>\n<p>Please contact the server administrator at \n webmaster@localhost to inform them of the time this error occurred,\n and the actions you performed just before this error.</p>\n<p>More information about this error may be available\nin the server error log.'); // prettier-ignore
      return { ...failed, errorLog: `AH00898: DNS lookup failure for: ${joined.invalidHost}` } as ApacheDecision;
    }
    const denied = proxyDenial(pass.url + path.slice(pass.path.length), locations);
    if (denied) return denied;
    const url = new URL(pass.url);
    const upstream = `${url.protocol}//${joined.hostPort}`;
    const upstreamPath = joined.path + query;
    let headers: HeaderPairs = request.headers.filter(([n]) => !/^(connection|keep-alive|proxy-connection)$/i.test(n));
    for (const d of merged(levels, 'RequestHeader')) headers = applyHeaderDirective(headers, d.args);
    const preserve = /^on$/i.test(effective(levels, 'ProxyPreserveHost')?.args[0] ?? 'off');
    const clientHost = headerValue(request.headers, 'host');
    headers = headers.filter(([n]) => n.toLowerCase() !== 'host');
    headers.unshift(['Host', preserve && clientHost !== undefined ? clientHost : url.host]);
    if (!/^off$/i.test(effective(levels, 'ProxyAddHeaders')?.args[0] ?? 'on')) {
      headers = appendHeader(headers, 'X-Forwarded-For', request.client);
      if (clientHost !== undefined) headers = appendHeader(headers, 'X-Forwarded-Host', clientHost);
      headers = appendHeader(headers, 'X-Forwarded-Server', vhostName);
    }
    headers.push(['Connection', 'Keep-Alive']);
    const reverses = merged(levels, 'ProxyPassReverse');
    const publicBase = `${request.scheme}://${host || vhostName}`;
    const reverse = (location: string) => {
      for (const d of reverses) {
        const [alias = '', target = ''] = d.args;
        if (target !== '' && location.startsWith(target))
          return publicBase + joinPaths(alias, location.slice(target.length));
      }
      return location;
    };
    return { ...base, at: pass.at, kind: 'proxy', upstream, method: request.method, path: upstreamPath, headers, body: request.body, reverse }; // prettier-ignore
  }

  // mod_alias: Redirect (prefix match, the rest of the path appended).
  for (const d of merged(serverLevels, 'Redirect')) {
    const { status, from, to } = redirectParts(d);
    if (from !== undefined && proxyMatch(from.endsWith('/') ? from : from, path)) {
      if (to === undefined) return answer(status, d);
      const location = joinPaths(to, path.slice(from.length)) + query;
      return answer(status, d, [['Location', location]], `The document has moved <a href="${location}">here</a>.`);
    }
  }
  // A file (Alias, DocumentRoot): the sandbox has no files; httpd would answer 404 for one that is not there.
  return answer(404, pass?.at ?? null, [], 'The requested URL was not found on this server.');
}

function safeUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function appendHeader(headers: HeaderPairs, name: string, value: string): HeaderPairs {
  const existing = headerValue(headers, name);
  const others = headers.filter(([n]) => n.toLowerCase() !== name.toLowerCase());
  return [...others, [name, existing === undefined ? value : `${existing}, ${value}`]];
}

/**
 * The backend URL and the rest of the client's path joined as mod_proxy does (string concatenation), split into
 * host:port and path. A host:port that is not one (a port with letters) is what mod_proxy cannot resolve: httpd
 * answers 500 and logs "AH00898: DNS lookup failure for: <host:port>" (read off apache2 2.4.71; held to it in
 * tests/reality/apache-proxy-paths.test.ts). A double slash is passed on as it is.
 */
export function backendUrl(url: string, rest: string): { hostPort: string; path: string; invalidHost?: string } {
  const joined = url + rest;
  const afterScheme = joined.slice(joined.indexOf('://') + 3);
  const slash = afterScheme.indexOf('/');
  const hostPort = slash === -1 ? afterScheme : afterScheme.slice(0, slash);
  const path = slash === -1 ? '/' : afterScheme.slice(slash);
  const valid = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(:\d{1,5})?$/i.test(hostPort);
  return valid ? { hostPort, path } : { hostPort, path, invalidHost: hostPort };
}

function joinPaths(base: string, rest: string): string {
  if (rest === '') return base;
  if (base.endsWith('/') && rest.startsWith('/')) return base + rest.slice(1);
  return base + rest;
}

/** The path of the <Location> a path-less ProxyPass sits in. */
function locationPrefix(d: ApacheDirective, _locations: Levels, serverLevels: Levels, path: string): string {
  for (const level of serverLevels) {
    for (const section of locationsFor(level, path)) {
      if ((section.children ?? []).includes(d) && section.name === '<Location') return section.args[0] ?? '/';
    }
  }
  return '/';
}

function redirectParts(d: ApacheDirective): { status: number; from?: string; to?: string } {
  const [first = '', second, third] = d.args;
  const named: Record<string, number> = { permanent: 301, temp: 302, seeother: 303, gone: 410 };
  const status = named[first.toLowerCase()];
  if (status !== undefined) return { status, from: second, to: third };
  if (/^\d+$/.test(first)) return { status: Number(first), from: second, to: third };
  return { status: 302, from: first, to: second };
}

/**
 * The common HTTP→HTTPS forms of mod_rewrite: `RewriteEngine On`, optional `RewriteCond %{HTTPS} off|!=on`
 * (or %{SERVER_PORT} 80, or certbot's `%{SERVER_NAME} =name`: with UseCanonicalName Off, the name the client sent), `RewriteRule pattern https://%{HTTP_HOST}%{REQUEST_URI}|https://name/$1 [R=301,L]`.
 * Other rules are not emulated: a rule the virtual server cannot follow is skipped, never guessed.
 */
function rewriteRedirect(
  levels: Levels,
  request: ApacheRequest,
  host: string,
  path: string,
  query: string,
): { status: number; location: string; at: ApacheDirective } | null {
  const level = levels.at(-1) ?? [];
  if (!/^on$/i.test(lastNamed(level, 'RewriteEngine')?.args[0] ?? 'off')) return null;
  let conditionsHold = true;
  for (const d of level) {
    if (d.name === 'RewriteCond') {
      const [subject = '', pattern = ''] = d.args;
      const value = subject
        .replace('%{HTTPS}', request.scheme === 'https' ? 'on' : 'off')
        .replace('%{SERVER_PORT}', String(request.port))
        .replace('%{HTTP_HOST}', host)
        .replace('%{SERVER_NAME}', host);
      const negate = pattern.startsWith('!');
      const body = negate ? pattern.slice(1) : pattern;
      const matches = body.startsWith('=') ? value === body.slice(1) : (safeRegex(body)?.test(value) ?? false);
      conditionsHold = conditionsHold && matches !== negate;
    } else if (d.name === 'RewriteRule') {
      const [pattern = '', target = '', flags = ''] = d.args;
      const regex = safeRegex(pattern.replace(/^!/, ''));
      const match = regex?.exec(path.slice(0)) ?? null;
      // [R], [R=301], [R=permanent|temp|seeother] (mod_rewrite.c, cmd_rewriteflags).
      const redirect = /(?:^\[|,)R(?:=(\d+|permanent|temp|seeother))?(?=[,\]])/i.exec(flags);
      if (conditionsHold && match && redirect && !pattern.startsWith('!')) {
        const location = target
          .replace('%{HTTP_HOST}', host)
          .replace('%{SERVER_NAME}', host)
          .replace('%{REQUEST_URI}', path)
          .replace(/\$(\d)/g, (_m, i: string) => match[Number(i)] ?? '');
        const named: Record<string, number> = { permanent: 301, temp: 302, seeother: 303 };
        const status = named[(redirect[1] ?? '').toLowerCase()] ?? Number(redirect[1] ?? 302);
        return { status, location: location + query, at: d };
      }
      conditionsHold = true;
    }
  }
  return null;
}

/** A GET from a visitor on the internet (TEST-NET-2), as the rules and checks send it. */
export function apacheRequestFor(
  scheme: 'http' | 'https',
  port: number,
  host: string,
  path: string,
  headers: HeaderPairs = [],
): ApacheRequest {
  return { scheme, port, method: 'GET', path, headers: [['Host', host], ...headers], client: '203.0.113.7' };
}
