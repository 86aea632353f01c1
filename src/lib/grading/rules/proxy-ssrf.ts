/**
 * proxy-ssrf: proxy_pass to a destination the client controls: a variable from the request (an
 * argument, a header, a cookie, the URI or a regex capture of it) in the host part of the URL.
 */
import { directive } from '../../config/nginx';
import { at, withNginx } from '../nginx-rule';
import { describeLocation, locations } from '../nginx-scan';
import type { Rule } from '../rule';

/** Variables whose value the client chooses. */
const CLIENT_CONTROLLED =
  /\$\{?(arg_\w+|http_\w+|cookie_\w+|args|query_string|request_uri|uri|document_uri|host|request_body|\d|[A-Za-z_]\w*_capture)\}?/;

export const proxySsrf: Rule = {
  id: 'proxy-ssrf',
  scope: 'nginx',
  severity: 'high',
  title: 'proxy_pass to a destination the client controls',
  explanation:
    'When the upstream host comes from the request, anyone can make nginx fetch internal addresses: the app server ' +
    'directly, cloud metadata endpoints, admin interfaces on localhost (server-side request forgery).',
  fix: 'Proxy to fixed upstreams; if a choice is needed, map request values to a fixed list of hosts with `map` and refuse the rest.',
  references: [
    'https://cwe.mitre.org/data/definitions/918.html',
    'https://github.com/yandex/gixy/blob/master/docs/en/plugins/ssrf.md',
  ],
  evaluate: (context) =>
    withNginx(context, ({ config }) =>
      locations(config).flatMap((level) => {
        const pass = directive(level.block, 'proxy_pass');
        const url = pass?.args[0] ?? '';
        const authority = url.replace(/^[a-z]+:\/\//i, '').split('/')[0] ?? '';
        // A literal host:port ends the host; a variable right after it (`:8000$request_uri`) is the path.
        const host = /^([\w.-]+|\[[^\]]+\]):\d+/.exec(authority)?.[0] ?? authority;
        if (!pass || !CLIENT_CONTROLLED.test(host)) return [];
        return [
          {
            rule: 'proxy-ssrf',
            severity: 'high' as const,
            message: `${describeLocation(level.block)} proxies to ${url}: the client chooses where nginx connects.`,
            ...at(pass),
          },
        ];
      }),
    ),
};
