/**
 * A request through the learner's Apache site to the app server, as proxy-chain.ts does for nginx: the virtual
 * Apache decides (config/apache/proxy.ts); when it proxies, the request goes on to the app server running in
 * Python with the headers Apache computed, from Apache's own address. Each hop's log line is kept.
 */
import {
  ApacheSyntaxError,
  listenPorts,
  parseApacheSite,
  statusText,
  virtualApache,
  type ApacheConfig,
  type ApacheDecision,
  type HeaderPairs,
} from '../config/apache';
import type { HttpResponse, ServingInfo, SessionId, WorkspaceFiles } from '../runtime/protocol';
import { interruptionBlocker } from './context';
import { callUpstream, reachable, type ChainRequest } from './proxy-chain';
import type { PythonRuntime } from './runtime';
import { BlockedError, type BlockingError } from './types';

export interface LoadedApache {
  file: string;
  config: ApacheConfig;
}

export type ApacheLoad = { ok: true; apache: LoadedApache } | { ok: false; error: ApacheSyntaxError } | null;

/** The workspace's Apache site (apache/*.conf), parsed as Debian's apache2 reads sites-enabled/; null when none. */
export function loadApache(files: WorkspaceFiles): ApacheLoad {
  const file = Object.keys(files)
    .filter((path) => /(^|\/)apache2?\/[^/]+\.conf$/.test(path))
    .sort()[0];
  if (file === undefined) return null;
  try {
    return { ok: true, apache: { file, config: parseApacheSite(files[file]!, file, { files }) } };
  } catch (error) {
    if (error instanceof ApacheSyntaxError) return { ok: false, error };
    throw error;
  }
}

/** A config Apache refuses, in `apachectl -t`'s words, as the blocking error of every check that needs it. */
export function apacheBlocker(error: ApacheSyntaxError): BlockingError {
  return {
    message: `Apache refuses the config: AH00526: Syntax error on line ${error.line} of ${error.file}: ${error.reason}`,
    file: error.file,
    line: error.line,
  };
}

export function parsedApache(load: ApacheLoad): LoadedApache | null {
  if (load === null) return null;
  if (!load.ok) throw new BlockedError(apacheBlocker(load.error));
  return load.apache;
}

export interface ApacheHop {
  name: 'apache' | 'app';
  log: string;
}

export interface ApacheChainResponse extends Omit<HttpResponse, 'log'> {
  decision: ApacheDecision;
  upstreamRequest: { path: string; headers: HeaderPairs } | null;
  hops: ApacheHop[];
}

/** Hop-by-hop headers httpd does not pass back from the upstream. */
const DROPPED_FROM_UPSTREAM = new Set(['connection', 'keep-alive', 'transfer-encoding', 'date']);
/** Where Apache listens for a scheme: 443 for https when it does, else the first port. */
export function apachePort(config: ApacheConfig, scheme: 'http' | 'https'): number {
  const ports = listenPorts(config);
  const usual = scheme === 'https' ? 443 : 80;
  return ports.includes(usual) ? usual : (ports[0] ?? usual);
}

export async function sendThroughApache(
  runtime: PythonRuntime,
  session: SessionId,
  apache: LoadedApache,
  serving: ServingInfo | null,
  request: ChainRequest,
): Promise<ApacheChainResponse> {
  const decision = virtualApache(apache.config, {
    scheme: request.scheme,
    port: apachePort(apache.config, request.scheme),
    method: request.method,
    path: request.path,
    headers: request.headers,
    body: request.body,
    client: request.client,
  });
  const apacheAnswer = (status: number, headers: HeaderPairs, body: string): ApacheChainResponse => ({
    status,
    reason: statusText(status),
    headers: [...decision.responseHeaders(status), ...headers],
    body,
    interrupted: false,
    decision,
    upstreamRequest: null,
    hops: [{ name: 'apache', log: decision.accessLog(status, body.length) }],
  });
  if (decision.kind === 'answer') {
    const answer = apacheAnswer(decision.status, decision.headers, decision.body);
    if (decision.errorLog) answer.hops.push({ name: 'apache', log: decision.errorLog });
    return answer;
  }
  if (decision.kind === 'error') return apacheAnswer(502, [], '');
  if (decision.kind === 'forward') {
    // An open forward proxy: httpd would connect to whatever the URL names — from inside the network.
    const body =
      `(Apache fetched ${decision.url} for the client: on a cloud VM, 169.254.169.254 answers with the instance's ` +
      'metadata and its IAM credentials; the sandbox has no such service, so this line stands in for its answer.)\n';
    const answer = apacheAnswer(200, [['Content-Type', 'text/plain']], body);
    answer.hops.push({ name: 'apache', log: `forward proxy request to ${decision.url} (ProxyRequests On)` });
    return answer;
  }
  if (!reachable(decision.upstream, serving)) {
    const where = serving ? `${serving.host}:${serving.port}` : 'nothing';
    const answer = apacheAnswer(502, [['Content-Type', 'text/html; charset=iso-8859-1']], '<h1>Proxy Error</h1>\n');
    answer.hops.push({
      name: 'apache',
      log: `AH00957: http: attempt to connect to ${decision.upstream.replace(/^\w+:\/\//, '')} failed (connection refused; the app server listens on ${where})`,
    });
    return answer;
  }
  const response = await callUpstream(runtime, session, decision, request.probe);
  const upstreamHeaders = response.headers
    .filter(([name]) => !DROPPED_FROM_UPSTREAM.has(name.toLowerCase()))
    .map(([name, value]): [string, string] => [name, name.toLowerCase() === 'location' ? decision.reverse(value) : value]); // prettier-ignore
  return {
    status: response.status,
    reason: response.reason,
    headers: decision.responseHeaders(response.status, upstreamHeaders),
    body: response.body,
    ...(response.bodyBase64 === undefined ? {} : { bodyBase64: response.bodyBase64 }),
    interrupted: response.interrupted,
    interruption: response.interruption,
    decision,
    upstreamRequest: { path: decision.path, headers: decision.headers },
    hops: [
      { name: 'apache', log: decision.accessLog(response.status, response.body.length) },
      { name: 'app', log: response.log },
    ],
  };
}

/** What keeps a request through Apache from an answer, as a blocking error; null when it got one. */
export function apacheChainBlocker(
  apache: LoadedApache,
  request: ChainRequest,
  response: ApacheChainResponse,
): BlockingError | null {
  const { decision } = response;
  if (decision.kind === 'error') {
    return {
      message:
        decision.reason === 'connection-refused'
          ? `Nothing in ${apache.file} (or Debian's ports.conf) listens where a browser asks for ${request.scheme}://: ${decision.message}.`
          : `The ${request.scheme} port does not speak TLS: ${decision.message}, so the handshake fails.`,
      file: decision.vhost?.file ?? apache.file,
      line: decision.vhost?.line,
    };
  }
  const refused = response.hops.find((hop) => hop.log.startsWith('AH00957'));
  if (refused && decision.kind === 'proxy') {
    return { message: `Apache answers 502 Proxy Error: ${refused.log}.`, file: decision.at?.file ?? apache.file, line: decision.at?.line }; // prettier-ignore
  }
  return interruptionBlocker(response.interruption, `answer ${request.method} ${request.path} through Apache`);
}
