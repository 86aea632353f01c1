/** What makes an environment setting a secret: its name, or a URL carrying a password. */

const SECRET_NAME = /(SECRET|PASSWORD|PASSWD|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIALS?)/i;

/**
 * A URL's scheme and authority (redis://:pw@host:6379, amqp://user:pw@rabbit//). The authority
 * ends at the first `/`, `?` or `#` (RFC 3986 §3.2); its user information is everything before
 * the LAST `@` in it, as Python's urllib (`netloc.rpartition('@')`, which redis-py, SQLAlchemy's
 * make_url, kombu and pymongo all read URLs with) splits it, so an unescaped `@` in the
 * password (`redis://:p@ssw0rd@host`) still belongs to the password.
 */
const URL_AUTHORITY = /^[a-z][a-z0-9+.-]*:\/\/([^/?#\s]*)/i;

/**
 * Values that stand for a password rather than being one: references filled in elsewhere
 * (`${DB_PASS}`, `$DB_PASS`, Supervisor's `%(ENV_DB_PASS)s`, a template's `{{ db_pass }}`), a
 * bracketed hole (`<password>`, `[password]`), and masks (`***`, `xxxx`, `...`). A word like
 * `postgres` is not here: in a committed compose file it is the password the database gets.
 */
const PLACEHOLDER = /^(?:\$\{[^}]*\}|\$[A-Za-z_]\w*|%\(\w+\)s|\{\{[^}]*\}\}|<[^>]*>|\[[^\]]*\]|\*+|x+|X+|\.{3,}|…)$/;

/** Whether a value is a placeholder for a secret, not the secret itself. */
export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value.trim());
}

/**
 * The password a URL carries in its user information (`scheme://user:password@host`, `user`
 * possibly empty as Redis's `redis://:password@host`), or null when it carries none or only a
 * placeholder for one.
 */
export function urlPassword(value: string): string | null {
  const authority = URL_AUTHORITY.exec(value.trim())?.[1];
  if (authority === undefined) return null;
  const at = authority.lastIndexOf('@');
  if (at < 0) return null;
  const userinfo = authority.slice(0, at);
  const colon = userinfo.indexOf(':');
  if (colon < 0) return null;
  const password = userinfo.slice(colon + 1);
  return password === '' || isPlaceholder(password) ? null : password;
}

/** Whether a value is a URL with a real password in it, whatever the variable is called. */
export const hasUrlPassword = (value: string): boolean => urlPassword(value) !== null;

/** A setting that writes a secret: a secret's name with a real value, or a URL with a password. */
export function writesSecret(name: string, value: string): boolean {
  return (SECRET_NAME.test(name) && value.trim() !== '' && !isPlaceholder(value)) || hasUrlPassword(value);
}
