/**
 * host-header-spoofable: the app gets the Host the client sent, and no catch-all server refuses
 * unknown names. Decided by sending a request for another host name through the virtual proxy.
 */
import { directive, serverBlocks, virtualProxy } from '../../config/nginx';
import { at, withNginx } from '../nginx-rule';
import { listenPorts } from '../nginx-scan';
import type { Rule } from '../rule';

const FOREIGN_HOST = 'evil.example';

/** The names the config serves (server_name), wildcards and the catch-all `_` left out. */
function ownNames(config: Parameters<typeof serverBlocks>[0]): Set<string> {
  const names = serverBlocks(config).flatMap((server) => directive(server, 'server_name')?.args ?? []);
  return new Set(names.filter((name) => /^[\w.-]+$/.test(name) && name !== '_').map((name) => name.toLowerCase()));
}

export const hostHeaderSpoofable: Rule = {
  id: 'host-header-spoofable',
  scope: 'nginx',
  severity: 'medium',
  title: 'The app gets any Host header a client sends',
  explanation:
    "nginx hands a request for an unknown name to the port's default server. If that server proxies to the app with " +
    'Host $host, a client chooses the host name the app uses in password-reset links, absolute URLs and cache keys.',
  fix: 'Add a catch-all: server { listen 443 ssl default_server; server_name _; ssl_reject_handshake on; } (and return 444 on port 80), so only your names reach the app.',
  references: [
    'https://nginx.org/en/docs/http/request_processing.html',
    'https://portswigger.net/web-security/host-header',
  ],
  evaluate: (context) =>
    withNginx(context, ({ config }) => {
      const { plain, tls } = listenPorts(config);
      const ports = [
        ...tls.map((port) => ({ scheme: 'https' as const, port })),
        ...plain.map((port) => ({ scheme: 'http' as const, port })),
      ];
      for (const { scheme, port } of ports) {
        const decision = virtualProxy(config, {
          scheme,
          port,
          method: 'GET',
          path: '/',
          headers: [['Host', FOREIGN_HOST]],
          client: '203.0.113.7',
        });
        if (decision.kind !== 'proxy') continue;
        // Safe only when nginx pins Host to one of the site's own names. Left to nginx's default
        // ($proxy_host, the upstream's address) the app still serves a name that is not yours, and
        // the next edit that adds `proxy_set_header Host $host` hands that name over.
        const host = decision.headers.find(([name]) => name.toLowerCase() === 'host')?.[1] ?? '';
        if (ownNames(config).has(host.toLowerCase())) continue;
        const how = host.startsWith(FOREIGN_HOST) ? 'with that host' : `(nginx passes it on as Host: ${host})`;
        const server = decision.server;
        return [
          {
            rule: 'host-header-spoofable',
            severity: 'medium' as const,
            message: `A request for Host: ${FOREIGN_HOST} on port ${port} reaches the app ${how}: no catch-all server refuses names that are not yours.`,
            ...(server ? at(server) : {}),
          },
        ];
      }
      return [];
    }),
};
