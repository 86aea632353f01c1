/**
 * apache-h2c-smuggling: since httpd 2.4.47 mod_proxy_http tunnels a protocol Upgrade itself, and only for the
 * protocols in the worker's `upgrade=` parameter (websocket by default); `upgrade=ANY` accepts whatever the client
 * names (httpd 2.4 mod_proxy docs, ProxyPass "upgrade"; mod_proxy_wstunnel docs: "ANY means that Upgrade will
 * read in the request headers"). With ANY, or h2c in the list, a client upgrades the proxied connection to
 * cleartext HTTP/2 and talks to the app server past Apache's <Location> rules. Read from what is written.
 */
import { at, withApache } from '../apache-rule';
import { siteDirectives } from '../apache-scan';
import type { Rule } from '../rule';

export const apacheH2cSmuggling: Rule = {
  id: 'apache-h2c-smuggling',
  scope: 'apache',
  severity: 'medium',
  title: 'ProxyPass lets a client upgrade to h2c (upgrade=ANY or h2c)',
  explanation:
    'With upgrade=ANY (or h2c listed), mod_proxy_http tunnels "Upgrade: h2c" to the app server: the client gets a raw ' +
    "HTTP/2 connection to it, where Apache's <Location> rules and access controls no longer apply.",
  confirms: 'No ProxyPass tunnels an Upgrade other than websocket.',
  fix: 'Leave upgrade= out (websocket only, the default) or name the protocols you serve: upgrade=websocket.',
  references: [
    'https://httpd.apache.org/docs/2.4/mod/mod_proxy.html#proxypass',
    'https://httpd.apache.org/docs/2.4/mod/mod_proxy_http.html#protoupgrade',
    'https://bishopfox.com/blog/h2c-smuggling-request',
  ],
  evaluate: (context) =>
    withApache(context, ({ config, file }) =>
      siteDirectives(config, file).flatMap((d) => {
        if (!/^ProxyPass(Match)?$/i.test(d.name)) return [];
        const option = d.args.find((arg) => /^upgrade=/i.test(arg));
        const protocols = (option?.slice('upgrade='.length) ?? '').split(/[\s,]+/).map((p) => p.toLowerCase());
        if (!protocols.includes('any') && !protocols.includes('h2c')) return [];
        return [
          {
            rule: 'apache-h2c-smuggling',
            severity: 'medium' as const,
            message: `${d.name} ${d.args.join(' ')}: ${option} lets a client upgrade the proxied connection to h2c and reach the app server past Apache's rules.`,
            ...at(d),
          },
        ];
      }),
    ),
};
