/**
 * apache-proxy-ssrf: Apache proxies to a host the client chooses: a backreference to the request (`$1` of a
 * ProxyPassMatch or RewriteRule pattern, `%1` of a RewriteCond) or a request variable (%{HTTP_…},
 * %{QUERY_STRING}, %{REQUEST_URI}, %{THE_REQUEST}) in the host part of a ProxyPassMatch URL or of a RewriteRule
 * with the [P] flag (mod_rewrite hands such a target to mod_proxy). Read from what is written: the virtual Apache
 * does not follow these, and what a regex captures is the client's.
 */
import { at, withApache } from '../apache-rule';
import { siteDirectives } from '../apache-scan';
import type { Rule } from '../rule';

/** The host part of an absolute URL, or null for a path. */
const hostPart = (url: string) => /^[a-z][a-z0-9+.-]*:\/\/([^/]*)/i.exec(url)?.[1] ?? null;
const CLIENT_CHOSEN = /\$\d|%\d|%\{(HTTP_[A-Z_]+|HTTP:[^}]+|QUERY_STRING|REQUEST_URI|THE_REQUEST)\}/i;

export const apacheProxySsrf: Rule = {
  id: 'apache-proxy-ssrf',
  scope: 'apache',
  severity: 'high',
  title: 'Apache proxies to a host the client chooses',
  explanation:
    'When the upstream host comes from the request, anyone can make Apache fetch internal addresses: the app server ' +
    'directly, the cloud metadata service at 169.254.169.254, admin interfaces on localhost (server-side request forgery).',
  confirms: 'Every proxied URL names a fixed host.',
  fix: 'Proxy to fixed upstreams (ProxyPass /path http://127.0.0.1:8000/); capture only the path, never the host.',
  references: [
    'https://cwe.mitre.org/data/definitions/918.html',
    'https://httpd.apache.org/docs/2.4/mod/mod_proxy.html#proxypassmatch',
    'https://httpd.apache.org/docs/2.4/rewrite/flags.html#flag_p',
  ],
  evaluate: (context) =>
    withApache(context, ({ config, file }) =>
      siteDirectives(config, file).flatMap((d) => {
        const name = d.name.toLowerCase();
        const url =
          name === 'proxypassmatch'
            ? d.args[1]
            : name === 'rewriterule' && /[[,]P[,\]]/i.test(d.args[2] ?? '')
              ? d.args[1]
              : undefined;
        const host = url === undefined ? null : hostPart(url);
        if (host === null || !CLIENT_CHOSEN.test(host)) return [];
        return [
          {
            rule: 'apache-proxy-ssrf',
            severity: 'high' as const,
            message: `${d.name} ${d.args.join(' ')}: the host of ${url} comes from the request, so a client picks where Apache connects.`,
            ...at(d),
          },
        ];
      }),
    ),
};
