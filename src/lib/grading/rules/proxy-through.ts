/** Shared by the ProxyFix rules: run the app and ask it, through nginx, what it sees. */
import type { ClientView, ServingInfo } from '../../runtime/protocol';
import { GRADER_SESSION, startApp, type GradingContext } from '../context';
import { chainBlocker, loadNginx, parsedNginx, sendThroughProxy, type ChainRequest } from '../proxy-chain';
import { BlockedError } from '../types';

export const VISITOR = '198.51.100.23';

export type ThroughProxy = { ok: true; view: ClientView; serving: ServingInfo } | { ok: false; inconclusive: string };

export async function viewThroughProxy(context: GradingContext, forwardedFor?: string): Promise<ThroughProxy> {
  const nginx = parsedNginx(context.nginx !== undefined ? context.nginx : loadNginx(context.files));
  if (nginx === null) return { ok: false, inconclusive: 'there is no nginx config in front of the app' };
  const { serving } = await startApp(context, context.production.env);
  const headers: Array<[string, string]> = [['Host', 'shop.example']];
  if (forwardedFor) headers.push(['X-Forwarded-For', forwardedFor]);
  const request: ChainRequest = { scheme: 'https', method: 'GET', path: '/', headers, client: VISITOR, probe: true };
  const response = await sendThroughProxy(context.runtime, GRADER_SESSION, nginx, serving, request);
  const blocking = chainBlocker(nginx, request, response);
  if (blocking) throw new BlockedError(blocking);
  if (response.status !== 200) {
    return {
      ok: false,
      inconclusive: `a request for https://shop.example/ through nginx got ${response.status}, not the app`,
    };
  }
  return { ok: true, view: JSON.parse(response.body) as ClientView, serving };
}
