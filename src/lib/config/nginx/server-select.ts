/**
 * Virtual server selection (ngx_http_find_virtual_server): first the listening socket (address:port, the most
 * specific address winning), then the Host among that socket's servers — exact name, longest leading wildcard,
 * longest trailing wildcard, first matching regex — and otherwise the socket's default server.
 */
import { listens, serverBlocks, serverNames, type Listen } from './query';
import { pcreToRegExp } from './regex';
import type { Directive, NginxConfig } from './types';

export interface ServerSelection {
  server: Directive;
  /** The listen entries of the socket the request arrived on (any one with `ssl` makes the socket TLS). */
  ssl: boolean;
  defaultServer: Directive;
  /** How the Host matched, for explanations: 'exact', 'wildcard', 'regex' or 'default'. */
  matchedBy: 'exact' | 'wildcard' | 'regex' | 'default';
  /** Named captures of a regex server_name, usable as variables. */
  named: Record<string, string>;
}

const WILDCARD_V4 = new Set(['*', '0.0.0.0']);

function addressMatches(listen: Listen, local: string): 'exact' | 'wildcard' | null {
  if (listen.unix !== undefined) return null;
  const v6 = local.includes(':');
  const address = listen.address;
  if (v6) {
    if (address === '[::]') return 'wildcard';
    return address === `[${local}]` ? 'exact' : null;
  }
  if (WILDCARD_V4.has(address)) return 'wildcard';
  if (address === local || (address === 'localhost' && local === '127.0.0.1')) return 'exact';
  return null;
}

/** Servers on the socket a request to local:port reaches, in config order, with whether that socket has TLS. */
export function serversOnSocket(
  config: NginxConfig,
  port: number,
  local = '127.0.0.1',
): { servers: { server: Directive; listen: Listen }[]; ssl: boolean } {
  const all = serverBlocks(config).flatMap((server) =>
    listens(server)
      .filter((l) => l.port === port)
      .map((listen) => ({ server, listen, how: addressMatches(listen, local) })),
  );
  // A socket bound to the exact address takes the connection before a wildcard one.
  const exact = all.filter((s) => s.how === 'exact');
  const chosen = exact.length > 0 ? exact : all.filter((s) => s.how === 'wildcard');
  return { servers: chosen.map(({ server, listen }) => ({ server, listen })), ssl: chosen.some((s) => s.listen.ssl) };
}

function wildcardLength(name: string, host: string): number {
  if (name.startsWith('.')) {
    const base = name.slice(1);
    return host === base || host.endsWith(name) ? name.length : -1;
  }
  if (name.startsWith('*.')) return host.endsWith(name.slice(1)) && host.length > name.length - 1 ? name.length : -1;
  if (name.endsWith('.*'))
    return host.startsWith(name.slice(0, -1)) && host.length > name.length - 1 ? name.length : -1;
  return -1;
}

/** Picks the server for a request; `host` is the Host without port, lowercased (null when absent). */
export function selectServer(
  config: NginxConfig,
  port: number,
  host: string | null,
  local = '127.0.0.1',
): ServerSelection | null {
  const { servers, ssl } = serversOnSocket(config, port, local);
  const first = servers[0];
  if (!first) return null;
  const defaultServer = (servers.find((s) => s.listen.defaultServer) ?? first).server;
  const unique = [...new Set(servers.map((s) => s.server))];
  const name = host ?? '';

  for (const server of unique) {
    for (const n of serverNames(server)) {
      if (!/[*~]/.test(n) && !n.startsWith('.') && n.toLowerCase() === name) {
        return { server, ssl, defaultServer, matchedBy: 'exact', named: {} };
      }
    }
  }
  const wildcard = (leading: boolean): Directive | undefined => {
    let best: { server: Directive; len: number } | undefined;
    for (const server of unique) {
      for (const n of serverNames(server)) {
        const isLeading = n.startsWith('*.') || n.startsWith('.');
        if (isLeading !== leading || (!leading && !n.endsWith('.*'))) continue;
        const len = wildcardLength(n.toLowerCase(), name);
        if (len > (best?.len ?? 0)) best = { server, len };
      }
    }
    return best?.server;
  };
  const byWildcard = wildcard(true) ?? wildcard(false);
  if (byWildcard && name !== '') return { server: byWildcard, ssl, defaultServer, matchedBy: 'wildcard', named: {} };
  for (const server of unique) {
    for (const n of serverNames(server)) {
      if (!n.startsWith('~')) continue;
      const m = pcreToRegExp(n.slice(1), true).exec(name);
      if (m) {
        const named: Record<string, string> = {};
        for (const [k, v] of Object.entries(m.groups ?? {})) named[k] = v ?? '';
        return { server, ssl, defaultServer, matchedBy: 'regex', named };
      }
    }
  }
  return { server: defaultServer, ssl, defaultServer, matchedBy: 'default', named: {} };
}
