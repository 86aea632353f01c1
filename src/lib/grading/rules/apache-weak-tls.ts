/**
 * apache-weak-tls: a TLS vhost whose mod_ssl allows protocols or ciphers below Mozilla's Server Side TLS 6.0
 * intermediate profile (TLS 1.2 and 1.3; six ECDHE AEAD suites). The protocols are the ones mod_ssl really
 * enables for the vhost (config/apache/tls.ts, held to apache2's own log of them): its SSLProtocol, else the main
 * server's, which Debian's mods-available/ssl.conf sets to `all -SSLv3` (TLS 1.0 to 1.3).
 */
import { cipherSpec, EMULATED_APACHE, sslCipherSuite, sslProtocols, type ApacheDirective } from '../../config/apache';
import { at, withApache } from '../apache-rule';
import { vhostTargets } from '../apache-scan';
import { BlockedError, type Finding } from '../types';
import { OLD_PROTOCOLS, OPENSSL_NOTE, cipherProblem } from '../tls-guidance';
import type { Rule } from '../rule';

const FIX = 'SSLProtocol -all +TLSv1.2 +TLSv1.3';

export const apacheWeakTls: Rule = {
  id: 'apache-weak-tls',
  scope: 'apache',
  severity: 'high',
  title: 'Apache allows TLS protocols or ciphers below current guidance',
  explanation:
    'TLS 1.0 and 1.1 are deprecated (RFC 8996) and broken cipher suites (RC4, 3DES, export, NULL) let an attacker on ' +
    "the path read or downgrade the connection. Debian's ssl.conf says SSLProtocol all -SSLv3, which still enables " +
    "TLS 1.0 and 1.1. Mozilla's intermediate profile (Server Side TLS 6.0) allows TLS 1.2 and 1.3 with six ECDHE suites.",
  confirms: 'Every TLS vhost allows only TLS 1.2 and 1.3, with no weak cipher.',
  fix: `${FIX} (outside the vhosts, or in each TLS vhost) and Mozilla's intermediate SSLCipherSuite list.`,
  references: [
    'https://ssl-config.mozilla.org/guidelines/6.0.json',
    'https://httpd.apache.org/docs/2.4/mod/mod_ssl.html#sslprotocol',
    'https://httpd.apache.org/docs/2.4/mod/mod_ssl.html#sslciphersuite',
    'https://www.rfc-editor.org/rfc/rfc8996',
  ],
  evaluate: (context) =>
    withApache(context, ({ config, file }) => {
      const targets = vhostTargets(config).filter((target) => target.scheme === 'https');
      // No TLS vhost is nothing to judge, not a pass.
      if (targets.length === 0) {
        throw new BlockedError({ message: `No <VirtualHost> in ${file} has SSLEngine on: there is no https site to judge.`, file }); // prettier-ignore
      }
      // One finding per cause: vhosts that take the same SSLProtocol line (or the default) share it.
      const byCause = new Map<ApacheDirective | null, { hosts: string[]; old: string[]; first: ApacheDirective }>();
      const cipherFindings: Finding[] = [];
      const ciphersSeen = new Set<ApacheDirective>();
      for (const { vhost, host } of targets) {
        const protocols = sslProtocols(config, vhost);
        const old = protocols.enabled.filter((protocol) => OLD_PROTOCOLS.has(protocol));
        const group = byCause.get(protocols.from) ?? { hosts: [], old, first: vhost };
        if (old.length > 0) byCause.set(protocols.from, { ...group, hosts: [...group.hosts, host] });
        const suite = sslCipherSuite(config, vhost);
        const problem = suite && !ciphersSeen.has(suite) && cipherProblem(cipherSpec(suite), 'SSLCipherSuite');
        if (suite) ciphersSeen.add(suite);
        if (suite && problem) {
          cipherFindings.push({ rule: 'apache-weak-tls', severity: 'high', message: problem, ...at(suite.file === file ? suite : vhost) }); // prettier-ignore
        }
      }
      const protocolFindings = [...byCause].map(([from, { hosts, old, first }]): Finding => {
        const own = from !== null && from.file === file;
        const on = hosts.join(', ');
        const message = own
          ? `SSLProtocol ${from.args.join(' ')} leaves ${old.join(', ')} enabled on ${on}; write ${FIX} ${OPENSSL_NOTE}.`
          : from
            ? `No SSLProtocol in this site: ${on} take${hosts.length > 1 ? '' : 's'} Debian's ${from.file}:${from.line} (SSLProtocol ${from.args.join(' ')}), which enables ${old.join(', ')}; write ${FIX} ${OPENSSL_NOTE}.`
            : `No SSLProtocol: mod_ssl ${EMULATED_APACHE.version}'s default (all) enables ${old.join(', ')} on ${on}; write ${FIX} ${OPENSSL_NOTE}.`;
        return { rule: 'apache-weak-tls', severity: 'high', message, ...at(own ? from : first) };
      });
      return [...protocolFindings, ...cipherFindings];
    }),
};
