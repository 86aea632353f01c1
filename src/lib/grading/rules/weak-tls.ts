/**
 * weak-tls: a TLS server allows protocols or ciphers below Mozilla's Server Side TLS 6.0 intermediate profile
 * (TLS 1.2 and 1.3; six ECDHE AEAD suites, no DHE). The protocols are the ones nginx really enables for the
 * server: its own ssl_protocols, else the http level's (Debian's nginx.conf included, OR-ed with the site's),
 * else nginx's compiled-in default for the emulated version. Facts and sources: ../nginx-tls.ts.
 */
import { EMULATED_NGINX, effectiveDirective } from '../../config/nginx';
import { at, withNginx } from '../nginx-rule';
import { MOZILLA_INTERMEDIATE_CIPHERS, effectiveProtocols } from '../nginx-tls';
import { noListener } from '../proxy-chain';
import { BlockedError } from '../types';
import { tlsServers } from '../nginx-scan';
import type { Rule } from '../rule';
import type { Finding } from '../types';

const OLD_PROTOCOLS = new Set(['SSLv2', 'SSLv3', 'TLSv1', 'TLSv1.1']);
/** A weak component anywhere in a suite name (ECDHE-RSA-DES-CBC3-SHA) or as a keyword (RC4, aNULL). */
const WEAK_CIPHER = /(^|[-:+])(RC4|DES|3DES|MD5|NULL|EXPORT|EXP|aNULL|eNULL|ADH|AECDH|PSK|SEED|IDEA|CAMELLIA)([-:+]|$)/;
/** A suite name (not a keyword such as HIGH or a `!` exclusion) that Mozilla 6.0 intermediate leaves out. */
const outsideProfile = (cipher: string) =>
  /^[A-Z0-9]+(-[A-Z0-9]+)+$/.test(cipher) && !MOZILLA_INTERMEDIATE_CIPHERS.includes(cipher);
const OPENSSL_NOTE =
  '(OpenSSL 3 at its default security level already refuses TLS 1.0 and 1.1 handshakes, but the config should say what it serves)';

export const weakTls: Rule = {
  id: 'weak-tls',
  scope: 'nginx',
  severity: 'high',
  title: 'TLS protocols or ciphers below current guidance',
  explanation:
    'TLS 1.0 and 1.1 are deprecated (RFC 8996) and broken cipher suites (RC4, 3DES, export, NULL) let an attacker ' +
    "on the path read or downgrade the connection. Mozilla's intermediate profile (Server Side TLS 6.0) allows " +
    'TLS 1.2 and 1.3 with six ECDHE suites and no DHE.',
  fix:
    "ssl_protocols TLSv1.2 TLSv1.3; in each TLS server (Debian's nginx.conf already sets a list at the http level) " +
    "and Mozilla's intermediate ssl_ciphers list.",
  references: [
    'https://ssl-config.mozilla.org/guidelines/6.0.json',
    'https://wiki.mozilla.org/Security/Server_Side_TLS',
    'https://www.rfc-editor.org/rfc/rfc8996',
    'https://nginx.org/en/docs/http/ngx_http_ssl_module.html#ssl_protocols',
    'https://nginx.org/en/CHANGES',
  ],
  evaluate: (context) =>
    withNginx(context, ({ config, file }) => {
      // No TLS server is nothing to judge, not a pass.
      if (tlsServers(config).length === 0) throw new BlockedError(noListener(file, 'https'));
      return tlsServers(config).flatMap((level): Finding[] => {
        const found: Finding[] = [];
        const protocols = effectiveProtocols(level.chain);
        const old = protocols.enabled.filter((protocol) => OLD_PROTOCOLS.has(protocol));
        if (old.length > 0) {
          const inSite = protocols.from.filter((d) => d.file === file);
          const debian = protocols.from.find((d) => d.file.startsWith('/etc/nginx/'));
          let message: string;
          if (protocols.from.length === 0) {
            message = `No ssl_protocols: nginx ${EMULATED_NGINX.version}'s default enables ${protocols.enabled.join(' ')}; set ssl_protocols TLSv1.2 TLSv1.3 ${OPENSSL_NOTE}.`;
          } else if (debian && inSite.length === 0) {
            message = `No ssl_protocols in this server: it takes Debian's list from ${debian.file}:${debian.line} (${debian.args.join(' ')}); set ssl_protocols TLSv1.2 TLSv1.3 in the server ${OPENSSL_NOTE}.`;
          } else if (debian) {
            message = `ssl_protocols at the http level adds to Debian's list (${debian.file}:${debian.line}): nginx enables ${old.join(', ')} too; set ssl_protocols TLSv1.2 TLSv1.3 in each TLS server instead.`;
          } else {
            message = `ssl_protocols allows ${old.join(', ')}; allow TLSv1.2 and TLSv1.3 only.`;
          }
          const marker = inSite.find((d) => d.args.some((p) => OLD_PROTOCOLS.has(p))) ?? inSite[0] ?? level.block;
          found.push({ rule: 'weak-tls', severity: 'high', message, ...at(marker) });
        }
        const ciphers = effectiveDirective(level.chain, 'ssl_ciphers');
        const list = (ciphers?.args[0] ?? '').split(':').filter((cipher) => cipher && !cipher.startsWith('!'));
        const weak = list.filter((cipher) => WEAK_CIPHER.test(cipher));
        if (ciphers && weak.length > 0) {
          found.push({
            rule: 'weak-tls',
            severity: 'high',
            message: `ssl_ciphers enables weak ciphers: ${weak.slice(0, 3).join(', ')}.`,
            ...at(ciphers),
          });
        } else if (ciphers && list.some(outsideProfile)) {
          const outside = list.filter(outsideProfile);
          found.push({
            rule: 'weak-tls',
            severity: 'high',
            message: `ssl_ciphers lists suites outside Mozilla's intermediate profile (6.0: six ECDHE suites, no DHE): ${outside.slice(0, 3).join(', ')}.`,
            ...at(ciphers),
          });
        }
        return found;
      });
    }),
};
