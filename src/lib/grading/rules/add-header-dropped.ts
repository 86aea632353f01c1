/**
 * add-header-dropped: a level with its own add_header silently drops every add_header set above
 * it (nginx inherits add_header only into levels that have none). nginx 1.29.3 added
 * `add_header_inherit on | off | merge` (commit c93a0c48a; ngx_http_headers_merge_conf): `merge`
 * appends the headers from above to a level's own, `off` drops them even from a level with none.
 * Older nginx refuses the directive (`unknown directive`), so a config that parsed with it is for
 * nginx >= 1.29.3 and the rule follows it.
 */
import { directives, effectiveDirective, type Directive, type Scope } from '../../config/nginx';
import { at, withNginx } from '../nginx-rule';
import { locations, servers } from '../nginx-scan';
import type { Rule } from '../rule';

const names = (scope: Scope) => directives(scope, 'add_header').map((d) => d.args[0] ?? '');

/** add_header_inherit in effect at the last level of `chain` (an enum slot: the innermost setting, default on). */
const inheritMode = (chain: readonly Scope[]) =>
  (effectiveDirective(chain, 'add_header_inherit')?.args[0] ?? 'on').toLowerCase();

export const addHeaderDropped: Rule = {
  id: 'add-header-dropped',
  scope: 'nginx',
  severity: 'medium',
  title: "A block's add_header drops the headers set above it",
  explanation:
    'nginx inherits add_header from the enclosing level only when the current level has none. One add_header in a ' +
    'location (a Cache-Control for static files, say) silently removes HSTS, nosniff and the rest there.',
  fix:
    'Repeat every header in the block that adds its own, or move them into an include file used at each level ' +
    '(with nginx >= 1.29.3: add_header_inherit merge;).',
  references: [
    'https://nginx.org/en/docs/http/ngx_http_headers_module.html#add_header',
    'https://nginx.org/en/docs/http/ngx_http_headers_module.html#add_header_inherit',
  ],
  evaluate: (context) =>
    withNginx(context, ({ config }) =>
      [...servers(config), ...locations(config)].flatMap((level) => {
        const own = names(level.block);
        const mode = inheritMode(level.chain);
        if (mode === 'merge' || (own.length === 0 && mode !== 'off')) return [];
        const inherited =
          level.chain
            .slice(0, -1)
            .reverse()
            .map(names)
            .find((list) => list.length > 0) ?? [];
        const ownLower = own.map((name) => name.toLowerCase());
        const dropped = inherited.filter((name) => !ownLower.includes(name.toLowerCase()));
        if (dropped.length === 0) return [];
        const first = directives(level.block, 'add_header')[0] as Directive | undefined;
        const what = `${level.block.name} ${level.block.args.join(' ')}`.trim();
        const because = first ? 'sets its own add_header' : 'has add_header_inherit off';
        return [
          {
            rule: 'add-header-dropped',
            severity: 'medium' as const,
            message: `${what} ${because}, so ${dropped.join(', ')} from the level above are not sent there.`,
            ...at(first ?? effectiveDirective(level.chain, 'add_header_inherit') ?? level.block),
          },
        ];
      }),
    ),
};
