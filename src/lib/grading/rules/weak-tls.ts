/**
 * weak-tls: a TLS server allows protocols or ciphers below Mozilla's Server Side TLS 6.0 intermediate profile
 * (TLS 1.2 and 1.3; six ECDHE AEAD suites, no DHE). The protocols are the ones nginx really enables for the
 * server: its own ssl_protocols, else the http level's (Debian's nginx.conf included, OR-ed with the site's),
 * else nginx's compiled-in default for the emulated version. Facts and sources: ../nginx-tls.ts.
 */
import { EMULATED_NGINX, effectiveDirective } from '../../config/nginx';
import { at, withNginx } from '../nginx-rule';
import { effectiveProtocols } from '../nginx-tls';
import { OLD_PROTOCOLS, OPENSSL_NOTE, cipherProblem } from '../tls-guidance';
import { noListener } from '../proxy-chain';
import { BlockedError } from '../types';
import { tlsServers } from '../nginx-scan';
import type { Rule } from '../rule';
import type { Finding } from '../types';

export const weakTls: Rule = {
  id: 'weak-tls',
  scope: 'nginx',
  severity: 'high',
  title: 'TLS protocols or ciphers below current guidance',
  explanation:
    'TLS 1.0 and 1.1 are deprecated (RFC 8996) and broken cipher suites (RC4, 3DES, export, NULL) let an attacker ' +
    "on the path read or downgrade the connection. Mozilla's intermediate profile (Server Side TLS 6.0) allows " +
    'TLS 1.2 and 1.3 with six ECDHE suites and no DHE.',
  confirms: 'Every TLS server allows only TLS 1.2 and 1.3, with no weak cipher.',
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
        const problem = ciphers && cipherProblem(ciphers.args[0] ?? '', 'ssl_ciphers');
        if (ciphers && problem) found.push({ rule: 'weak-tls', severity: 'high', message: problem, ...at(ciphers) });
        return found;
      });
    }),
};
