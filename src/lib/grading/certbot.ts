/**
 * What certbot (2.x) keeps about a certificate, read from the workspace's letsencrypt/ (the server's
 * /etc/letsencrypt/): the renewal configuration and the renewal hooks.
 *
 * - renewal/NAME.conf is a ConfigObj file: `key = value` lines, `[renewalparams]`, `[[webroot_map]]`. Read by
 *   hand (a few lines): there is no ConfigObj for TypeScript, and only these keys matter here.
 * - The webroot plugin writes the HTTP-01 token to WEBROOT/.well-known/acme-challenge/TOKEN, WEBROOT from
 *   webroot_map for the name, else webroot_path (certbot docs, "Webroot").
 * - Hooks (certbot docs, "Renewing certificates"): executables in renewal-hooks/deploy/ run after each
 *   successful renewal, those in post/ after every renewal attempt, those in pre/ before it; --deploy-hook is
 *   saved in the renewal conf as `renew_hook`.
 */
import type { WorkspaceFiles } from '../runtime/protocol';

export interface RenewalConf {
  file: string;
  /** Top-level and [renewalparams] keys, and webroot_map entries as `webroot_map.NAME`. */
  values: Map<string, { value: string; line: number }>;
}

export function renewalConfFile(host: string): string {
  return `letsencrypt/renewal/${host}.conf`;
}

export function readRenewalConf(files: WorkspaceFiles, host: string): RenewalConf | null {
  const file = renewalConfFile(host);
  const text = files[file];
  if (text === undefined) return null;
  const values = new Map<string, { value: string; line: number }>();
  let section = '';
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const header = /^\[+([^\]]+)\]+$/.exec(line);
    if (header) {
      section = header[1]!.trim();
      return;
    }
    const pair = /^([^=]+?)\s*=\s*(.*)$/.exec(line);
    if (!pair) return;
    const key = section === 'webroot_map' ? `webroot_map.${pair[1]}` : pair[1]!;
    values.set(key, { value: pair[2]!, line: index + 1 });
  });
  return { file, values };
}

/** Where certbot's webroot plugin writes the challenge token for `host`, or null when the conf names none. */
export function webrootFor(conf: RenewalConf, host: string): { path: string; line: number } | null {
  const mapped = conf.values.get(`webroot_map.${host}`);
  const listed = conf.values.get('webroot_path');
  const found = mapped ?? listed;
  if (!found) return null;
  const path = found.value.split(',')[0]!.trim().replace(/\/+$/, '');
  return path ? { path, line: found.line } : null;
}

/** A shell command line that reloads (or restarts) nginx, so it reads the renewed certificate. */
const RELOADS_NGINX =
  /^(?:sudo\s+)?(?:\/\S+\/)?(?:systemctl\s+(?:reload|restart|reload-or-restart)\s+nginx(?:\.service)?|nginx\s+-s\s+reload|service\s+nginx\s+(?:reload|restart))\b/;

/** The non-comment lines of a hook script or a hook setting that reload nginx. */
export function reloadsNginx(script: string): boolean {
  return script
    .split(/\n|&&|;/)
    .map((line) => line.trim())
    .some((line) => !line.startsWith('#') && RELOADS_NGINX.test(line));
}

export type HookStage = 'deploy' | 'post' | 'pre';

/** Hook scripts in letsencrypt/renewal-hooks/STAGE/. */
export function hookScripts(files: WorkspaceFiles): Array<{ file: string; stage: HookStage; text: string }> {
  return Object.entries(files).flatMap(([file, text]) => {
    const match = /^letsencrypt\/renewal-hooks\/(deploy|post|pre)\/[^/]+$/.exec(file);
    return match ? [{ file, stage: match[1] as HookStage, text }] : [];
  });
}
