/**
 * alias-traversal: a prefix location without a trailing slash whose alias has one lets
 * `/static../` reach the parent directory. Decided by asking the virtual proxy which file such a
 * request maps to.
 */
import { parseLocation, virtualProxy } from '../../config/nginx';
import { at, withNginx } from '../nginx-rule';
import { locations } from '../nginx-scan';
import { directive } from '../../config/nginx';
import type { Rule } from '../rule';

export const aliasTraversal: Rule = {
  id: 'alias-traversal',
  scope: 'nginx',
  severity: 'high',
  title: 'A location and alias pair allows path traversal',
  explanation:
    'location /static { alias /srv/shop/static/; } maps /static../app.py to /srv/shop/static/../app.py: the source, ' +
    '.env files and keys next to the static folder become downloadable.',
  fix: 'End the location with a slash when the alias ends with one: location /static/ { alias /srv/shop/static/; }',
  references: [
    'https://nginx.org/en/docs/http/ngx_http_core_module.html#alias',
    'https://github.com/yandex/gixy/blob/master/docs/en/plugins/aliastraversal.md',
  ],
  evaluate: (context) =>
    withNginx(context, ({ config }) =>
      locations(config).flatMap((level) => {
        const alias = directive(level.block, 'alias');
        if (!alias) return [];
        const spec = parseLocation(level.block);
        if (spec.modifier && spec.modifier !== '^~') return [];
        if (spec.pattern.endsWith('/') || !(alias.args[0] ?? '').endsWith('/')) return [];
        const probe = `${spec.pattern}../app.py`;
        const decision = virtualProxy(config, {
          scheme: 'https',
          port: 443,
          method: 'GET',
          path: probe,
          headers: [['Host', 'shop.example']],
          client: '203.0.113.7',
        });
        const served = decision.kind === 'static' ? ` serves ${decision.path}` : ' escapes the alias';
        return [
          {
            rule: 'alias-traversal',
            severity: 'high' as const,
            message: `${probe}${served}: location ${spec.pattern} has no trailing slash but its alias ${alias.args[0]} does.`,
            ...at(level.block),
          },
        ];
      }),
    ),
};
