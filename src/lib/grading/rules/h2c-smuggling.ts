/**
 * h2c-smuggling: the client's Upgrade and Connection headers go upstream as they came, so a
 * client can upgrade the proxied connection to h2c and talk to the app server past nginx's rules.
 */
import { at, withNginx } from '../nginx-rule';
import { describeLocation, proxiedLocations, proxyHeaders } from '../nginx-scan';
import type { Rule } from '../rule';

export const h2cSmuggling: Rule = {
  id: 'h2c-smuggling',
  scope: 'nginx',
  severity: 'medium',
  title: 'Upgrade is passed through in a way that allows h2c smuggling',
  explanation:
    'With Upgrade: $http_upgrade and the client\'s Connection header forwarded, a client asks for "Upgrade: h2c" and ' +
    "gets a raw HTTP/2 tunnel to the app server, where nginx's location rules and access controls no longer apply.",
  fix: 'Forward Upgrade only where WebSockets are served, and only for websocket: map $http_upgrade to a fixed Connection value and refuse other upgrades.',
  references: ['https://bishopfox.com/blog/h2c-smuggling-request', 'https://github.com/yandex/gixy/pull/128'],
  evaluate: (context) =>
    withNginx(context, ({ config }) =>
      proxiedLocations(config).flatMap((level) => {
        const headers = proxyHeaders(level.chain);
        const upgrade = headers.get('upgrade');
        const connection = headers.get('connection');
        if (!upgrade || !/\$http_upgrade/i.test(upgrade.args[1] ?? '')) return [];
        if (!connection || !/^\$http_connection$|^upgrade$/i.test(connection.args[1] ?? '')) return [];
        return [
          {
            rule: 'h2c-smuggling',
            severity: 'medium' as const,
            message: `${describeLocation(level.block)} passes the client's Upgrade (and Connection: ${connection.args[1]}) to the app: an "Upgrade: h2c" request tunnels past nginx.`,
            ...at(upgrade),
          },
        ];
      }),
    ),
};
