/**
 * Where a terminal `curl` (and the preview's address bar) goes. Without an nginx config (or an Apache
 * site, apache/*.conf) in the workspace, straight to the app server, as before. With one, to the virtual
 * nginx (or Apache) as a visitor on the internet would send it: nginx decides, and when it proxies, the app server answers. Every
 * hop's log line comes back so the terminal can show the path the request took.
 *
 * nginx reads its config as the editor holds it (as if reloaded on save); the app server is what
 * the last Run started. Pure apart from the runtime it is given.
 */
import { LimitReqState, serversOnSocket } from '../../config/nginx';
import { sslEngineOn, virtualHosts } from '../../config/apache';
import { loadApache, sendThroughApache, type ApacheHop, type LoadedApache } from '../../grading/apache-chain';
import { loadNginx, sendThroughProxy, type ChainRequest, type Hop, type LoadedNginx } from '../../grading/proxy-chain';
import type { PythonRuntime } from '../../grading/runtime';
import type { HttpRequest, HttpResponse, ServingInfo, SessionId, WorkspaceFiles } from '../../runtime/protocol';
import type { CurlRequest } from './commands';
import { sanitizeForTerminal } from './sanitize';

/** The site's name when a bare path is requested; the lessons' nginx configs serve it. */
export const SITE_HOST = 'shop.example';
/** A visitor on the internet (TEST-NET-2), as nginx sees it; the graders use the same address. */
export const VISITOR_ADDRESS = '198.51.100.23';
/** What curl sends unless told otherwise; nginx logs the User-Agent. */
const CURL_DEFAULT_HEADERS: Array<[string, string]> = [
  ['User-Agent', 'curl/8.11.1'],
  ['Accept', '*/*'],
];

export type RequestPlan =
  | { via: 'app'; request: HttpRequest }
  | { via: 'nginx'; nginx: LoadedNginx; url: string; request: ChainRequest; note: string | null }
  /** The workspace has an Apache site (apache/*.conf) and no nginx config: Apache is in front. */
  | { via: 'apache'; apache: LoadedApache; url: string; request: ChainRequest; note: string | null }
  /** Nothing is sent: curl's own error line (an nginx config that does not parse, a closed port). */
  | { via: 'none'; message: string };

export interface Exchange {
  /** Null when curl got no HTTP response at all; `failure` says why. */
  response: Omit<HttpResponse, 'log'> | null;
  /** curl's error line, e.g. `curl: (52) Empty reply from server`. */
  failure: string | null;
  /** Each hop's log, the proxy first; empty for a request straight to the app (its log streams live). */
  hops: Array<Hop | ApacheHop>;
  /** A one-line explanation below the hops (why nginx answered 502), or null. */
  note: string | null;
}

/** limit_req's memory per terminal session, as a running nginx keeps it between requests (real clock). */
const limitsBySession = new Map<SessionId, LimitReqState>();

/** Decide where a request goes, from the workspace files alone. */
export function planRequest(files: WorkspaceFiles, request: CurlRequest): RequestPlan {
  const loaded = loadNginx(files);
  const { url, ...plain } = request;
  if (loaded === null) return planApache(files, request) ?? { via: 'app', request: plain };
  if (!loaded.ok) {
    // The wording of `nginx -t`: nginx would not have (re)started with this file.
    return {
      via: 'none',
      message: `nginx: [emerg] ${loaded.error.reason} in ${loaded.error.file}:${loaded.error.line}\nnginx: configuration file ${loaded.error.file} test failed; the request was not sent`,
    };
  }
  const nginx = loaded.nginx;
  // A bare path means the site as it is served: https when nginx has TLS on 443, else plain http.
  const https = serversOnSocket(nginx.config, 443);
  const tls = https.servers.length > 0 && https.ssl;
  const scheme = url?.scheme ?? (tls ? 'https' : 'http');
  const host = url?.host ?? SITE_HOST;
  const port = url?.port ?? (scheme === 'https' ? 443 : 80);
  const hostname = host.replace(/:\d+$/, '');
  if (port !== (scheme === 'https' ? 443 : 80)) {
    // The proxy chain models nginx on the standard ports; from outside, nothing else answers.
    return {
      via: 'none',
      message: `curl: (7) Failed to connect to ${hostname} port ${port}: Connection refused (from outside, only nginx on ports 80 and 443 answers)`,
    };
  }
  const headers = withDefaults([['Host', host], ...CURL_DEFAULT_HEADERS], request.headers);
  return {
    via: 'nginx',
    nginx,
    url: `${scheme}://${host}${request.path}`,
    request: {
      scheme,
      method: request.method,
      path: request.path,
      headers,
      body: request.body,
      client: VISITOR_ADDRESS,
    },
    note: url === undefined && !tls ? `no TLS server on port 443 in ${nginx.file}, so plain http` : null,
  };
}

