/**
 * secret-in-access-log: an access log format writes what authenticates the visitor (the session cookie,
 * an Authorization header, the login form's body) into a file that log shippers, backups and every admin
 * read.
 */
import { at, withNginx } from '../nginx-rule';
import { usedLogFormats } from '../nginx-scan';
import type { Rule } from '../rule';

/**
 * Variables that carry credentials (nginx 1.22.1, https://nginx.org/en/docs/varindex.html): request
 * headers that authenticate, any cookie, the request body (a login form's password), and the session
 * cookie the app sets. `$request`, `$request_uri` and `$args` are left out on purpose: nginx's own
 * `combined` format logs the query string, so flagging them would flag every nginx; a secret in a URL is
 * the app's mistake, not the log format's.
 */
const CREDENTIAL =
  /^(http_cookie|http_authorization|http_proxy_authorization|cookie_.+|request_body|sent_http_set_cookie|upstream_http_set_cookie|upstream_cookie_.+)$/;

export const secretInAccessLog: Rule = {
  id: 'secret-in-access-log',
  scope: 'nginx',
  severity: 'high',
  title: 'The access log records credentials',
  explanation:
    'A log_format with $http_cookie, $cookie_session, $http_authorization or $request_body writes session cookies, ' +
    'passwords and tokens into the access log, where anyone who can read the logs (or their backups, or the log ' +
    'service they are shipped to) can replay them.',
  confirms: 'No access log format writes cookies, Authorization headers or request bodies.',
  fix: 'Remove those variables from the log_format the access_log uses; log $remote_user or a request id instead.',
  references: [
    'https://nginx.org/en/docs/http/ngx_http_log_module.html#log_format',
    'https://nginx.org/en/docs/varindex.html',
    'https://cheatsheetseries.owasp.org/cheatsheets/Logging_Cheat_Sheet.html#data-to-exclude',
  ],
  evaluate: (context) =>
    withNginx(context, ({ config }) =>
      usedLogFormats(config).flatMap(({ format, variables, usedBy }) => {
        const leaked = [...new Set(variables.filter((name) => CREDENTIAL.test(name)))];
        if (leaked.length === 0 || format === null) return [];
        return [
          {
            rule: 'secret-in-access-log',
            severity: 'high' as const,
            message:
              `log_format ${format.args[0]} logs ${leaked.map((name) => `$${name}`).join(', ')}, and ` +
              `access_log ${usedBy.args[0]} (${usedBy.file}:${usedBy.line}) writes it: credentials end up in the log.`,
            ...at(format),
          },
        ];
      }),
    ),
};
