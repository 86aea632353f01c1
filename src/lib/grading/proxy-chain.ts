/**
 * A request through the learner's nginx config to the app server (docs/architecture.md): the virtual
 * reverse proxy decides what nginx does; when it proxies, the request goes on to the app server
 * running in Python with the headers nginx computed, from nginx's own address. Each hop's log
 * line is kept, so the terminal can show the path a request took.
 */
import {
  NginxSyntaxError,
  errorPage,
  parseWorkspaceNginx,
  virtualProxy,
  type HeaderPairs,
  type LimitReqState,
  type NginxConfig,
  type ProxyDecision,
} from '../config/nginx';
import type { HttpResponse, ServingInfo, SessionId, WorkspaceFiles } from '../runtime/protocol';
import { hostOf, isEveryInterface } from './addresses';
import { interruptionBlocker } from './context';
import { listenPorts } from './nginx-scan';
import type { PythonRuntime } from './runtime';
import { BlockedError, type BlockingError } from './types';

/** nginx reaches the app server from this machine. */
export const PROXY_ADDRESS = '127.0.0.1';

export interface LoadedNginx {
  file: string;
  config: NginxConfig;
  /**
   * The nginx that runs it, when the project says (a Docker image tag such as nginx:1.25-alpine);
   * without it the rules speak of the nginx the virtual proxy emulates.
   */
  version?: { number: string | null; image: string };
}

export type NginxLoad = { ok: true; nginx: LoadedNginx } | { ok: false; error: NginxSyntaxError } | null;

/**
 * The workspace's nginx site config (nginx/*.conf), parsed as Debian's nginx reads it from sites-enabled/ (and
 * as strictly as its `nginx -t`); null when there is none.
 */
export function loadNginx(files: WorkspaceFiles): NginxLoad {
  const file = Object.keys(files)
    .filter((path) => /(^|\/)nginx\/[^/]+\.conf$/.test(path) || path === 'nginx.conf')
    .sort()[0];
  if (file === undefined) return null;
  try {
    const config = parseWorkspaceNginx(files[file]!, file, files);
    return { ok: true, nginx: { file, config } };
  } catch (error) {
    if (error instanceof NginxSyntaxError) return { ok: false, error };
    throw error;
  }
}

/** A config nginx refuses, in nginx's own words, as the blocking error of every check that needs it. */
export function nginxBlocker(error: NginxSyntaxError): BlockingError {
  return {
    message: `nginx refuses the config: nginx: [emerg] ${error.reason} in ${error.file}:${error.line}`,
    file: error.file,
    line: error.line,
  };
}

/** The nginx config the checks judge; null when there is none; one that does not parse blocks. */
export function parsedNginx(load: NginxLoad): LoadedNginx | null {
  if (load === null) return null;
  if (!load.ok) throw new BlockedError(nginxBlocker(load.error));
  return load.nginx;
}

/** Nothing listens where a browser connects for `scheme`: the same blocking error for every check that meets it. */
export function noListener(file: string, scheme: 'http' | 'https'): BlockingError {
  return {
    message:
      scheme === 'https'
        ? `No server in ${file} listens on port 443 with TLS (listen 443 ssl): there is no https site to judge.`
        : `No server in ${file} listens on port 80: a browser asking for http:// gets no connection.`,
    file,
  };
}

/**
 * What keeps a request through nginx from reaching the app, as a blocking error: nothing listens
 * where the client connects, the port does not speak TLS, nginx cannot reach the app server, or
 * the app never answered. Null when the request got its answer (whatever its status).
 */
export function chainBlocker(nginx: LoadedNginx, request: ChainRequest, response: ChainResponse): BlockingError | null {
  const { decision } = response;
  const port = request.scheme === 'https' ? 443 : 80;
  if (decision.kind === 'error' && decision.reason === 'connection-refused')
    return noListener(nginx.file, request.scheme);
  if (decision.kind === 'error') {
    const server = decision.server;
    return {
      message: `Port ${port} speaks plain HTTP, not TLS: its server needs \`listen ${port} ssl\`, so the TLS handshake fails.`,
      file: server?.file ?? nginx.file,
      line: server?.line,
    };
  }
  const refused = response.hops.find((hop) => hop.log.startsWith('connect() failed'));
  if (refused && decision.kind === 'proxy') {
    const at = decision.location ?? decision.server;
    return {
      message: `nginx answers 502 Bad Gateway: ${refused.log}.`,
      file: at?.file ?? nginx.file,
      line: at?.line,
    };
  }
  return interruptionBlocker(response.interruption, `answer ${request.method} ${request.path} through nginx`);
}

export interface ChainRequest {
  scheme: 'http' | 'https';
  method: string;
  path: string;
  headers: Array<[string, string]>;
  body?: string;
  /** The client's address as nginx sees it. */
  client: string;
  /** Ask the app what it sees (a probe), instead of running a view. */
  probe?: boolean;
}

export interface Hop {
  name: 'nginx' | 'app';
  log: string;
}

export interface ChainResponse extends Omit<HttpResponse, 'log'> {
  decision: ProxyDecision;
  /** The request as the app server received it, when nginx passed it on. */
  upstreamRequest: { path: string; headers: HeaderPairs } | null;
  hops: Hop[];
}

