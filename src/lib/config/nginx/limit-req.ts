/**
 * `limit_req_zone` and `limit_req` (nginx 1.22.1 src/http/modules/ngx_http_limit_req_module.c;
 * https://nginx.org/en/docs/http/ngx_http_limit_req_module.html), as its leaky bucket counts: per key, an
 * `excess` in thousandths of a request that drains at `rate` and grows by one per request; a request whose
 * excess would pass `burst` is refused with `limit_req_status` (503 unless set), one within `burst` is
 * delayed until the excess above `delay` (0, or everything with `nodelay`) has drained. The zones live in
 * a `LimitReqState` the caller keeps between requests, with the clock it says, so a replay of six logins
 * in one instant is judged as nginx judges six logins that arrive together.
 */
import { effectiveArrayDirective, effectiveDirective, directives, httpScope, type Scope } from './query';
import type { Directive, NginxConfig } from './types';
import { evaluate, type VariableContext } from './variables';

export interface LimitZone {
  name: string;
  /** The key, as written (`$binary_remote_addr`). */
  key: string;
  /** Requests per second × 1000 (ctx->rate). */
  rate: number;
  directive: Directive;
}

interface Node {
  excess: number;
  last: number;
}

/** The zones' shared memory: what nginx remembers between requests. Keep one per running nginx. */
export class LimitReqState {
  private readonly zones = new Map<string, Map<string, Node>>();

  node(zone: string, key: string): Node | undefined {
    return this.zones.get(zone)?.get(key);
  }

  store(zone: string, key: string, node: Node): void {
    const nodes = this.zones.get(zone) ?? new Map<string, Node>();
    this.zones.set(zone, nodes);
    nodes.set(key, node);
  }
}

export type LimitOutcome =
  | { kind: 'none' }
  | { kind: 'passed'; delayMs: number; limit: Directive }
  | { kind: 'refused'; status: number; limit: Directive; zone: LimitZone; excess: number };

/** The `limit_req_zone` definitions of the http level, by name. */
export function limitZones(config: NginxConfig): Map<string, LimitZone> {
  const zones = new Map<string, LimitZone>();
  for (const d of directives(httpScope(config), 'limit_req_zone')) {
    const zone = d.args
      .find((a) => a.startsWith('zone='))
      ?.slice(5)
      .split(':')[0];
    const rate = d.args.find((a) => a.startsWith('rate='))?.slice(5) ?? '1r/s';
    const perMinute = rate.endsWith('r/m');
    const count = parseInt(rate.replace(/r\/[sm]$/, ''), 10);
    if (zone === undefined || !(count > 0)) continue;
    zones.set(zone, { name: zone, key: d.args[0] ?? '', rate: Math.floor((count * 1000) / (perMinute ? 60 : 1)), directive: d }); // prettier-ignore
  }
  return zones;
}

interface Limit {
  zone: LimitZone;
  burst: number;
  delay: number;
  directive: Directive;
}

function limitsAt(chain: readonly Scope[], zones: Map<string, LimitZone>): Limit[] {
  const out: Limit[] = [];
  for (const d of effectiveArrayDirective(chain, 'limit_req')) {
    const zone = zones.get(d.args.find((a) => a.startsWith('zone='))?.slice(5) ?? '');
    if (!zone) continue;
    const burst = Number(d.args.find((a) => a.startsWith('burst='))?.slice(6) ?? 0);
    const nodelay = d.args.includes('nodelay');
    const delay = nodelay ? Number.MAX_SAFE_INTEGER : Number(d.args.find((a) => a.startsWith('delay='))?.slice(6) ?? 0) * 1000; // prettier-ignore
    out.push({ zone, burst: burst * 1000, delay, directive: d });
  }
  return out;
}

/** The excess a request arriving at `now` brings a key to (ngx_http_limit_req_lookup). */
function excessAt(node: Node | undefined, rate: number, now: number): number {
  if (!node) return 0;
  let ms = now - node.last;
  if (ms < -60000) ms = 1;
  else if (ms < 0) ms = 0;
  return Math.max(0, node.excess - Math.trunc((rate * ms) / 1000) + 1000);
}

/** The preaccess phase's limit_req for one request at `now` (milliseconds), updating `state` as nginx does. */
export function limitRequest(
  config: NginxConfig,
  chain: readonly Scope[],
  context: VariableContext,
  state: LimitReqState,
  now: number,
  unknown: string[],
): LimitOutcome {
  const limits = limitsAt(chain, limitZones(config));
  const counted: Array<{ limit: Limit; key: string; excess: number }> = [];
  for (const limit of limits) {
    const key = evaluate(limit.zone.key, context);
    unknown.push(...key.unknown);
    // An empty key is not counted (a request without the header a zone is keyed on passes freely).
    if (key.value === '') continue;
    const excess = excessAt(state.node(limit.zone.name, key.value), limit.zone.rate, now);
    if (excess > limit.burst) {
      if (effectiveDirective(chain, 'limit_req_dry_run')?.args[0]?.toLowerCase() === 'on') return { kind: 'none' };
      const status = Number(effectiveDirective(chain, 'limit_req_status')?.args[0] ?? 503);
      return { kind: 'refused', status, limit: limit.directive, zone: limit.zone, excess };
    }
    counted.push({ limit, key: key.value, excess });
  }
  if (counted.length === 0) return { kind: 'none' };
  let delayMs = 0;
  for (const { limit, key, excess } of counted) {
    const node = state.node(limit.zone.name, key);
    state.store(limit.zone.name, key, { excess, last: node && now === node.last ? node.last : now });
    if (excess > limit.delay)
      delayMs = Math.max(delayMs, Math.trunc(((excess - limit.delay) * 1000) / limit.zone.rate));
  }
  return { kind: 'passed', delayMs, limit: counted[0]!.limit.directive };
}
