/** no-https-redirect: plain HTTP serves the app instead of redirecting to https. Decided by sending one. */
import { virtualProxy } from '../../config/nginx';
import { at, withNginx } from '../nginx-rule';
import { plainServers, tlsServers } from '../nginx-scan';
import type { Rule } from '../rule';

export const noHttpsRedirect: Rule = {
  id: 'no-https-redirect',
  severity: 'high',
  title: 'Plain HTTP serves the app instead of redirecting',
  explanation:
    'Whatever is served over plain HTTP, session cookies and forms included, can be read and changed by anyone on ' +
    'the path. Port 80 should only say where the https site is.',
  confirms: 'A plain HTTP request is answered with a redirect to https, and never reaches the app.',
  fix: 'server { listen 80; server_name shop.example; return 301 https://$host$request_uri; }',
  references: ['https://nginx.org/en/docs/http/configuring_https_servers.html'],
  evaluate: (context) =>
    withNginx(context, ({ config }) => {
      if (plainServers(config).length === 0) {
        return tlsServers(config).length === 0
          ? [
              {
                rule: 'no-https-redirect',
                severity: 'high' as const,
                message: 'No server listens with TLS: the app is only reachable over plain HTTP.',
              },
            ]
          : [];
      }
      const decision = virtualProxy(config, {
        scheme: 'http',
        port: 80,
        method: 'GET',
        path: '/',
        headers: [['Host', 'shop.example']],
        client: '203.0.113.7',
      });
      const location =
        decision.kind === 'return' ? decision.headers.find(([n]) => n.toLowerCase() === 'location')?.[1] : undefined;
      if (decision.kind === 'return' && (location?.startsWith('https://') || decision.status === 444)) return [];
      const what =
        decision.kind === 'proxy'
          ? 'passes it to the app over plain HTTP'
          : decision.kind === 'return'
            ? `answers ${decision.status}${location ? ` with Location: ${location}` : ''}, not a redirect to https`
            : 'serves it without TLS';
      const where = decision.location ?? decision.server;
      return [
        {
          rule: 'no-https-redirect',
          severity: 'high' as const,
          message: `A request for http://shop.example/ on port 80: nginx ${what}.`,
          ...(where ? at(where) : {}),
        },
      ];
    }),
};
