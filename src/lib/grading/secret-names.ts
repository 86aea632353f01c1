/** What makes an environment setting a secret: its name, or a URL carrying a password. */

const SECRET_NAME = /(SECRET|PASSWORD|PASSWD|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIALS?)/i;
/** A URL with a password in it (postgresql://user:password@host/db), whatever the variable is called. */
export const URL_WITH_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^/:@\s]+:[^/@\s]+@/i;

/** A setting that writes a secret: a secret's name with a value, or a URL with a password. */
export function writesSecret(name: string, value: string): boolean {
  return (SECRET_NAME.test(name) && value !== '') || URL_WITH_PASSWORD.test(value);
}
