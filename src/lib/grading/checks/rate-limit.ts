/**
 * A brute force replayed through nginx: `attempts` requests in the same instant from one client, each with
 * another forged X-Forwarded-For. nginx's limit_req must let the first through and refuse the last, and still
 * let another client in right after (docs/check-kinds.md, rate-limit).
 */
import type { CheckSpec } from '../../content/checks-schema';
import { limitZones, type ProxyDecision } from '../../config/nginx';
import type { GradingContext } from '../context';
import { asked, at, chainRequest, realipTrustsClient, startReplay } from '../nginx-replay';
import type { CheckResult } from '../types';

type Spec = Extract<CheckSpec, { kind: 'rate-limit' }>;

/** Another visitor (TEST-NET-3) who tries once, right after the attack. */
const OTHER_CLIENT = '203.0.113.77';
/** Keys the client writes itself: counting by them gives every forged value a bucket of its own. */
const CLIENT_WRITTEN = /\$(?:\{)?(http_|proxy_add_x_forwarded_for|cookie_|arg_)/;

const refusedByLimit = (decision: ProxyDecision) => decision.refusedBy?.phase === 'limit_req';

export async function rateLimit(
  spec: Spec,
  context: GradingContext,
  env: Record<string, string>,
): Promise<CheckResult> {
  const base = { id: spec.id, title: spec.title, hint: spec.hint };
  const fail = (problem: string, where: { file?: string; line?: number } = {}): CheckResult => ({
    ...base,
    passed: false,
    message: `${problem} ${spec.because}.`,
    ...where,
  });
  const replay = await startReplay(context, env);
  if (replay === null) return fail('There is no nginx config (nginx/shop.conf) in front of the app.');
  const statuses: number[] = [];
  let first: ProxyDecision | null = null;
  let last: ProxyDecision | null = null;
  const one = chainRequest(spec.request);
  for (let n = 1; n <= spec.attempts; n++) {
    const forged: Array<[string, string]> = spec.forgeForwardedFor ? [['X-Forwarded-For', `10.66.0.${n}`]] : [];
    const response = await replay.send(chainRequest(spec.request, forged));
    statuses.push(response.status);
    if (n === 1) first = response.decision;
    last = response.decision;
  }
  const what = `${spec.attempts} × ${asked(one)} in the same second from ${spec.request.client}${spec.forgeForwardedFor ? ', each with another forged X-Forwarded-For,' : ''}`; // prettier-ignore
  const zones = [...limitZones(replay.nginx.config).values()];
  const forgeable = zones.find((zone) => CLIENT_WRITTEN.test(zone.key));
  if (first && refusedByLimit(first)) {
    return fail(`${what}: nginx refused even the first (${statuses[0]}), so nobody can log in.`, at(first.refusedBy?.directive)); // prettier-ignore
  }
  if (!last || !refusedByLimit(last)) {
    const answered = `${what} got ${statuses.join(', ')}: the last still reached the app.`;
    if (forgeable) {
      return fail(
        `${answered} limit_req_zone counts by ${forgeable.key}, which the client writes: each forged value is a new bucket; count by $binary_remote_addr, the address nginx sees.`,
        at(forgeable.directive),
      );
    }
    if (zones.length === 0) return fail(`${answered} There is no limit_req_zone: nothing counts the attempts.`);
    const realip = last
      ? realipTrustsClient(last, chainRequest(spec.request, [['X-Forwarded-For', '10.66.0.1']]))
      : null;
    if (realip) return fail(`${answered}${realip.note}`, at(realip.directive));
    const location = last?.location ?? last?.server;
    return fail(`${answered} No limit_req with a zone applies to this location, or its rate and burst let ${spec.attempts} through at once.`, at(location)); // prettier-ignore
  }
  const other = await replay.send({ ...chainRequest(spec.request), client: OTHER_CLIENT });
  if (refusedByLimit(other.decision)) {
    const zone = zones.find((z) => other.decision.refusedBy?.directive?.args.includes(`zone=${z.name}`));
    return fail(
      `After the attack, another visitor (${OTHER_CLIENT}) was refused too (${other.status}): the zone's key ${zone?.key ?? ''} is the same for every client, so one attacker locks everyone out.`,
      at(zone?.directive ?? other.decision.refusedBy?.directive),
    );
  }
  return {
    ...base,
    passed: true,
    message: `${what} got ${statuses.join(', ')}: nginx refused the last, and another visitor still got ${other.status}.`,
  };
}
