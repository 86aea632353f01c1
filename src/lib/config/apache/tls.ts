/**
 * What mod_ssl really offers on a TLS virtual host: the protocols SSLProtocol leaves enabled and the cipher string
 * SSLCipherSuite hands OpenSSL. Debian 12's apache2 2.4.71 with its OpenSSL 3.0, as read off the server itself
 * (`LogLevel ssl:trace3` logs "Creating new SSL context (protocols: …)" and "Configuring permitted SSL ciphers […]"
 * for each vhost; tests/reality/apache-tls.test.ts holds this file to those lines):
 *
 * - SSLProtocol: each directive starts from nothing and reads its words in order (ssl_engine_config.c,
 *   ssl_cmd_protocol_parse): `+p` adds, `-p` removes, a bare `p` replaces what is there (httpd warns AH02532,
 *   "overrides already set parameter(s)": `SSLProtocol TLSv1.2 TLSv1.3` is TLS 1.3 alone). `all` is every protocol
 *   the OpenSSL build has: TLSv1 to TLSv1.3 (Debian's OpenSSL has no SSLv3, so `-SSLv3` is a no-op and `+SSLv3`
 *   is refused). A vhost's own SSLProtocol replaces the main server's; without one anywhere, mod_ssl's default is
 *   `all` (httpd docs: "Default: SSLProtocol all -SSLv3"). Debian's mods-available/ssl.conf says `all -SSLv3`.
 *   With SNI (OpenSSL >= 1.1.1, httpd >= 2.4.42) each name-based vhost's own setting is honoured (mod_ssl docs,
 *   SSLProtocol, "for name-based virtual hosts").
 * - SSLCipherSuite `[protocol] spec`: one word (or the protocol `SSL`, spelled so: mod_ssl compares with strcmp) sets the TLS <= 1.2 suites, `TLSv1.3 …` the
 *   1.3 suites; the last one of a level wins, a vhost's replaces the main server's; without one, OpenSSL's
 *   DEFAULT. Debian's ssl.conf says `HIGH:!aNULL`. mod_ssl appends `:!aNULL:!eNULL:!EXP` to what it hands OpenSSL.
 */
import type { ApacheConfig, ApacheDirective } from './types';
import { directivesNamed, lastNamed } from './vhosts';

/** What `all` means with Debian 12's OpenSSL 3.0 (built without SSLv3). */
export const ALL_PROTOCOLS = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] as const;

export interface SslProtocols {
  /** In the order mod_ssl logs them: TLSv1, TLSv1.1, TLSv1.2, TLSv1.3. */
  enabled: string[];
  /** The SSLProtocol that decides, or null for mod_ssl's compiled-in default. */
  from: ApacheDirective | null;
}

/** The setting of a per-server directive for `vhost`: its own last one, else the main server's last one. */
function perServer(config: ApacheConfig, vhost: ApacheDirective, name: string): ApacheDirective | undefined {
  return lastNamed(vhost.children ?? [], name) ?? lastNamed(config.directives, name);
}

/** The protocols one SSLProtocol line leaves enabled (ssl_cmd_protocol_parse, from nothing). */
export function parseSslProtocol(words: readonly string[]): string[] {
  let enabled = new Set<string>();
  for (const word of words) {
    const action = /^[+-]/.test(word) ? word[0] : '';
    const name = word.replace(/^[+-]/, '').toLowerCase();
    const these: string[] = name === 'all' ? [...ALL_PROTOCOLS] : ALL_PROTOCOLS.filter((p) => p.toLowerCase() === name);
    if (action === '-') for (const p of these) enabled.delete(p);
    else if (action === '+') for (const p of these) enabled.add(p);
    else enabled = new Set(these);
  }
  return ALL_PROTOCOLS.filter((p) => enabled.has(p));
}

export function sslProtocols(config: ApacheConfig, vhost: ApacheDirective): SslProtocols {
  const from = perServer(config, vhost, 'SSLProtocol') ?? null;
  return { enabled: from ? parseSslProtocol(from.args) : [...ALL_PROTOCOLS], from };
}

/** The SSLCipherSuite for TLS <= 1.2 in effect on `vhost`, or undefined for OpenSSL's DEFAULT. */
export function sslCipherSuite(config: ApacheConfig, vhost: ApacheDirective): ApacheDirective | undefined {
  const forTls12 = (list: readonly ApacheDirective[]) =>
    directivesNamed(list, 'SSLCipherSuite')
      .filter((d) => d.args.length === 1 || d.args[0] === 'SSL')
      .at(-1);
  return forTls12(vhost.children ?? []) ?? forTls12(config.directives);
}

/** The cipher string of an SSLCipherSuite line (its last word). */
export const cipherSpec = (d: ApacheDirective): string => d.args.at(-1) ?? '';
