/**
 * Requests from the internet replayed through the workspace's nginx config to the running app, for the checks
 * that judge what nginx and the app do with traffic over time (limit_req) and what each hop logs. One
 * `LimitReqState` per replay is nginx's shared memory for it, so each check starts from a freshly started nginx.
 */
import type { CheckSpec } from '../content/checks-schema';
import {
  LimitReqState,
  addressIn,
  effectiveArrayDirective,
  realClientAddress,
  type Directive,
  type ProxyDecision,
} from '../config/nginx';
import { GRADER_SESSION, startApp, type GradingContext } from './context';
import {
  chainBlocker,
  loadNginx,
  parsedNginx,
  sendThroughProxy,
  type ChainRequest,
  type ChainResponse,
  type LoadedNginx,
} from './proxy-chain';
import { BlockedError } from './types';

export type NginxRequestSpec = Extract<CheckSpec, { kind: 'log-trail' }>['request'];

/** The site's name when a check does not give a Host. */
export const SITE_HOST = 'shop.example';

export function chainRequest(spec: NginxRequestSpec, extraHeaders: Array<[string, string]> = []): ChainRequest {
  const headers = Object.entries(spec.headers);
  if (!headers.some(([name]) => name.toLowerCase() === 'host')) headers.unshift(['Host', SITE_HOST]);
  return {
    scheme: spec.scheme,
    method: spec.method,
    path: spec.path,
    headers: [...headers, ...extraHeaders],
    body: spec.body,
    client: spec.client,
  };
}

/** "POST https://shop.example/login", for messages. */
export function asked(request: ChainRequest): string {
  const host = request.headers.find(([name]) => name.toLowerCase() === 'host')?.[1] ?? SITE_HOST;
  return `${request.method} ${request.scheme}://${host}${request.path}`;
}

export interface Replay {
  nginx: LoadedNginx;
  /** Sends one request at `now` (ms; default the replay's start), through the same nginx memory. */
  send: (request: ChainRequest, now?: number) => Promise<ChainResponse>;
}

/**
 * The nginx config and the app started as production starts it, ready to replay traffic; null when the
 * workspace has no nginx config. A config nginx refuses, an app that does not start, or a request that
 * cannot reach the app are blocking errors, as for proxy-request.
 */
export async function startReplay(context: GradingContext, env: Record<string, string>): Promise<Replay | null> {
  const nginx = parsedNginx(loadNginx(context.files));
  if (nginx === null) return null;
  const { serving } = await startApp(context, env);
  const limits = new LimitReqState();
  const start = 1_000_000;
  return {
    nginx,
    send: async (request, now = start) => {
      const response = await sendThroughProxy(context.runtime, GRADER_SESSION, nginx, serving, request, { limits, now }); // prettier-ignore
      const blocking = chainBlocker(nginx, request, response);
      if (blocking) throw new BlockedError(blocking);
      return response;
    },
  };
}

/** Where a directive is, for a result. */
export function at(d: Directive | null | undefined): { file?: string; line?: number } {
  return d ? { file: d.file, line: d.line } : {};
}

/**
 * When realip made the client's address one the request's own header names (set_real_ip_from trusting the
 * client), what to say and where; null otherwise.
 */
export function realipTrustsClient(
  decision: ProxyDecision,
  request: ChainRequest,
): { note: string; directive: Directive | null } | null {
  const levels = decision.server ? decision.chain.slice(0, 2) : decision.chain;
  const seen = realClientAddress(levels, request.client, request.headers);
  if (seen === request.client) return null;
  const from = effectiveArrayDirective(levels, 'set_real_ip_from').find((d) => addressIn(d.args[0] ?? '', request.client)); // prettier-ignore
  return {
    note: ` set_real_ip_from ${from?.args[0] ?? ''} trusts ${request.client}, the client itself, so $remote_addr becomes ${seen}, an address it wrote: trust only the proxies in front of nginx (here none).`,
    directive: from ?? null,
  };
}
