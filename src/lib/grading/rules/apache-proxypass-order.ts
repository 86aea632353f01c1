/**
 * apache-proxypass-order: ProxyPass rules are tried in the order written and the first match wins (httpd 2.4
 * mod_proxy docs, "Ordering ProxyPass Directives"): an exclusion (`ProxyPass /static !`) after `ProxyPass /` never
 * applies, and the app serves (or fails on) what Apache was meant to. Decided by asking the virtual Apache for
 * each excluded path.
 */
import { directivesNamed } from '../../config/apache';
import { at, withApache } from '../apache-rule';
import { decide, vhostTargets } from '../apache-scan';
import type { Rule } from '../rule';

export const apacheProxypassOrder: Rule = {
  id: 'apache-proxypass-order',
  scope: 'apache',
  severity: 'low',
  title: 'A ProxyPass exclusion never applies (written after a rule that matches first)',
  explanation:
    'mod_proxy tries ProxyPass rules in order: `ProxyPass /static !` after `ProxyPass /` is dead, so /static/ goes ' +
    'to the app server, which then serves (or exposes) what Apache was meant to keep.',
  confirms: 'Every excluded path is served by Apache itself.',
  fix: 'Write each exclusion (ProxyPass /path !) before the ProxyPass that covers it.',
  references: ['https://httpd.apache.org/docs/2.4/mod/mod_proxy.html#proxypass'],
  evaluate: (context) =>
    withApache(context, ({ config }) => {
      for (const target of vhostTargets(config)) {
        const exclusions = [...directivesNamed(config.directives, 'ProxyPass'), ...directivesNamed(target.vhost.children ?? [], 'ProxyPass')].filter((d) => d.args[1] === '!'); // prettier-ignore
        for (const exclusion of exclusions) {
          const path = `${exclusion.args[0] ?? '/'}${(exclusion.args[0] ?? '').endsWith('/') ? '' : '/'}app.css`;
          const decision = decide(config, target.scheme, target.port, target.host, path);
          if (decision.kind !== 'proxy') continue;
          const winner = decision.at;
          return [
            {
              rule: 'apache-proxypass-order',
              severity: 'low' as const,
              message: `ProxyPass ${exclusion.args[0]} ! never applies: ${path} goes to the app, because ${winner ? `ProxyPass ${winner.args.join(' ')} at line ${winner.line}` : 'an earlier ProxyPass'} matches first.`,
              ...at(exclusion),
            },
          ];
        }
      }
      return [];
    }),
};
