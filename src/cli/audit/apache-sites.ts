/**
 * The project's Apache httpd sites: *.conf files (and files in sites-available/, sites-enabled/, conf.d/) whose
 * lines are Apache directives (<VirtualHost>, ProxyPass, …), each read as Debian's apache2 reads a site from
 * sites-enabled/ (config/apache/debian-site.ts). A site that does not parse is reported, not judged.
 */
import { ApacheSyntaxError, parseApacheSite } from '../../lib/config/apache';
import type { ApacheLoad } from '../../lib/grading/apache-chain';
import type { WorkspaceFiles } from '../../lib/runtime/protocol';

const looksLikeApache = (text: string) =>
  /^\s*<(VirtualHost|Location|Directory|IfModule)[\s>]/im.test(text) ||
  /^\s*(ProxyPass|ProxyRequests|ServerName|RequestHeader|SSLEngine)\s/im.test(text);
/** nginx's blocks and statements end in `{`, `}` or `;`; Apache's lines do not. */
const looksLikeNginx = (text: string) => /[{};]\s*$/m.test(text.replace(/^\s*#.*$/gm, ''));

export function findApacheSites(files: WorkspaceFiles, infos: string[]): ApacheLoad[] {
  const found: ApacheLoad[] = [];
  for (const file of Object.keys(files).sort()) {
    const text = files[file] as string;
    if (!/(\.conf$|(^|\/)(sites-(available|enabled)|conf\.d)\/[^/]+$)/.test(file)) continue;
    if (!looksLikeApache(text) || looksLikeNginx(text)) continue;
    try {
      found.push({ ok: true, apache: { file, config: parseApacheSite(text, file, { files }) } });
    } catch (error) {
      if (!(error instanceof ApacheSyntaxError)) throw error;
      infos.push(`${file}: an Apache config that apachectl -t refuses, not judged (${error.message})`);
    }
  }
  return found;
}
