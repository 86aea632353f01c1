/**
 * apache-host-header-spoofable: httpd hands a request for a name no vhost claims to the first vhost of the
 * address (httpd 2.4 docs, "Name-based Virtual Host Support"). When that vhost proxies to the app, a client picks
 * the host name the app uses in links and password-reset mails. Decided by a request for another name on each
 * port of the virtual Apache.
 */
import { at, withApache } from '../apache-rule';
import { decide, vhostPorts } from '../apache-scan';
import type { Rule } from '../rule';

const FOREIGN_HOST = 'evil.example';

export const apacheHostHeaderSpoofable: Rule = {
  id: 'apache-host-header-spoofable',
  scope: 'apache',
  severity: 'medium',
  title: 'The app gets any Host header a client sends (no catch-all vhost)',
  explanation:
    "Apache gives a request for an unknown name to the address's first <VirtualHost>. If that is the site itself, a " +
    'client chooses the host name the app uses in absolute URLs, password-reset links and cache keys.',
  confirms: 'A request for Host: evil.example is refused before it reaches the app.',
  fix: 'Make the first <VirtualHost> of each port a catch-all: ServerName catch-all.invalid and <Location /> Require all denied </Location>.',
  references: [
    'https://httpd.apache.org/docs/2.4/vhosts/name-based.html',
    'https://portswigger.net/web-security/host-header',
  ],
  evaluate: (context) =>
    withApache(context, ({ config }) => {
      for (const { scheme, port } of vhostPorts(config)) {
        const decision = decide(config, scheme, port, FOREIGN_HOST, '/');
        if (decision.kind !== 'proxy') continue;
        return [
          {
            rule: 'apache-host-header-spoofable',
            severity: 'medium' as const,
            message: `A request for Host: ${FOREIGN_HOST} on port ${port} reaches the app: the first <VirtualHost> of the port proxies names that are not yours.`,
            ...(decision.vhost ? at(decision.vhost) : {}),
          },
        ];
      }
      return [];
    }),
};