/** Through the workspace's Apache site, as a visitor on the internet; null when there is none. */
function planApache(files: WorkspaceFiles, request: CurlRequest): RequestPlan | null {
  const loaded = loadApache(files);
  if (loaded === null) return null;
  if (!loaded.ok) {
    // The wording of `apachectl -t`: Apache would not have (re)started with this file.
    return {
      via: 'none',
      message: `AH00526: Syntax error on line ${loaded.error.line} of ${loaded.error.file}:\n${loaded.error.reason}\nAction 'configtest' failed; the request was not sent`,
    };
  }
  const apache = loaded.apache;
  const { url } = request;
  const tls = virtualHosts(apache.config).some((vhost) => sslEngineOn(apache.config, vhost));
  const scheme = url?.scheme ?? (tls ? 'https' : 'http');
  const host = url?.host ?? SITE_HOST;
  const port = url?.port ?? (scheme === 'https' ? 443 : 80);
  if (port !== (scheme === 'https' ? 443 : 80)) {
    return {
      via: 'none',
      message: `curl: (7) Failed to connect to ${host.replace(/:\d+$/, '')} port ${port}: Connection refused (from outside, only Apache on ports 80 and 443 answers)`,
    };
  }
  const headers = withDefaults([['Host', host], ...CURL_DEFAULT_HEADERS], request.headers);
  return {
    via: 'apache',
    apache,
    url: `${scheme}://${host}${request.path.startsWith('/') ? request.path : ''}`,
    request: {
      scheme,
      method: request.method,
      path: request.path,
      headers,
      body: request.body,
      client: VISITOR_ADDRESS,
    },
    note: url === undefined && !tls ? `no vhost with SSLEngine on in ${apache.file}, so plain http` : null,
  };
}

/** curl's own headers, each replaced by a -H of the same name; the -H ones follow in their order. */
function withDefaults(defaults: Array<[string, string]>, given: Array<[string, string]>): Array<[string, string]> {
  const named = new Set(given.map(([name]) => name.toLowerCase()));
  return [...defaults.filter(([name]) => !named.has(name.toLowerCase())), ...given];
}

/** Send a planned request: to the app server in `session`, or through nginx to what `serving` says runs. */
export async function sendPlanned(
  runtime: PythonRuntime,
  session: SessionId,
  serving: ServingInfo | null,
  plan: RequestPlan,
): Promise<Exchange> {
  if (plan.via === 'none') return { response: null, failure: plan.message, hops: [], note: null };
  if (plan.via === 'apache') return sendThroughApacheAsCurl(runtime, session, serving, plan);
  if (plan.via === 'app') {
    const { log: _log, ...response } = await runtime.call('request', { session, request: plan.request });
    return { response, failure: null, hops: [], note: null };
  }
  const limits = limitsBySession.get(session) ?? new LimitReqState();
  limitsBySession.set(session, limits);
  const chained = await sendThroughProxy(runtime, session, plan.nginx, serving, plan.request, { limits });
  const { decision, upstreamRequest: _upstream, hops, ...response } = chained;
  // The connection never reached an HTTP exchange: curl says so itself, and nginx logs nothing.
  if (decision.kind === 'error') return connectionFailure(plan, decision);
  if (response.status === 444) {
    // nginx closes the connection without a word; only its access log knows.
    return { response: null, failure: 'curl: (52) Empty reply from server', hops, note: null };
  }
  let note: string | null = null;
  if (decision.kind === 'proxy' && chained.upstreamRequest === null && response.status === 502) {
    note = serving
      ? "nginx's proxy_pass and the app server's bind must name the same address and port"
      : 'nothing is running behind nginx: type run to start the app server';
  }
  return {
    response: { ...response, reason: response.reason || (REASONS[response.status] ?? '') },
    failure: null,
    hops,
    note,
  };
}

