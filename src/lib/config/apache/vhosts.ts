/**
 * Which virtual host answers a request (httpd 2.4, vhost.c; https://httpd.apache.org/docs/2.4/vhosts/details.html):
 * the vhosts whose <VirtualHost> address matches the connection (an IP-specific address before `*`), then
 * name-based among them: the first whose ServerName or ServerAlias matches the Host header (ServerAlias may use
 * `*` and `?`), else the first of them, the default for that address. No vhost for the address: the main server.
 * Over TLS the same choice is made from the SNI name, which is the Host curl sends.
 */
import type { ApacheConfig, ApacheDirective } from './types';

export interface Listener {
  address: string;
  port: number;
  /** The Listen line that opened the port. */
  directive: ApacheDirective;
}

/** Every directive of a list, <IfModule>/<IfDefine> already spliced by the reader; sections not entered. */
export function directivesNamed(list: readonly ApacheDirective[], name: string): ApacheDirective[] {
  return list.filter((d) => d.name.toLowerCase() === name.toLowerCase());
}

/** The last directive of that name in the list (httpd: a later one overrides an earlier one). */
export function lastNamed(list: readonly ApacheDirective[], name: string): ApacheDirective | undefined {
  return directivesNamed(list, name).at(-1);
}

export function virtualHosts(config: ApacheConfig): ApacheDirective[] {
  return directivesNamed(config.directives, '<VirtualHost');
}

/** The Listen directives of the whole config (ports.conf's and the site's). */
export function listeners(config: ApacheConfig): Listener[] {
  return directivesNamed(config.directives, 'Listen').map((directive) => {
    const match = /^(?:(\[[^\]]+\]|[^:]+):)?(\d+)$/.exec(directive.args[0] ?? '');
    return { address: match?.[1] ?? '*', port: Number(match?.[2] ?? 0), directive };
  });
}

interface VhostAddress {
  host: string;
  port: number | '*';
}

function addresses(vhost: ApacheDirective): VhostAddress[] {
  return vhost.args.map((arg) => {
    const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+|\*))?$/.exec(arg);
    const host = match?.[1] ?? arg;
    const port = match?.[2] === undefined || match[2] === '*' ? '*' : Number(match[2]);
    return { host: host === '_default_' ? '*' : host, port };
  });
}

/** ServerName without a scheme or port: "https://shop.example:443" names shop.example. */
export function serverName(vhost: ApacheDirective): string | undefined {
  const value = lastNamed(vhost.children ?? [], 'ServerName')?.args[0];
  return value?.replace(/^[a-z]+:\/\//i, '').replace(/:\d+$/, '');
}

function aliases(vhost: ApacheDirective): string[] {
  return directivesNamed(vhost.children ?? [], 'ServerAlias').flatMap((d) => d.args);
}

function wildcard(pattern: string): RegExp {
  const escaped = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`, 'i');
}

/** The vhosts listening on (localAddress, port), most specific address first as httpd groups them. */
export function vhostsOn(config: ApacheConfig, localAddress: string, port: number): ApacheDirective[] {
  const all = virtualHosts(config);
  const matches = (exact: boolean) =>
    all.filter((vhost) =>
      addresses(vhost).some(
        (a) => (a.port === '*' || a.port === port) && (exact ? a.host === localAddress : a.host === '*'),
      ),
    );
  const specific = matches(true);
  return specific.length > 0 ? specific : matches(false);
}

/** The vhost that serves `host` on that socket; null when no vhost listens there (the main server answers). */
export function selectVhost(
  config: ApacheConfig,
  localAddress: string,
  port: number,
  host: string,
): ApacheDirective | null {
  const candidates = vhostsOn(config, localAddress, port);
  if (candidates.length === 0) return null;
  const name = host.replace(/:\d+$/, '').replace(/\.$/, '').toLowerCase();
  const named = candidates.find(
    (vhost) => serverName(vhost)?.toLowerCase() === name || aliases(vhost).some((alias) => wildcard(alias).test(name)),
  );
  return named ?? (candidates[0] as ApacheDirective);
}
