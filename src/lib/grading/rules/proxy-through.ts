/** Shared by the ProxyFix rules: run the app and ask it, through nginx, what it sees. */
import type { ClientView, ServingInfo } from '../../runtime/protocol';
import { GRADER_SESSION, describeExit, runApp, type GradingContext } from '../context';
import { loadNginx, sendThroughProxy } from '../proxy-chain';

export const VISITOR = '198.51.100.23';

export type ThroughProxy = { ok: true; view: ClientView; serving: ServingInfo } | { ok: false; inconclusive: string };

export async function viewThroughProxy(context: GradingContext, forwardedFor?: string): Promise<ThroughProxy> {
  const loaded = context.nginx !== undefined ? context.nginx : loadNginx(context.files);
  if (loaded === null) return { ok: false, inconclusive: 'there is no nginx config in front of the app' };
  if (!loaded.ok) return { ok: false, inconclusive: `the nginx config does not parse: ${loaded.error.message}` };
  const outcome = await runApp(context, context.production.env);
  if (!outcome.serving) return { ok: false, inconclusive: describeExit(outcome) };
  const headers: Array<[string, string]> = [['Host', 'shop.example']];
  if (forwardedFor) headers.push(['X-Forwarded-For', forwardedFor]);
  const response = await sendThroughProxy(context.runtime, GRADER_SESSION, loaded.nginx, outcome.serving, {
    scheme: 'https',
    method: 'GET',
    path: '/',
    headers,
    client: VISITOR,
    probe: true,
  });
  if (response.status !== 200) {
    return { ok: false, inconclusive: `a request through nginx got ${response.status}, not the app` };
  }
  return { ok: true, view: JSON.parse(response.body) as ClientView, serving: outcome.serving };
}
