/** unlimited-request-body: `client_max_body_size 0` lets any request send a body of any size. */
import { walk } from '../../config/nginx';
import { at, withNginx } from '../nginx-rule';
import type { Rule } from '../rule';

/** nginx's size syntax: 0, 0k, 0M… all mean "no limit" here (ngx_parse_offset). */
const ZERO = /^0+[kKmMgG]?$/;

export const unlimitedRequestBody: Rule = {
  id: 'unlimited-request-body',
  scope: 'nginx',
  severity: 'medium',
  title: 'Request bodies have no size limit',
  explanation:
    '`client_max_body_size 0` turns off the check on the request body size (nginx 1.22.1 default: 1m): one ' +
    "client can stream gigabytes into nginx's temporary files and on to the app, filling the disk or tying up workers.",
  confirms: 'Every request body has a size limit.',
  fix: "Set client_max_body_size to the largest upload the app accepts (e.g. 10m), or leave nginx's default of 1m.",
  references: ['https://nginx.org/en/docs/http/ngx_http_core_module.html#client_max_body_size'],
  evaluate: (context) =>
    withNginx(context, ({ config }) =>
      [...walk(config)]
        .filter(({ directive: d }) => d.name === 'client_max_body_size' && ZERO.test(d.args[0] ?? ''))
        .map(({ directive: d, chain }) => ({
          rule: 'unlimited-request-body',
          severity: 'medium' as const,
          message: `client_max_body_size ${d.args[0]} in ${chain.length ? chain.map((b) => [b.name, ...b.args].join(' ')).join(' › ') : 'the main context'}: request bodies of any size are accepted.`,
          ...at(d),
        })),
    ),
};