/** Hop-by-hop headers nginx does not pass back from the upstream; it sets Server itself. */
const DROPPED_FROM_UPSTREAM = new Set(['connection', 'keep-alive', 'transfer-encoding', 'server', 'date']);

const canonical = (host: string) => (host === 'localhost' ? '127.0.0.1' : host);

/** Would the proxy's connection to `upstream` reach the app server listening where `serving` says? */
export function reachable(upstream: string, serving: ServingInfo | null): boolean {
  if (!serving) return false;
  if (upstream.startsWith('unix:')) return serving.host === upstream;
  const match = /^https?:\/\/(\[[^\]]+\]|[^:/]+):(\d+)$/.exec(upstream);
  if (!match || Number(match[2]) !== serving.port) return false;
  const listening = hostOf(serving.host);
  return isEveryInterface(listening) || canonical(hostOf(match[1] ?? '')) === canonical(listening);
}

/** The proxied request, as the app server receives it: from the proxy's address, with the headers it computed. */
export function callUpstream(
  runtime: PythonRuntime,
  session: SessionId,
  upstream: { method: string; path: string; headers: HeaderPairs; body?: string },
  probe: boolean | undefined,
): Promise<HttpResponse> {
  const { method, path, headers, body } = upstream;
  return runtime.call('request', {
    session,
    request: { method, path, headers, body, client: PROXY_ADDRESS, probe },
  });
}

/** What nginx keeps between requests (limit_req's zones) and the clock it reads; default: every request is the first. */
export interface ChainMemory {
  limits?: LimitReqState;
  /** Milliseconds; default Date.now(). */
  now?: number;
}

/** The hops' log lines: nginx's (empty under `access_log off`: the terminal says it logged nothing), then the app server's. */
function hopLines(nginxLog: string, app?: string): Hop[] {
  const hops: Hop[] = [{ name: 'nginx', log: nginxLog }];
  return app === undefined ? hops : [...hops, { name: 'app', log: app }];
}

export async function sendThroughProxy(
  runtime: PythonRuntime,
  session: SessionId,
  nginx: LoadedNginx,
  serving: ServingInfo | null,
  request: ChainRequest,
  memory: ChainMemory = {},
): Promise<ChainResponse> {
  const decision = virtualProxy(
    nginx.config,
    {
      scheme: request.scheme,
      // Where the config listens for that scheme (443 and 80 first when it does).
      port:
        (request.scheme === 'https' ? listenPorts(nginx.config).tls : listenPorts(nginx.config).plain)[0] ??
        (request.scheme === 'https' ? 443 : 80),
      method: request.method,
      path: request.path,
      headers: request.headers,
      body: request.body,
      client: request.client,
    },
    memory,
  );
  const nginxAnswer = (
    status: number,
    reason: string,
    headers: HeaderPairs,
    body: string,
    // A `return` decision's headers already carry Server and add_header (proxy.ts): not twice.
    complete = false,
  ): ChainResponse => {
    const all: HeaderPairs = complete ? headers : [...decision.responseHeaders(status), ...headers];
    return {
      status,
      reason,
      headers: all,
      body,
      interrupted: false,
      decision,
      upstreamRequest: null,
      hops: hopLines(decision.accessLog(status, body.length)),
    };
  };

  if (decision.kind === 'return') {
    return nginxAnswer(decision.status, '', decision.headers, decision.body ?? '', true);
  }
  if (decision.kind === 'static') {
    // The sandbox has no static files on disk; nginx would answer 404 for a file that is not there.
    return nginxAnswer(404, 'Not Found', [['Content-Type', 'text/html']], errorPage(404, decision.chain));
  }
  if (decision.kind === 'error') {
    return nginxAnswer(502, 'Bad Gateway', [['Content-Type', 'text/html']], errorPage(502, decision.chain));
  }
  if (!reachable(decision.upstream, serving)) {
    const where = serving ? `${serving.host}:${serving.port}` : 'nothing';
    const answer = nginxAnswer(502, 'Bad Gateway', [['Content-Type', 'text/html']], errorPage(502, decision.chain));
    answer.hops.push({
      name: 'nginx',
      log: `connect() failed (111: Connection refused) while connecting to upstream, upstream: "${decision.upstream}" (the app server listens on ${where})`,
    });
    return answer;
  }
  const response = await callUpstream(runtime, session, decision, request.probe);
  const upstreamHeaders = response.headers.filter(([name]) => !DROPPED_FROM_UPSTREAM.has(name.toLowerCase()));
  return {
    status: response.status,
    reason: response.reason,
    headers: [...decision.responseHeaders(response.status), ...upstreamHeaders],
    body: response.body,
    ...(response.bodyBase64 === undefined ? {} : { bodyBase64: response.bodyBase64 }),
    interrupted: response.interrupted,
    interruption: response.interruption,
    decision,
    upstreamRequest: { path: decision.path, headers: decision.headers },
    hops: hopLines(decision.accessLog(response.status, response.body.length), response.log),
  };
}
