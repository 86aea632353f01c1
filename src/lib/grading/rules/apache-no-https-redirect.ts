/**
 * apache-no-https-redirect: a plain-HTTP vhost serves the site instead of redirecting to https. Decided by sending
 * GET / for each plain vhost's name through the virtual Apache: a redirect to https:// or a refusal (a catch-all's
 * `Require all denied`) passes; the app reached over plain HTTP, or a redirect to another http:// URL, is the finding.
 */
import { at, withApache } from '../apache-rule';
import { decide, vhostTargets } from '../apache-scan';
import type { Rule } from '../rule';

const header = (headers: Array<[string, string]>, name: string) =>
  headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];

export const apacheNoHttpsRedirect: Rule = {
  id: 'apache-no-https-redirect',
  scope: 'apache',
  severity: 'high',
  title: 'Plain HTTP serves the site instead of redirecting (Apache)',
  explanation:
    'Whatever is served over plain HTTP, session cookies and forms included, can be read and changed by anyone on ' +
    'the path. The *:80 vhost should only say where the https site is.',
  confirms: 'A plain HTTP request is answered with a redirect to https, and never reaches the app.',
  fix: '<VirtualHost *:80> ServerName shop.example; Redirect permanent / https://shop.example/ </VirtualHost>, and the site in <VirtualHost *:443> with SSLEngine on.',
  references: [
    'https://httpd.apache.org/docs/2.4/rewrite/avoid.html#redirect',
    'https://httpd.apache.org/docs/2.4/mod/mod_alias.html#redirect',
  ],
  evaluate: (context) =>
    withApache(context, ({ config }) => {
      const targets = vhostTargets(config);
      const noTls = targets.every((target) => target.scheme === 'http') ? ' No <VirtualHost> has SSLEngine on.' : '';
      const plain = targets.filter((target) => target.scheme === 'http');
      // No vhost at all: the main server answers port 80 (Debian's ports.conf).
      const asked = plain.length > 0 ? plain : [{ vhost: null, port: 80, host: 'shop.example' }];
      for (const { vhost, port, host } of asked) {
        const decision = decide(config, 'http', port, host, '/');
        // The virtual Apache has no files: a page it would serve from disk shows as 404, so only what it decides
        // for sure is judged: the app reached, or a redirect that stays on http://.
        let what: string;
        if (decision.kind === 'proxy') what = `passes it to the app (${decision.upstream}) over plain HTTP`;
        else if (decision.kind === 'answer' && /^http:/i.test(header(decision.headers, 'location') ?? '')) {
          what = `redirects to ${header(decision.headers, 'location')}, still plain HTTP`;
        } else continue;
        const where = decision.at ?? vhost;
        return [
          {
            rule: 'apache-no-https-redirect',
            severity: 'high' as const,
            message: `A request for http://${host}/ on port ${port}: Apache ${what}.${noTls}`,
            ...(where ? at(where) : {}),
          },
        ];
      }
      return [];
    }),
};
