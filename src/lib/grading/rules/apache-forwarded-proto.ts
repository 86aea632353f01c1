/**
 * apache-forwarded-proto: `RequestHeader set X-Forwarded-Proto "https"` where plain HTTP is served (at the server
 * level, or in a *:80 vhost) tells the app a request was https when it was not; the app then trusts it (ProxyFix
 * x_proto=1, Gunicorn's forwarded_allow_ips): secure cookies and https links over http. mod_proxy_http never sets
 * X-Forwarded-Proto itself (httpd 2.4 proxy_util.c), so only the 443 vhost may. Decided by sending a plain-http
 * request through each plain vhost of the virtual Apache, and by the headers it would add there.
 */
import { directivesNamed, type ApacheDirective } from '../../config/apache';
import { at, withApache } from '../apache-rule';
import { decide, vhostTargets } from '../apache-scan';
import type { Rule } from '../rule';

const claimsHttps = (d: ApacheDirective) =>
  /^(set|add|append|merge|setifempty)$/i.test(d.args[0] ?? '') &&
  (d.args[1] ?? '').toLowerCase() === 'x-forwarded-proto' &&
  /^https$/i.test(d.args[2] ?? '');

export const apacheForwardedProto: Rule = {
  id: 'apache-forwarded-proto',
  scope: 'apache',
  severity: 'medium',
  title: 'Plain HTTP tells the app it was https',
  explanation:
    'RequestHeader set X-Forwarded-Proto "https" outside the TLS vhost applies to port 80 too: a request sent in the ' +
    'clear reaches the app labelled https, so the app sets secure cookies and trusts the connection as encrypted.',
  confirms: 'Only the https vhost says X-Forwarded-Proto: https.',
  fix: 'Move RequestHeader set X-Forwarded-Proto "https" into <VirtualHost *:443> (and redirect port 80 to https).',
  references: [
    'https://httpd.apache.org/docs/2.4/mod/mod_headers.html#requestheader',
    'https://httpd.apache.org/docs/2.4/mod/mod_proxy.html#x-headers',
  ],
  evaluate: (context) =>
    withApache(context, ({ config }) => {
      for (const target of vhostTargets(config).filter((t) => t.scheme === 'http')) {
        const decision = decide(config, 'http', target.port, target.host, '/');
        const reached =
          decision.kind === 'proxy' &&
          decision.headers.some(([n, v]) => n.toLowerCase() === 'x-forwarded-proto' && /\bhttps\b/i.test(v));
        const written = [...directivesNamed(config.directives, 'RequestHeader'), ...directivesNamed(target.vhost.children ?? [], 'RequestHeader')].find(claimsHttps); // prettier-ignore
        if (!reached && !written) continue;
        return [
          {
            rule: 'apache-forwarded-proto',
            severity: 'medium' as const,
            message: reached
              ? `http://${target.host}/ on port ${target.port} reaches the app with X-Forwarded-Proto: https: the app believes a plain-text request was encrypted.`
              : `X-Forwarded-Proto: https is set for plain-HTTP requests on port ${target.port} too: any of them that reaches the app claims https.`,
            ...at(written ?? target.vhost),
          },
        ];
      }
      return [];
    }),
};
