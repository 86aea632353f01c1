/** Shared by the ProxyFix rules: run the app and ask it, through nginx, what it sees. */
import { virtualProxy } from '../../config/nginx';
import type { ClientView, ServingInfo } from '../../runtime/protocol';
import { GRADER_SESSION, startApp, type GradingContext } from '../context';
import {
  chainBlocker,
  loadNginx,
  parsedNginx,
  reachable,
  sendThroughProxy,
  type ChainRequest,
  type LoadedNginx,
} from '../proxy-chain';
import { listenPorts, locations } from '../nginx-scan';
import { BlockedError } from '../types';

export const VISITOR = '198.51.100.23';
const HOST = 'shop.example';

export type ThroughProxy =
  { ok: true; view: ClientView; serving: ServingInfo; scheme: 'http' | 'https' } | { ok: false; inconclusive: string };

/** The literal path a location matches (`location /api`, `location = /x`, `location ^~ /p`); null for a regex or named one. */
function locationPath(args: readonly string[]): string | null {
  const path = args.length === 1 ? args[0] : ['=', '^~'].includes(args[0] ?? '') ? args[1] : null;
  return path !== undefined && path !== null && path.startsWith('/') ? path : null;
}

/**
 * The path a visitor asks for to reach this app through nginx: `/` when nginx passes it to the app
 * server, else the first location that does (a compose nginx sending `/` to a front end and `/api`
 * to the Flask app); `/` when none does, so the request shows why.
 */
function pathToTheApp(nginx: LoadedNginx, serving: ServingInfo, scheme: 'http' | 'https'): string {
  const ports = listenPorts(nginx.config);
  const port = (scheme === 'https' ? ports.tls : ports.plain)[0] ?? (scheme === 'https' ? 443 : 80);
  const candidates = [
    '/',
    ...locations(nginx.config).flatMap(({ block }) => {
      const path = locationPath(block.args);
      return path === null ? [] : [path];
    }),
  ];
  for (const path of candidates) {
    const decision = virtualProxy(nginx.config, {
      scheme,
      port,
      method: 'GET',
      path,
      headers: [['Host', HOST]],
      client: VISITOR,
    });
    if (decision.kind === 'proxy' && reachable(decision.upstream, serving)) return path;
  }
  return '/';
}

export async function viewThroughProxy(context: GradingContext, forwardedFor?: string): Promise<ThroughProxy> {
  const nginx = parsedNginx(context.nginx !== undefined ? context.nginx : loadNginx(context.files));
  if (nginx === null) return { ok: false, inconclusive: 'there is no nginx config in front of the app' };
  const { serving } = await startApp(context, context.production.env);
  // Visitors arrive over https where nginx speaks TLS; a proxy that only speaks plain HTTP is
  // judged on what it passes on all the same (the visitor's address).
  const scheme = listenPorts(nginx.config).tls.length > 0 ? 'https' : 'http';
  const path = pathToTheApp(nginx, serving, scheme);
  const headers: Array<[string, string]> = [['Host', HOST]];
  if (forwardedFor) headers.push(['X-Forwarded-For', forwardedFor]);
  const request: ChainRequest = { scheme, method: 'GET', path, headers, client: VISITOR, probe: true };
  const response = await sendThroughProxy(context.runtime, GRADER_SESSION, nginx, serving, request);
  const blocking = chainBlocker(nginx, request, response);
  if (blocking) throw new BlockedError(blocking);
  if (response.status !== 200) {
    return {
      ok: false,
      inconclusive: `a request for ${scheme}://${HOST}${path} through nginx got ${response.status}, not the app`,
    };
  }
  return { ok: true, view: JSON.parse(response.body) as ClientView, serving, scheme };
}
