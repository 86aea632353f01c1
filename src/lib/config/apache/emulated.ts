/**
 * The one Apache httpd the virtual Apache emulates: Debian 12's apache2 package, as `apache2 -v` names it. The
 * directive table, the modules and /etc/apache2 are generated from that server (scripts/generate-apache-data.js).
 */
import { APACHE_DEBIAN_VERSION, APACHE_VERSION } from './data/directives.generated';

export const EMULATED_APACHE = {
  version: APACHE_VERSION,
  package: `Debian 12 apache2 ${APACHE_DEBIAN_VERSION}`,
  /** The Server header with ServerTokens Full (httpd's default) and Debian's build: "Apache/2.4.71 (Debian)". */
  banner: `Apache/${APACHE_VERSION} (Debian)`,
} as const;
