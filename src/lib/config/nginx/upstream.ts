/**
 * proxy_pass targets: `http://host:port/uri`, `http://unix:/path.sock:/uri`, and names of `upstream` blocks,
 * which resolve to their first `server` (the virtual proxy has one app server, so balancing does not matter).
 */
import { blocks, directives, type Scope } from './query';
import type { Directive } from './types';

export interface ProxyTarget {
  scheme: 'http' | 'https';
  /** Where the connection goes: `http://127.0.0.1:8000` or `unix:/run/app.sock`. */
  upstream: string;
  host: string;
  port: number;
  unix?: string;
  /** The URI part of proxy_pass (null when there is none: the request URI then passes unchanged). */
  uri: string | null;
  /** `$proxy_host`: host[:port] as written, the port only when not the scheme's default; `localhost` for unix. */
  proxyHost: string;
  /** The `upstream` block used, when the host named one. */
  upstreamBlock?: Directive;
}

export class ProxyPassError extends Error {
  override name = 'ProxyPassError';
}

function splitHostPort(hostPort: string, defaultPort: number): { host: string; port: number; explicit: boolean } {
  const m = /^(\[[^\]]+\]|[^:]*)(?::(\d+))?$/.exec(hostPort);
  if (!m) throw new ProxyPassError(`invalid host in upstream "${hostPort}"`);
  return { host: m[1] as string, port: m[2] ? Number(m[2]) : defaultPort, explicit: m[2] !== undefined };
}

function fromUpstreamServer(block: Directive): { host: string; port: number; unix?: string } {
  const server = directives(block, 'server')[0];
  const address = server?.args[0];
  if (!address) throw new ProxyPassError(`no servers are inside upstream in ${block.file}:${block.line}`);
  if (address.startsWith('unix:')) return { host: 'localhost', port: 0, unix: address.slice(5) };
  const { host, port } = splitHostPort(address, 80);
  return { host, port };
}

/** Parses an (already variable-evaluated) proxy_pass URL; `http` is the scope holding `upstream` blocks. */
export function parseProxyPass(url: string, http: Scope): ProxyTarget {
  const m = /^(https?):\/\/(.*)$/i.exec(url);
  if (!m) throw new ProxyPassError(`invalid URL prefix in "${url}"`);
  const scheme = (m[1] as string).toLowerCase() as 'http' | 'https';
  const rest = m[2] as string;
  const defaultPort = scheme === 'https' ? 443 : 80;
  if (rest.startsWith('unix:')) {
    // nginx ends the socket path at the first ':' after "unix:" (then the URI follows).
    const colon = rest.indexOf(':', 5);
    const unix = colon >= 0 ? rest.slice(5, colon) : rest.slice(5);
    const uri = colon >= 0 ? rest.slice(colon + 1) : null;
    return { scheme, upstream: `unix:${unix}`, host: 'localhost', port: 0, unix, uri, proxyHost: 'localhost' };
  }
  const slash = rest.indexOf('/');
  const hostPort = slash >= 0 ? rest.slice(0, slash) : rest;
  const uri = slash >= 0 ? rest.slice(slash) : null;
  const { host, port, explicit } = splitHostPort(hostPort, defaultPort);
  const proxyHost = port === defaultPort ? host : `${host}:${port}`;
  const upstreamBlock = explicit ? undefined : blocks(http, 'upstream').find((b) => b.args[0] === host);
  if (upstreamBlock) {
    const server = fromUpstreamServer(upstreamBlock);
    const upstream = server.unix ? `unix:${server.unix}` : `${scheme}://${server.host}:${server.port}`;
    return { scheme, upstream, host: server.host, port: server.port, unix: server.unix, uri, proxyHost, upstreamBlock };
  }
  return { scheme, upstream: `${scheme}://${host}:${port}`, host, port, uri, proxyHost };
}
