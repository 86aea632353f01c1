/** server-tokens: nginx announces its version in the Server header and on its error pages. */
import { NGINX_VERSION, serverHeader, directive, httpScope } from '../../config/nginx';
import { withNginx } from '../nginx-rule';
import { servers } from '../nginx-scan';
import type { Rule } from '../rule';

export const serverTokens: Rule = {
  id: 'server-tokens',
  scope: 'nginx',
  severity: 'low',
  title: 'The server version is disclosed',
  explanation:
    'Server: nginx/1.22.1 tells an attacker which known vulnerabilities to try first, on every response and error page.',
  fix: 'server_tokens off; in the http block (or in each server).',
  references: ['https://nginx.org/en/docs/http/ngx_http_core_module.html#server_tokens'],
  evaluate: (context) =>
    withNginx(context, ({ config, file, version }) =>
      servers(config)
        .filter((level) => serverHeader(level.chain) !== 'nginx')
        .slice(0, 1)
        .map((level) => {
          const written = directive(level.block, 'server_tokens') ?? directive(httpScope(config), 'server_tokens');
          const where = written ?? level.block;
          return {
            rule: 'server-tokens',
            severity: 'low' as const,
            // The version the project's own nginx announces: the image tag's (1.25 → 1.25.x), not the emulated one's.
            message: `Responses carry Server: ${
              version
                ? serverHeader(level.chain).replace(
                    `/${NGINX_VERSION}`,
                    `/${version.number ? (/^\d+\.\d+$/.test(version.number) ? `${version.number}.x` : version.number) : '<version>'}`,
                  ) + ` (the image ${version.image})`
                : serverHeader(level.chain)
            }; set server_tokens off.`,
            file: where.file ?? file,
            line: where.line,
          };
        }),
    ),
};
