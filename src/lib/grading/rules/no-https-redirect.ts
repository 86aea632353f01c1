/** no-https-redirect: plain HTTP serves the app instead of redirecting to https. Decided by sending one. */
import { virtualProxy } from '../../config/nginx';
import { at, withNginx } from '../nginx-rule';
import { listenPorts, plainServers, servers, tlsServers } from '../nginx-scan';
import type { Rule } from '../rule';

export const noHttpsRedirect: Rule = {
  id: 'no-https-redirect',
  scope: 'nginx',
  severity: 'high',
  title: 'Plain HTTP serves the app instead of redirecting',
  explanation:
    'Whatever is served over plain HTTP, session cookies and forms included, can be read and changed by anyone on ' +
    'the path. Port 80 should only say where the https site is.',
  fix: 'server { listen 80; server_name shop.example; return 301 https://$host$request_uri; }',
  references: ['https://nginx.org/en/docs/http/configuring_https_servers.html'],
  evaluate: (context) =>
    withNginx(context, ({ config }) => {
      if (plainServers(config).length === 0) {
        const first = servers(config)[0];
        return tlsServers(config).length === 0
          ? [
              {
                rule: 'no-https-redirect',
                severity: 'high' as const,
                message: 'No server listens with TLS: the app is only reachable over plain HTTP.',
                ...(first ? at(first.block) : {}),
              },
            ]
          : [];
      }
      const { plain, tls } = listenPorts(config);
      for (const port of plain) {
        const decision = virtualProxy(config, {
          scheme: 'http',
          port,
          method: 'GET',
          path: '/',
          headers: [['Host', 'shop.example']],
          client: '203.0.113.7',
        });
        const location =
          decision.kind === 'return' ? decision.headers.find(([n]) => n.toLowerCase() === 'location')?.[1] : undefined;
        if (decision.kind === 'return' && (location?.startsWith('https://') || decision.status === 444)) continue;
        const what =
          decision.kind === 'proxy'
            ? 'passes it to the app over plain HTTP'
            : decision.kind === 'return'
              ? `answers ${decision.status}${location ? ` with Location: ${location}` : ''}, not a redirect to https`
              : 'serves it without TLS';
        const where = decision.location ?? decision.server;
        const noTls = tls.length === 0 ? ' No server listens with TLS.' : '';
        return [
          {
            rule: 'no-https-redirect',
            severity: 'high' as const,
            message: `A request for http://shop.example/ on port ${port}: nginx ${what}.${noTls}`,
            ...(where ? at(where) : {}),
          },
        ];
      }
      return [];
    }),
};
