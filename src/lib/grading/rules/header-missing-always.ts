/** header-missing-always: a security header added without `always`, so error responses go without it. */
import { at, withNginx } from '../nginx-rule';
import { locations, servers } from '../nginx-scan';
import { directives } from '../../config/nginx';
import type { Rule } from '../rule';

const SECURITY_HEADERS = new Set([
  'strict-transport-security',
  'content-security-policy',
  'x-content-type-options',
  'x-frame-options',
  'referrer-policy',
  'permissions-policy',
  'cross-origin-opener-policy',
]);

export const headerMissingAlways: Rule = {
  id: 'header-missing-always',
  scope: 'nginx',
  severity: 'low',
  title: 'A security header is not sent on error responses',
  explanation:
    'Without the `always` flag nginx adds a header only to 2xx and 3xx responses; 404 and 500 pages, which are often ' +
    'the ones an attacker provokes, go out without HSTS, CSP or nosniff.',
  fix: 'add_header Strict-Transport-Security "max-age=63072000" always; (and the same for every security header).',
  references: ['https://nginx.org/en/docs/http/ngx_http_headers_module.html#add_header'],
  evaluate: (context) =>
    withNginx(context, ({ config }) =>
      [...servers(config), ...locations(config)].flatMap((level) =>
        directives(level.block, 'add_header')
          .filter((d) => SECURITY_HEADERS.has((d.args[0] ?? '').toLowerCase()) && d.args[2] !== 'always')
          .map((d) => ({
            rule: 'header-missing-always',
            severity: 'low' as const,
            message: `add_header ${d.args[0]} has no \`always\`: 404 and 500 responses go without it.`,
            ...at(d),
          })),
      ),
    ),
};
