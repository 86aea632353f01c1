/**
 * Who may in: `Require` (mod_authz_core with mod_authz_host, httpd 2.4, docs "Access Control" and mod_authz_host)
 * in the sections that apply to a request. With AuthMerging Off (the default) the last section that says
 * anything decides alone; its Require lines form an implicit <RequireAny>: one that grants lets the client in.
 * The sections are merged as httpd's request phases merge them: for a proxied request (forward or ProxyPass) the
 * <Proxy>/<ProxyMatch> sections that match the URL (proxy_walk, mod_proxy.c), then <Location>s (location_walk).
 * Providers followed: all granted|denied, ip, local. Any other line (host, env, user, expr, `not`…) is one the
 * virtual server does not follow: with no granting line beside it, the verdict is unknown (null), never guessed.
 */
import { addressIn } from '../nginx/access-rules';
import type { ApacheDirective } from './types';
import { directivesNamed } from './vhosts';

/** `Require ip` arguments as mod_authz_host reads them: a full or partial address, ADDR/BITS or ADDR/NETMASK. */
function ipMatches(spec: string, client: string): boolean {
  const [address = '', mask] = spec.split('/');
  if (mask !== undefined && /^\d+\.\d+\.\d+\.\d+$/.test(mask)) {
    const bits = mask.split('.').reduce((sum, part) => sum + Number(part).toString(2).replace(/0/g, '').length, 0);
    return addressIn(`${address}/${bits}`, client);
  }
  if (mask !== undefined) return addressIn(spec, client);
  // A partial IPv4 address ("10.1") is the network of its parts (mod_authz_host, "Require ip").
  const parts = address.split('.').filter(Boolean);
  if (!address.includes(':') && parts.length < 4 && parts.every((p) => /^\d+$/.test(p))) {
    const full = [...parts, '0', '0', '0', '0'].slice(0, 4).join('.');
    return addressIn(`${full}/${parts.length * 8}`, client);
  }
  return addressIn(address, client);
}

/** `Require local`: the client is on loopback, or connected from the server's own address. */
function isLocal(client: string, localAddress: string): boolean {
  return addressIn('127.0.0.0/8', client) || client === '::1' || client === localAddress;
}

/** One Require line: granted, not granted, or null for a provider the virtual server does not follow. */
function lineGrants(d: ApacheDirective, client: string, localAddress: string): boolean | null {
  const [provider = '', ...rest] = d.args.map((w) => w.toLowerCase());
  if (provider === 'all') return rest[0] === 'granted';
  if (provider === 'ip') return d.args.slice(1).some((spec) => ipMatches(spec, client));
  if (provider === 'local') return isLocal(client, localAddress);
  return null;
}

/**
 * What the Require lines of the last section in `sections` (outermost first) that has any decide for `client`:
 * `{ allowed, at }`, `allowed` null when a line is one the virtual server does not follow; null when no section
 * says anything (the request is let in).
 */
export function requireVerdict(
  sections: readonly (readonly ApacheDirective[])[],
  client: string,
  localAddress: string,
): { allowed: boolean | null; at: ApacheDirective } | null {
  for (let i = sections.length - 1; i >= 0; i--) {
    const lines = directivesNamed(sections[i] as ApacheDirective[], 'Require');
    if (lines.length === 0) continue;
    const verdicts = lines.map((d) => lineGrants(d, client, localAddress));
    const at = lines.at(-1) as ApacheDirective;
    if (verdicts.includes(true)) return { allowed: true, at };
    return { allowed: verdicts.includes(null) ? null : false, at };
  }
  return null;
}

/** The <Proxy URL> and <ProxyMatch regex> sections of a level that match a proxied URL, in config order. */
export function proxySectionsFor(level: readonly ApacheDirective[], url: string): ApacheDirective[] {
  return level.filter((d) => {
    if (d.name === '<ProxyMatch' || (d.name === '<Proxy' && d.args[0] === '~')) {
      const pattern = d.name === '<ProxyMatch' ? d.args[0] : d.args[1];
      try {
        return new RegExp(pattern ?? '').test(url);
      } catch {
        return false;
      }
    }
    if (d.name !== '<Proxy') return false;
    const pattern = (d.args[0] ?? '').replace(/^proxy:/i, '');
    // A pattern with wildcards is an apr_fnmatch with no flags ("*" crosses "/"); else a prefix (strncmp).
    if (/[*?[]/.test(pattern)) return wildcard(pattern).test(url);
    return url.startsWith(pattern);
  });
}

function wildcard(pattern: string): RegExp {
  const body = pattern
    .replace(/[.+^${}()|\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}
