/**
 * apache-proxy-headers-missing: the app behind Apache is not told the visitor's host, address or scheme.
 * mod_proxy_http sends the upstream's own Host unless ProxyPreserveHost On, adds X-Forwarded-For unless
 * ProxyAddHeaders Off, and never sets X-Forwarded-Proto (httpd 2.4 mod_proxy docs, "Reverse Proxy Request
 * Headers"; proxy_util.c). Decided by sending GET / for the site's name through each vhost that proxies it and
 * reading the headers the app would get.
 */
import { at, withApache } from '../apache-rule';
import { decide, vhostTargets } from '../apache-scan';
import type { Rule } from '../rule';

const value = (headers: Array<[string, string]>, name: string) =>
  headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];

export const apacheProxyHeadersMissing: Rule = {
  id: 'apache-proxy-headers-missing',
  scope: 'apache',
  severity: 'medium',
  title: 'The app behind Apache is not told the host, the client or the scheme',
  explanation:
    'Without ProxyPreserveHost On the app sees Host: 127.0.0.1:8000 and builds links and redirects to it; with ' +
    'ProxyAddHeaders Off it logs Apache as its only client; and mod_proxy never says the request was https, so the ' +
    'app writes http:// URLs and sets cookies as if the connection were plain.',
  confirms: 'Through the https vhost, the app gets the visitor’s Host, X-Forwarded-For and X-Forwarded-Proto: https.',
  fix: 'In the vhost that proxies: ProxyPreserveHost On, RequestHeader set X-Forwarded-Proto "https" (in the *:443 vhost only), and leave ProxyAddHeaders at its default (On).',
  references: [
    'https://httpd.apache.org/docs/2.4/mod/mod_proxy.html#x-headers',
    'https://httpd.apache.org/docs/2.4/mod/mod_proxy.html#proxypreservehost',
    'https://flask.palletsprojects.com/en/stable/deploying/proxy_fix/',
  ],
  evaluate: (context) =>
    withApache(context, ({ config }) => {
      for (const target of vhostTargets(config)) {
        const decision = decide(config, target.scheme, target.port, target.host, '/');
        if (decision.kind !== 'proxy') continue;
        const missing: string[] = [];
        if (value(decision.headers, 'host') !== target.host) {
          missing.push(`Host (the app gets ${value(decision.headers, 'host') ?? 'none'}: ProxyPreserveHost is off)`);
        }
        if (value(decision.headers, 'x-forwarded-for') === undefined) missing.push('X-Forwarded-For (ProxyAddHeaders Off)'); // prettier-ignore
        if (target.scheme === 'https' && !/^https$/i.test(value(decision.headers, 'x-forwarded-proto') ?? '')) {
          missing.push('X-Forwarded-Proto: https (mod_proxy never sets it)');
        }
        if (missing.length === 0) continue;
        return [
          {
            rule: 'apache-proxy-headers-missing',
            severity: 'medium' as const,
            message: `${target.scheme}://${target.host}/ reaches the app without ${missing.join(', ')}.`,
            ...at(decision.at ?? target.vhost),
          },
        ];
      }
      return [];
    }),
};
