/**
 * allow-without-deny: a block allows some addresses and forgets `deny all`, so everyone else is
 * allowed too (nginx's default is to allow).
 */
import { directives } from '../../config/nginx';
import { at, withNginx } from '../nginx-rule';
import { locations, servers } from '../nginx-scan';
import type { Rule } from '../rule';

export const allowWithoutDeny: Rule = {
  id: 'allow-without-deny',
  scope: 'nginx',
  severity: 'high',
  title: 'Access rules allow some addresses and forget to deny the rest',
  explanation:
    '`allow 10.0.0.0/8;` alone restricts nothing: without a final `deny all;` every address is still allowed, so an ' +
    'admin area meant for the office is open to the internet.',
  fix: 'End every allow list with `deny all;` in the same block.',
  references: [
    'https://nginx.org/en/docs/http/ngx_http_access_module.html',
    'https://github.com/yandex/gixy/blob/master/docs/en/plugins/allowwithoutdeny.md',
  ],
  evaluate: (context) =>
    withNginx(context, ({ config }) =>
      [...servers(config), ...locations(config)].flatMap((level) => {
        const allows = directives(level.block, 'allow');
        if (allows.length === 0) return [];
        // A level with its own allow/deny inherits none from above: its own list must end the matter.
        if (directives(level.block, 'deny').some((d) => d.args[0] === 'all')) return [];
        return [
          {
            rule: 'allow-without-deny',
            severity: 'high' as const,
            message: `${level.block.name} ${level.block.args.join(' ')} allows ${allows.map((d) => d.args[0]).join(', ')} but has no \`deny all;\`: everyone else is allowed too.`,
            ...at(allows[0]!),
          },
        ];
      }),
    ),
};
