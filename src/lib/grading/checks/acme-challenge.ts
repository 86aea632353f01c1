/**
 * certbot's HTTP-01 challenge, replayed: Let's Encrypt asks http://NAME/.well-known/acme-challenge/TOKEN on port
 * 80 and must get the file the webroot plugin wrote there. It follows redirects (up to 10, to http or https
 * on ports 80 or 443, without checking the certificate: letsencrypt.org/docs/challenge-types/), so a redirect
 * to https passes only when the https server serves the same webroot; this check follows them the same way.
 */
import type { CheckSpec } from '../../content/checks-schema';
import { virtualProxy } from '../../config/nginx';
import { readRenewalConf, renewalConfFile, webrootFor } from '../certbot';
import type { GradingContext } from '../context';
import { listenPorts } from '../nginx-scan';
import { loadNginx, noListener, parsedNginx } from '../proxy-chain';
import { BlockedError, type CheckResult } from '../types';

type Spec = Extract<CheckSpec, { kind: 'acme-challenge' }>;

const TOKEN = 'prodready-challenge-token';
const CHALLENGE = `/.well-known/acme-challenge/${TOKEN}`;
const MAX_REDIRECTS = 10;

export function acmeChallenge(spec: Spec, context: GradingContext): CheckResult {
  const base = { id: spec.id, title: spec.title, hint: spec.hint };
  const fail = (message: string, at?: { file: string; line: number } | null): CheckResult => ({
    ...base,
    passed: false,
    message,
    file: at?.file,
    line: at?.line,
  });
  const conf = readRenewalConf(context.files, spec.host);
  if (conf === null) return fail(`There is no ${renewalConfFile(spec.host)}: nothing says how certbot renews ${spec.host}.`); // prettier-ignore
  const webroot = webrootFor(conf, spec.host);
  if (webroot === null) return fail(`${conf.file} names no webroot (webroot_path, or webroot_map for ${spec.host}).`, { file: conf.file, line: 1 }); // prettier-ignore
  const expected = `${webroot.path}${CHALLENGE}`;
  const nginx = parsedNginx(loadNginx(context.files));
  if (nginx === null) return fail('There is no nginx config (nginx/shop.conf): nothing answers the challenge.');

  let url = new URL(`http://${spec.host}${CHALLENGE}`);
  const path: string[] = [];
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const scheme = url.protocol === 'https:' ? 'https' : 'http';
    const ports = listenPorts(nginx.config);
    path.push(`GET ${url.href}`);
    const decision = virtualProxy(nginx.config, {
      scheme,
      port: (scheme === 'https' ? ports.tls : ports.plain)[0] ?? (scheme === 'https' ? 443 : 80),
      method: 'GET',
      path: url.pathname + url.search,
      headers: [['Host', url.host]],
      client: '198.51.100.23',
    });
    const at = decision.location ?? decision.server;
    const where = at ? { file: at.file, line: at.line } : null;
    const asked = path.join(' → ');
    if (decision.kind === 'error') throw new BlockedError(noListener(nginx.file, scheme));
    if (decision.kind === 'return') {
      const location = decision.headers.find(([name]) => name.toLowerCase() === 'location')?.[1];
      if (decision.status >= 301 && decision.status <= 308 && location) {
        url = new URL(location, url);
        continue;
      }
      return fail(`${asked} answered ${decision.status}; Let's Encrypt needs the token certbot wrote to ${expected}, so renewal fails.`, where); // prettier-ignore
    }
    if (decision.kind === 'proxy') {
      return fail(`${asked} is passed to the app (${decision.upstream}), which has no ${CHALLENGE}: Let's Encrypt gets a 404 and renewal fails. Serve location ^~ /.well-known/acme-challenge/ from ${webroot.path} on port 80.`, where); // prettier-ignore
    }
    if (decision.path !== expected) {
      return fail(`${asked} is served from ${decision.path}, but certbot writes the token to ${expected} (webroot ${webroot.path}, ${conf.file}:${webroot.line}).`, where); // prettier-ignore
    }
    const redirected = path.length > 1 ? " (after a redirect Let's Encrypt follows)" : '';
    return { ...base, passed: true, message: `${asked} is served from ${expected}, where certbot writes the token${redirected}.` }; // prettier-ignore
  }
  return fail(`${path.join(' → ')}: more than ${MAX_REDIRECTS} redirects, Let's Encrypt gives up.`);
}
