/** Walks an Apache site the way the rules read it: each vhost with the scheme and name a request would use. */
import {
  apacheRequestFor,
  serverName,
  sslEngineOn,
  virtualApache,
  virtualHosts,
  type ApacheConfig,
  type ApacheDecision,
  type ApacheDirective,
} from '../config/apache';

export interface VhostTarget {
  vhost: ApacheDirective;
  scheme: 'http' | 'https';
  port: number;
  /** The name a request for this vhost carries (its ServerName, else a name no vhost claims). */
  host: string;
}

/** Each vhost, with the port of its address and whether it speaks TLS. */
export function vhostTargets(config: ApacheConfig): VhostTarget[] {
  return virtualHosts(config).map((vhost) => {
    const port = Number(/:(\d+)$/.exec(vhost.args[0] ?? '')?.[1] ?? 80);
    return {
      vhost,
      scheme: sslEngineOn(config, vhost) ? 'https' : 'http',
      port,
      host: serverName(vhost) ?? 'unnamed.invalid',
    };
  });
}

/** The ports vhosts listen on, each once, with their scheme. */
export function vhostPorts(config: ApacheConfig): Array<{ scheme: 'http' | 'https'; port: number }> {
  const seen = new Map<number, 'http' | 'https'>();
  for (const target of vhostTargets(config)) if (!seen.has(target.port)) seen.set(target.port, target.scheme);
  return [...seen].map(([port, scheme]) => ({ port, scheme }));
}

/** What the virtual Apache does with GET `path` for `host` on that port, from a visitor on the internet. */
export function decide(
  config: ApacheConfig,
  scheme: 'http' | 'https',
  port: number,
  host: string,
  path: string,
  headers: Array<[string, string]> = [],
): ApacheDecision {
  return virtualApache(config, apacheRequestFor(scheme, port, host, path, headers));
}

/** Every directive of the site's own file, sections entered (for the rules that read what is written). */
export function siteDirectives(config: ApacheConfig, file: string): ApacheDirective[] {
  const all: ApacheDirective[] = [];
  const walk = (list: readonly ApacheDirective[]) => {
    for (const d of list) {
      if (d.file === file) all.push(d);
      if (d.children) walk(d.children);
    }
  };
  walk(config.directives);
  return all;
}
