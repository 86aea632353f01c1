/**
 * apache-open-proxy: with ProxyRequests On, mod_proxy is a forward proxy: it fetches any URL a client names,
 * from inside your network (httpd 2.4 mod_proxy docs, "Forward Proxies and Reverse Proxies/Gateways": "Do not
 * enable proxying with ProxyRequests until you have secured your server"). Decided by asking the virtual Apache
 * for the cloud metadata URL on each port.
 */
import { at, withApache } from '../apache-rule';
import { decide, vhostPorts } from '../apache-scan';
import type { Rule } from '../rule';

const METADATA_URL = 'http://169.254.169.254/latest/meta-data/';

export const apacheOpenProxy: Rule = {
  id: 'apache-open-proxy',
  scope: 'apache',
  severity: 'high',
  title: 'Apache is an open forward proxy',
  explanation:
    'ProxyRequests On makes mod_proxy fetch any URL a client asks for: spammers and scanners use the server, and it ' +
    'reaches what only the server can reach, such as the cloud metadata service at 169.254.169.254 and its credentials.',
  confirms: 'Apache serves an absolute URL for another host as a request to itself instead of fetching it.',
  fix: 'ProxyRequests Off (the default): ProxyPass and ProxyPassReverse need no forward proxy.',
  references: [
    'https://httpd.apache.org/docs/2.4/mod/mod_proxy.html#proxyrequests',
    'https://httpd.apache.org/docs/2.4/mod/mod_proxy.html#access',
  ],
  evaluate: (context) =>
    withApache(context, ({ config }) => {
      for (const { scheme, port } of vhostPorts(config)) {
        const decision = decide(config, scheme, port, '169.254.169.254', METADATA_URL);
        if (decision.kind !== 'forward') continue;
        const where = decision.at ?? decision.vhost;
        return [
          {
            rule: 'apache-open-proxy',
            severity: 'high' as const,
            message: `GET ${METADATA_URL} sent to port ${port} is fetched by Apache for the client (ProxyRequests On): anyone can use it as a proxy into your network.`,
            ...(where ? at(where) : {}),
          },
        ];
      }
      return [];
    }),
};
