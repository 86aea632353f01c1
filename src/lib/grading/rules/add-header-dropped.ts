/**
 * add-header-dropped: a level with its own add_header silently drops every add_header set above
 * it (nginx inherits add_header only into levels that have none).
 */
import { directives, type Directive, type Scope } from '../../config/nginx';
import { at, withNginx } from '../nginx-rule';
import { locations, servers } from '../nginx-scan';
import type { Rule } from '../rule';

const names = (scope: Scope) => directives(scope, 'add_header').map((d) => d.args[0] ?? '');

export const addHeaderDropped: Rule = {
  id: 'add-header-dropped',
  scope: 'nginx',
  severity: 'medium',
  title: "A block's add_header drops the headers set above it",
  explanation:
    'nginx inherits add_header from the enclosing level only when the current level has none. One add_header in a ' +
    'location (a Cache-Control for static files, say) silently removes HSTS, nosniff and the rest there.',
  fix: 'Repeat every header in the block that adds its own, or move them into an include file used at each level.',
  references: ['https://nginx.org/en/docs/http/ngx_http_headers_module.html#add_header'],
  evaluate: (context) =>
    withNginx(context, ({ config }) =>
      [...servers(config), ...locations(config)].flatMap((level) => {
        const own = names(level.block);
        if (own.length === 0) return [];
        const inherited =
          level.chain
            .slice(0, -1)
            .reverse()
            .map(names)
            .find((list) => list.length > 0) ?? [];
        const ownLower = own.map((name) => name.toLowerCase());
        const dropped = inherited.filter((name) => !ownLower.includes(name.toLowerCase()));
        if (dropped.length === 0) return [];
        const first = directives(level.block, 'add_header')[0] as Directive;
        return [
          {
            rule: 'add-header-dropped',
            severity: 'medium' as const,
            message:
              `${level.block.name} ${level.block.args.join(' ')} sets its own add_header, so ${dropped.join(', ')} from the level above are not sent there.`.replace(
                '  ',
                ' ',
              ),
            ...at(first),
          },
        ];
      }),
    ),
};
