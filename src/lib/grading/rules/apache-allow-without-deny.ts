/**
 * apache-allow-without-deny: httpd 2.2's access rules (mod_access_compat, enabled in Debian's apache2 2.4) with
 * `Order Deny,Allow` and `Allow from …` but no `Deny from all`: with Deny,Allow the default is allow, so
 * every address gets in (mod_access_compat docs, Order: "Deny,Allow … Any client which does not match a Deny
 * directive or does match an Allow directive will be allowed access"). Read from each section as written.
 */
import { directivesNamed, type ApacheDirective } from '../../config/apache';
import { at, withApache } from '../apache-rule';
import { siteDirectives } from '../apache-scan';
import type { Rule } from '../rule';

/** Order's argument, spaces and case aside: "deny,allow", "allow,deny", "mutual-failure". */
const orderOf = (list: readonly ApacheDirective[]) =>
  directivesNamed(list, 'Order').at(-1)?.args.join('').toLowerCase();

export const apacheAllowWithoutDeny: Rule = {
  id: 'apache-allow-without-deny',
  scope: 'apache',
  severity: 'high',
  title: 'Access rules allow some addresses and forget to deny the rest (Order Deny,Allow)',
  explanation:
    '`Order Deny,Allow` with `Allow from 10.0.0.0/8` alone restricts nothing: with Deny,Allow the default is to ' +
    'allow, so without `Deny from all` every address gets in, and an admin area meant for the office is open.',
  confirms: 'Every allow list ends in a refusal of everyone else.',
  fix: "Use httpd 2.4's Require: `Require ip 10.0.0.0/8` (nothing else is allowed), or add `Deny from all` to the Deny,Allow section.",
  references: [
    'https://httpd.apache.org/docs/2.4/mod/mod_access_compat.html#order',
    'https://httpd.apache.org/docs/2.4/upgrading.html#access',
  ],
  evaluate: (context) =>
    withApache(context, ({ config, file }) =>
      siteDirectives(config, file)
        .filter((d) => d.children !== null)
        .flatMap((section) => {
          const list = section.children ?? [];
          const allows = directivesNamed(list, 'Allow');
          if (allows.length === 0 || orderOf(list) !== 'deny,allow') return [];
          const denyAll = directivesNamed(list, 'Deny').some((d) => /^from$/i.test(d.args[0] ?? '') && d.args.slice(1).some((a) => /^all$/i.test(a))); // prettier-ignore
          if (denyAll) return [];
          const first = allows[0] as ApacheDirective;
          return [
            {
              rule: 'apache-allow-without-deny',
              severity: 'high' as const,
              message: `${section.name}${section.args.length ? ` ${section.args.join(' ')}` : ''}> says Order Deny,Allow and Allow ${first.args.join(' ')} without Deny from all: every address is allowed.`,
              ...at(first),
            },
          ];
        }),
    ),
};
