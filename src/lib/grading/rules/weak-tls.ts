/**
 * weak-tls: a TLS server allows protocols or ciphers below current guidance (Mozilla's
 * intermediate profile: TLS 1.2 and 1.3, AEAD ciphers with forward secrecy).
 */
import { effectiveDirective } from '../../config/nginx';
import { at, withNginx } from '../nginx-rule';
import { tlsServers } from '../nginx-scan';
import type { Rule } from '../rule';
import type { Finding } from '../types';

/** Debian's nginx 1.22 compiled-in default; nginx 1.23.4 dropped TLS 1.0 and 1.1 from it. */
const DEFAULT_PROTOCOLS = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];
const OLD_PROTOCOLS = new Set(['SSLv2', 'SSLv3', 'TLSv1', 'TLSv1.1']);
/** A weak component anywhere in a suite name (ECDHE-RSA-DES-CBC3-SHA) or as a keyword (RC4, aNULL). */
const WEAK_CIPHER = /(^|[-:+])(RC4|DES|3DES|MD5|NULL|EXPORT|EXP|aNULL|eNULL|ADH|AECDH|PSK|SEED|IDEA|CAMELLIA)([-:+]|$)/;

export const weakTls: Rule = {
  id: 'weak-tls',
  scope: 'nginx',
  severity: 'high',
  title: 'TLS protocols or ciphers below current guidance',
  explanation:
    'TLS 1.0 and 1.1 are deprecated (RFC 8996) and broken cipher suites (RC4, 3DES, export, NULL) let an attacker ' +
    'on the path read or downgrade the connection.',
  fix: "ssl_protocols TLSv1.2 TLSv1.3; and Mozilla's intermediate ssl_ciphers list.",
  references: ['https://ssl-config.mozilla.org/', 'https://www.rfc-editor.org/rfc/rfc8996'],
  evaluate: (context) =>
    withNginx(context, ({ config }) =>
      tlsServers(config).flatMap((level): Finding[] => {
        const found: Finding[] = [];
        const protocols = effectiveDirective(level.chain, 'ssl_protocols');
        const enabled = protocols?.args ?? DEFAULT_PROTOCOLS;
        const old = enabled.filter((protocol) => OLD_PROTOCOLS.has(protocol));
        if (old.length > 0) {
          found.push({
            rule: 'weak-tls',
            severity: 'high',
            message: protocols
              ? `ssl_protocols allows ${old.join(', ')}; allow TLSv1.2 and TLSv1.3 only.`
              : `No ssl_protocols: this nginx's default still allows ${old.join(', ')}; set ssl_protocols TLSv1.2 TLSv1.3.`,
            ...at(protocols ?? level.block),
          });
        }
        const ciphers = effectiveDirective(level.chain, 'ssl_ciphers');
        const weak = (ciphers?.args[0] ?? '')
          .split(':')
          .filter((cipher) => !cipher.startsWith('!') && WEAK_CIPHER.test(cipher));
        if (ciphers && weak.length > 0) {
          found.push({
            rule: 'weak-tls',
            severity: 'high',
            message: `ssl_ciphers enables weak ciphers: ${weak.slice(0, 3).join(', ')}.`,
            ...at(ciphers),
          });
        }
        return found;
      }),
    ),
};
