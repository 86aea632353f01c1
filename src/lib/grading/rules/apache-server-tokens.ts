/**
 * apache-server-tokens: Apache announces its version (and Debian) in the Server header and under its error
 * pages. httpd's default is ServerTokens Full; Debian's conf-enabled/security.conf says ServerTokens OS
 * ("Apache/2.4.71 (Debian)") and ServerSignature On. ServerTokens is global: the last one read wins.
 */
import { lastNamed, serverBanner } from '../../config/apache';
import { withApache } from '../apache-rule';
import type { Rule } from '../rule';

export const apacheServerTokens: Rule = {
  id: 'apache-server-tokens',
  scope: 'apache',
  severity: 'low',
  title: 'Apache discloses its version',
  explanation:
    'Server: Apache/2.4.71 (Debian) tells an attacker which known vulnerabilities to try first, on every response and ' +
    "error page. Debian's security.conf ships ServerTokens OS.",
  confirms: 'Responses say "Apache" without a version.',
  fix: 'ServerTokens Prod and ServerSignature Off, at the top of the site (outside any <VirtualHost>).',
  references: [
    'https://httpd.apache.org/docs/2.4/mod/core.html#servertokens',
    'https://httpd.apache.org/docs/2.4/mod/core.html#serversignature',
  ],
  evaluate: (context) =>
    withApache(context, ({ config, file }) => {
      const banner = serverBanner(config);
      if (banner === 'Apache') return [];
      const written = lastNamed(config.directives, 'ServerTokens');
      const own = written && written.file === file;
      return [
        {
          rule: 'apache-server-tokens',
          severity: 'low' as const,
          message: `Responses carry Server: ${banner}${own ? '' : ` (${written ? `${written.file}:${written.line} says ServerTokens ${written.args[0]}` : "httpd's default is ServerTokens Full"})`}; set ServerTokens Prod.`,
          file: own ? written.file : file,
          line: own ? written.line : undefined,
        },
      ];
    }),
};
