/**
 * header-missing-always: a security header added without `always`, so error responses go without it. Without
 * `always` nginx adds a header only for 200, 201, 204, 206, 301, 302, 303, 304, 307 and 308 (ADD_HEADER_STATUSES,
 * from ngx_http_headers_filter's safe_status list).
 */
import { at, withNginx } from '../nginx-rule';
import { locations, servers } from '../nginx-scan';
import { ADD_HEADER_STATUSES, directives } from '../../config/nginx';
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

/**
 * `server_name shop.example` with its `;` forgotten swallows the next line: nginx (validly) reads
 * `add_header Strict-Transport-Security "…" always;` as four more server names, and the header is
 * never sent. Found on the directive that swallowed it, with the line where the `;` is missing.
 */
function swallowedHeaders(levels: ReturnType<typeof servers>) {
  return levels.flatMap((level) =>
    (level.block.block ?? []).flatMap((d) => {
      const index = d.args.findIndex((arg, i) => arg === 'add_header' && !d.quoted[i]);
      const header = index >= 0 ? (d.args[index + 1] ?? '') : '';
      if (index < 0 || !SECURITY_HEADERS.has(header.toLowerCase())) return [];
      return [
        {
          rule: 'header-missing-always',
          severity: 'low' as const,
          message: `\`${d.name} ${d.args.slice(0, index).join(' ')}\` has no \`;\` at the end of line ${d.line}, so nginx reads the next line, add_header ${header} …, as more ${d.name} values: ${header} is never sent.`,
          ...at(d),
        },
      ];
    }),
  );
}

export const headerMissingAlways: Rule = {
  id: 'header-missing-always',
  scope: 'nginx',
  severity: 'low',
  title: 'A security header is not sent on error responses',
  explanation:
    `Without the \`always\` flag nginx adds a header only to responses with status ${[...ADD_HEADER_STATUSES].join(', ')}; ` +
    'every other response (404 and 500 pages, which are often the ones an attacker provokes, but also 202 or 300) ' +
    'goes out without HSTS, CSP or nosniff.',
  fix: 'add_header Strict-Transport-Security "max-age=63072000" always; (and the same for every security header).',
  references: ['https://nginx.org/en/docs/http/ngx_http_headers_module.html#add_header'],
  evaluate: (context) =>
    withNginx(context, ({ config }) => [
      ...swallowedHeaders([...servers(config), ...locations(config)]),
      ...[...servers(config), ...locations(config)].flatMap((level) =>
        directives(level.block, 'add_header')
          .filter((d) => SECURITY_HEADERS.has((d.args[0] ?? '').toLowerCase()) && d.args[2] !== 'always')
          .map((d) => ({
            rule: 'header-missing-always',
            severity: 'low' as const,
            message: `add_header ${d.args[0]} has no \`always\`: 404 and 500 responses go without it.`,
            ...at(d),
          })),
      ),
    ]),
};
