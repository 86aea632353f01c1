/**
 * client-ip-from-header: a rate limit keyed on, or an access log's client column taken from, a header the
 * client writes itself (X-Forwarded-For, X-Real-IP): each request can claim a new address, so the limit
 * never bites and the log names whoever the attacker says.
 */
import { directives, httpScope, walk, type Directive } from '../../config/nginx';
import { at, withNginx } from '../nginx-rule';
import { usedLogFormats, variablesIn } from '../nginx-scan';
import type { Finding } from '../types';
import type { Rule } from '../rule';

/** Request headers a client sets at will (nginx's $http_* variables); $remote_addr is the connection's own. */
const CLIENT_HEADER = /^http_(x_forwarded_for|x_real_ip|forwarded|true_client_ip|cf_connecting_ip|x_client_ip)$/;

function headerVariables(text: string): string[] {
  return variablesIn(text).filter((name) => CLIENT_HEADER.test(name));
}

function finding(message: string, directive: Directive): Finding {
  return { rule: 'client-ip-from-header', severity: 'medium', message, ...at(directive) };
}

/** The zones some limit_req / limit_conn actually applies (a zone nothing uses limits nothing). */
function appliedZones(root: Parameters<typeof walk>[0], directiveName: string): Set<string> {
  const zones = new Set<string>();
  for (const { directive: d } of walk(root)) {
    if (d.name !== directiveName) continue;
    const zone = directiveName === 'limit_req' ? d.args.find((a) => a.startsWith('zone='))?.slice(5) : d.args[0];
    if (zone !== undefined) zones.add(zone);
  }
  return zones;
}

export const clientIpFromHeader: Rule = {
  id: 'client-ip-from-header',
  scope: 'nginx',
  severity: 'medium',
  title: 'Rate limits or logs trust a client address the client wrote',
  explanation:
    'limit_req_zone $http_x_forwarded_for gives every forged X-Forwarded-For its own bucket, so a brute force ' +
    'that sends a new value with each request is never limited; a log_format whose client column is ' +
    "$http_x_forwarded_for records whatever address the attacker typed. $remote_addr is the connection's " +
    'own address (or, with set_real_ip_from, the address a trusted proxy vouched for).',
  confirms: 'Rate limits and the access log use the address of the connection, not a header.',
  fix:
    'Key limit_req_zone/limit_conn_zone on $binary_remote_addr and start the log_format with $remote_addr; behind ' +
    'a trusted proxy, let the realip module set them (set_real_ip_from + real_ip_header).',
  references: [
    'https://nginx.org/en/docs/http/ngx_http_limit_req_module.html#limit_req_zone',
    'https://nginx.org/en/docs/http/ngx_http_limit_conn_module.html#limit_conn_zone',
    'https://nginx.org/en/docs/http/ngx_http_realip_module.html',
  ],
  evaluate: (context) =>
    withNginx(context, ({ config }) => {
      const found: Finding[] = [];
      for (const [zoneDirective, applied] of [
        ['limit_req_zone', appliedZones(config, 'limit_req')],
        ['limit_conn_zone', appliedZones(config, 'limit_conn')],
      ] as const) {
        for (const d of directives(httpScope(config), zoneDirective)) {
          const name = d.args
            .find((a) => a.startsWith('zone='))
            ?.slice(5)
            .split(':')[0];
          const headers = headerVariables(d.args[0] ?? '');
          if (name === undefined || !applied.has(name) || headers.length === 0) continue;
          found.push(
            finding(
              `${zoneDirective} ${name} is keyed on ${headers.map((h) => `$${h}`).join(', ')}, a header the client ` +
                'writes: a new value per request escapes the limit.',
              d,
            ),
          );
        }
      }
      for (const { format, variables } of usedLogFormats(config)) {
        // The client column is the first address the line gives; a header logged after $remote_addr (as
        // nginx's own `main` example does) is extra information, not the client.
        const first = variables.find((name) => name === 'remote_addr' || name === 'realip_remote_addr' || CLIENT_HEADER.test(name)); // prettier-ignore
        if (format === null || first === undefined || !CLIENT_HEADER.test(first)) continue;
        found.push(
          finding(
            `log_format ${format.args[0]} names the client by $${first}, a header the client writes: the log ` +
              'records whichever address the attacker chooses.',
            format,
          ),
        );
      }
      return found;
    }),
};