/** curl's own line when no connection (or no TLS handshake) was made. */
function connectionFailure(
  plan: { url: string; request: ChainRequest },
  decision: { reason: 'connection-refused' | 'tls-handshake-failed'; message: string },
): Exchange {
  const where = plan.url.replace(/^\w+:\/\/([^/:]+).*$/, '$1');
  const port = plan.request.scheme === 'https' ? 443 : 80;
  const failure =
    decision.reason === 'tls-handshake-failed'
      ? `curl: (35) TLS connect error (${decision.message})`
      : `curl: (7) Failed to connect to ${where} port ${port}: Connection refused (${decision.message})`;
  return { response: null, failure, hops: [], note: null };
}

async function sendThroughApacheAsCurl(
  runtime: PythonRuntime,
  session: SessionId,
  serving: ServingInfo | null,
  plan: Extract<RequestPlan, { via: 'apache' }>,
): Promise<Exchange> {
  const chained = await sendThroughApache(runtime, session, plan.apache, serving, plan.request);
  const { decision, upstreamRequest, hops, ...response } = chained;
  if (decision.kind === 'error') return connectionFailure(plan, decision);
  let note: string | null = null;
  if (decision.kind === 'proxy' && upstreamRequest === null && response.status === 502) {
    note = serving
      ? "Apache's ProxyPass and the app server's bind must name the same address and port"
      : 'nothing is running behind Apache: type run to start the app server';
  }
  if (decision.kind === 'forward')
    note = "ProxyRequests On: Apache fetched a URL of the client's choosing (an open proxy)";
  return { response, failure: null, hops, note };
}

/** Reason phrases nginx sends for the statuses it answers itself (`return` leaves the reason empty). */
const REASONS: Record<number, string> = {
  200: 'OK',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Moved Temporarily',
  303: 'See Other',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Not Allowed',
  410: 'Gone',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
};

const NGINX_COLOUR = '\x1b[36m';
const APACHE_COLOUR = '\x1b[33m';
const APP_COLOUR = '\x1b[35m';
const DIM = '\x1b[2m';
const RESET = '\x1b[0m';
const LABEL_WIDTH = 'nginx'.length + 2;

/** Each hop's log, every line labelled with its hop: `nginx  │ …`, then `app    │ …`. Text with `\n`. */
export function formatHops(hops: Array<Hop | ApacheHop>, note: string | null = null): string {
  let out = '';
  for (const hop of hops) {
    const colour = hop.name === 'nginx' ? NGINX_COLOUR : hop.name === 'apache' ? APACHE_COLOUR : APP_COLOUR;
    const label = `${colour}${hop.name.padEnd(LABEL_WIDTH)}│${RESET} `;
    // The log comes from the app: no cursor moves or queries reach xterm (see sanitize.ts).
    const lines = sanitizeForTerminal(hop.log, { keepColours: true }).trimEnd().split('\n');
    if (hop.log.trim() === '') lines.splice(0, lines.length, `${DIM}(logged nothing)${RESET}`);
    out += lines.map((line) => `${label}${line}\n`).join('');
  }
  if (note) out += `${DIM}${note}${RESET}\n`;
  return out;
}
