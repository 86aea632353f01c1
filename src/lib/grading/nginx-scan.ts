/** Walks an nginx config the way the rules read it: each server and location with its chain of levels. */
import {
  blocks,
  directive,
  effectiveArrayDirective,
  httpScope,
  listens,
  serverBlocks,
  type Directive,
  type NginxConfig,
  type Scope,
} from '../config/nginx';

export interface Level {
  block: Directive;
  /** The levels that apply, outermost first: [http, server, location, nested location…]. */
  chain: Scope[];
}

export function servers(config: NginxConfig): Level[] {
  const http = httpScope(config);
  return serverBlocks(config).map((server) => ({ block: server, chain: [http, server] }));
}

/** Every location, nested ones included, with its chain. */
export function locations(config: NginxConfig): Level[] {
  const found: Level[] = [];
  const visit = (scope: Directive, chain: Scope[]) => {
    for (const location of blocks(scope, 'location')) {
      const inner = [...chain, location];
      found.push({ block: location, chain: inner });
      visit(location, inner);
    }
  };
  for (const server of servers(config)) visit(server.block, server.chain);
  return found;
}

/** Locations that pass requests to an app server. */
export function proxiedLocations(config: NginxConfig): Level[] {
  return locations(config).filter((level) => directive(level.block, 'proxy_pass') !== undefined);
}

export function tlsServers(config: NginxConfig): Level[] {
  return servers(config).filter((server) => listens(server.block).some((listen) => listen.ssl));
}

export function plainServers(config: NginxConfig): Level[] {
  return servers(config).filter((server) => listens(server.block).some((listen) => !listen.ssl && !listen.unix));
}

/** `proxy_set_header NAME value` in effect for a level, by lower-cased name. */
export function proxyHeaders(chain: readonly Scope[]): Map<string, Directive> {
  return new Map(effectiveArrayDirective(chain, 'proxy_set_header').map((d) => [(d.args[0] ?? '').toLowerCase(), d]));
}

export function describeLocation(location: Directive): string {
  return `location ${location.args.join(' ')}`;
}
