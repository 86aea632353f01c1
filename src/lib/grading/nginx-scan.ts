/** Walks an nginx config the way the rules read it: each server and location with its chain of levels. */
import {
  blocks,
  directive,
  directives,
  effectiveArrayDirective,
  httpScope,
  listens,
  logFormat,
  serverBlocks,
  walk,
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

/**
 * The ports the config's servers listen on, plain and TLS, in config order: the rules knock where
 * nginx listens (a config that only listens on 5085 is judged on 5085), 80 and 443 first when listed.
 */
export function listenPorts(config: NginxConfig): { plain: number[]; tls: number[] } {
  const plain = new Set<number>();
  const tls = new Set<number>();
  for (const server of servers(config)) {
    for (const listen of listens(server.block)) {
      if (listen.unix) continue;
      (listen.ssl ? tls : plain).add(listen.port);
    }
  }
  const usual = (usualPort: number) => (a: number, b: number) => Number(b === usualPort) - Number(a === usualPort);
  return { plain: [...plain].sort(usual(80)), tls: [...tls].sort(usual(443)) };
}

/** The variables a directive's argument names (`$name` or `${name}`), lower-cased, in order. */
export function variablesIn(text: string): string[] {
  return [...text.matchAll(/\$(?:\{([A-Za-z0-9_]+)\}|([A-Za-z0-9_]+))/g)].map((m) =>
    (m[1] ?? m[2] ?? '').toLowerCase(),
  );
}

/** A `log_format` some `access_log` writes with, and the first `access_log` that does. */
export interface UsedLogFormat {
  /** The `log_format` directive; null for nginx's predefined `combined`. */
  format: Directive | null;
  /** The variables the format logs, lower-cased, in order (`remote_addr`, `http_cookie`…). */
  variables: string[];
  usedBy: Directive;
}

/**
 * The formats the config's `access_log` directives write with (`combined` when they name none), each
 * once: a `log_format` no `access_log` uses logs nothing, so it is not judged (ngx_http_log_module).
 */
export function usedLogFormats(config: NginxConfig): UsedLogFormat[] {
  const defined = new Map(
    directives(httpScope(config), 'log_format').map((d) => [(d.args[0] ?? '').toLowerCase(), d] as const),
  );
  const used = new Map<string, UsedLogFormat>();
  for (const { directive: d } of walk(config)) {
    if (d.name !== 'access_log' || d.args[0] === 'off') continue;
    const name = (d.args[1] ?? 'combined').toLowerCase();
    const text = logFormat(config, name)?.text;
    if (text === undefined || used.has(name)) continue;
    used.set(name, { format: name === 'combined' ? null : (defined.get(name) ?? null), variables: variablesIn(text), usedBy: d }); // prettier-ignore
  }
  return [...used.values()];
}
