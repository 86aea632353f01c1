/**
 * proxy-headers-missing: a proxied location does not pass Host, X-Forwarded-For and
 * X-Forwarded-Proto, with nginx's inheritance: a level with any proxy_set_header inherits none.
 */
import { at, withNginx } from '../nginx-rule';
import { describeLocation, proxiedLocations, proxyHeaders } from '../nginx-scan';
import type { Rule } from '../rule';

const REQUIRED = ['Host', 'X-Forwarded-For', 'X-Forwarded-Proto'];

export const proxyHeadersMissing: Rule = {
  id: 'proxy-headers-missing',
  scope: 'nginx',
  severity: 'medium',
  title: 'A proxied location does not pass the client, host and scheme',
  explanation:
    'Without Host, X-Forwarded-For and X-Forwarded-Proto the app sees nginx as its only client, builds http:// URLs ' +
    'and redirects, and logs the proxy instead of the visitor. A location with any proxy_set_header of its own ' +
    'inherits none of those set in the server or http block.',
  fix: 'In every location with proxy_pass (or once above them, with none below): proxy_set_header Host $host; X-Forwarded-For $proxy_add_x_forwarded_for (or $remote_addr); X-Forwarded-Proto $scheme.',
  references: [
    'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_set_header',
    'https://flask.palletsprojects.com/en/stable/deploying/nginx/',
  ],
  evaluate: (context) =>
    withNginx(context, ({ config }) =>
      proxiedLocations(config).flatMap((level) => {
        const headers = proxyHeaders(level.chain);
        const missing = REQUIRED.filter((name) => !headers.has(name.toLowerCase()));
        if (missing.length === 0) return [];
        const own = level.block.block?.some((d) => d.name === 'proxy_set_header') ?? false;
        const above = level.chain
          .slice(0, -1)
          .some((scope) =>
            ('block' in scope ? scope.block : scope.directives)?.some((d) => d.name === 'proxy_set_header'),
          );
        const why = own && above ? ' (its own proxy_set_header lines replace every one set above it)' : '';
        return [
          {
            rule: 'proxy-headers-missing',
            severity: 'medium' as const,
            message: `${describeLocation(level.block)} proxies to the app without ${missing.join(', ')}${why}.`,
            ...at(level.block),
          },
        ];
      }),
    ),
};
