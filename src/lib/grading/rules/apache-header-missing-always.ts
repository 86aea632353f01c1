/**
 * apache-header-missing-always: a security header set with `Header set` (the onsuccess table) is sent on 2xx
 * answers only, not on redirects or error pages (httpd 2.4 mod_headers docs, Header: "always is needed to affect
 * non-2xx responses such as redirects or client errors"). Decided by comparing what the virtual Apache sends
 * on a 200 and on a 404 of each vhost.
 */
import { at, withApache } from '../apache-rule';
import { decide, vhostTargets } from '../apache-scan';
import type { Rule } from '../rule';

const SECURITY_HEADERS = [
  'Strict-Transport-Security',
  'X-Content-Type-Options',
  'X-Frame-Options',
  'Content-Security-Policy',
  'Referrer-Policy',
  'Permissions-Policy',
];

export const apacheHeaderMissingAlways: Rule = {
  id: 'apache-header-missing-always',
  scope: 'apache',
  severity: 'medium',
  title: 'Security headers are missing on error pages and redirects',
  explanation:
    'Header set (without always) only applies to 2xx answers: a 404, a 500 or a redirect goes out without HSTS or the ' +
    'other headers, and those are exactly the pages an attacker can make the site serve.',
  confirms: 'Error pages carry the same security headers as the pages that work.',
  fix: 'Header always set Strict-Transport-Security "max-age=63072000; includeSubDomains" (and always for each security header).',
  references: ['https://httpd.apache.org/docs/2.4/mod/mod_headers.html#header'],
  evaluate: (context) =>
    withApache(context, ({ config }) => {
      for (const target of vhostTargets(config)) {
        const decision = decide(config, target.scheme, target.port, target.host, '/');
        const names = (status: number) => new Set(decision.responseHeaders(status).map(([n]) => n.toLowerCase()));
        const ok = names(200);
        const error = names(404);
        const missing = SECURITY_HEADERS.filter((name) => ok.has(name.toLowerCase()) && !error.has(name.toLowerCase()));
        if (missing.length === 0) continue;
        const header = (target.vhost.children ?? [])
          .concat(config.directives)
          .find(
            (d) => d.name === 'Header' && d.args.some((a) => missing.some((m) => m.toLowerCase() === a.toLowerCase())),
          );
        return [
          {
            rule: 'apache-header-missing-always',
            severity: 'medium' as const,
            message: `On ${target.scheme}://${target.host}/, ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} sent on 2xx answers but not on a 404 or a redirect: write Header always set.`,
            ...at(header ?? target.vhost),
          },
        ];
      }
      return [];
    }),
};
