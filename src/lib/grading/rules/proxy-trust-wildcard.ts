/**
 * proxy-trust-wildcard: the app server believes forwarded headers from anyone. Decided by
 * behaviour: a client that is not the proxy forges X-Forwarded-For and X-Forwarded-Proto, and the
 * app is asked what it sees; then the same client asks the app's own pages, and the harness notes
 * whether the project's code read the forged address itself.
 */
import { GRADER_SESSION, probe, sendRequest, startApp, type GradingContext } from '../context';
import { settingSource } from '../production';
import { isLocalOnly } from '../addresses';
import type { Rule } from '../rule';
import type { JsonValue } from '../../runtime/protocol';
import type { Finding } from '../types';

const OUTSIDER = '203.0.113.66';

function trustsEveryAddress(settings: Record<string, JsonValue>): boolean {
  const waitress = settings['trusted_proxy'];
  const gunicorn = settings['forwarded_allow_ips'];
  return waitress === '*' || (Array.isArray(gunicorn) && gunicorn.includes('*'));
}

const FORGED_ADDRESS = '10.6.6.6';

/** Client-address headers an outsider forges; the harness notes which the project's code reads. */
const FORGED_ADDRESS_HEADERS: Array<[string, string]> = [
  ['X-Forwarded-For', FORGED_ADDRESS],
  ['X-Real-IP', FORGED_ADDRESS],
];

/**
 * The app's own code taking a forged client address (`request.headers.getlist("X-Forwarded-For")[0]`,
 * `request.access_route`, `environ["HTTP_X_FORWARDED_FOR"]`): asked of the home page and of the route
 * the audit attacks, each sent by an outsider with forged headers, noting the project line that read one.
 */
async function readByTheApp(context: GradingContext): Promise<Finding | null> {
  const paths = [...new Set(['/', context.production.attack.path])];
  for (const path of paths) {
    const response = await sendRequest(context, {
      method: 'GET',
      path,
      headers: FORGED_ADDRESS_HEADERS,
      client: OUTSIDER,
      watchForwarded: true,
    });
    const read = response.forwardedReads?.[0];
    if (!read) continue;
    return {
      rule: 'proxy-trust-wildcard',
      severity: 'high',
      message:
        `A client at ${OUTSIDER}, not a proxy, sent ${read.header}: ${FORGED_ADDRESS} to GET ${path} and the app's own code ` +
        `read it (${read.file}:${read.line}): the client address it uses is whatever the client writes. Use ` +
        'request.remote_addr, with ProxyFix counting the proxies only where clients cannot bypass them.',
      file: read.file,
      line: read.line,
    };
  }
  return null;
}

export const proxyTrustWildcard: Rule = {
  id: 'proxy-trust-wildcard',
  scope: 'app',
  needs: { reachedByOthers: true },
  severity: 'high',
  title: 'The app server trusts forwarded headers from anyone',
  explanation:
    'X-Forwarded-For and X-Forwarded-Proto are only as true as whoever sent them. Trusting them from any address lets ' +
    'a client pick its own IP (dodging rate limits, bans and audit logs) and claim https.',
  confirms: 'Forged forwarded headers from another address were ignored.',
  fix: 'Trust forwarded headers only from the proxy\'s address: Waitress trusted_proxy="127.0.0.1", Gunicorn forwarded_allow_ips="127.0.0.1".',
  references: [
    'https://docs.pylonsproject.org/projects/waitress/en/stable/reverse-proxy.html',
    'https://docs.gunicorn.org/en/stable/settings.html#forwarded-allow-ips',
  ],
  async evaluate(context) {
    const { serving } = await startApp(context, context.production.env);
    // Listening on loopback or a unix socket only, nothing but the local proxy reaches the app,
    // so an app that believes forwarded headers (ProxyFix) is fine; a server told to trust every
    // address still is not.
    const addresses = (serving.settings['addresses'] as string[] | undefined) ?? [`${serving.host}:${serving.port}`];
    if (addresses.length > 0 && addresses.every(isLocalOnly) && !trustsEveryAddress(serving.settings)) {
      return { findings: [] };
    }
    const view = await probe(context, {
      client: OUTSIDER,
      headers: { 'X-Forwarded-For': FORGED_ADDRESS, 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'evil.example' },
    });
    if (!view) return { findings: [], inconclusive: 'the app did not answer the probe request' };
    const believed = [
      view.remoteAddr === FORGED_ADDRESS ? `its address ${FORGED_ADDRESS}` : null,
      view.scheme === 'https' ? 'https' : null,
      view.host === 'evil.example' ? 'the host evil.example' : null,
    ].filter(Boolean);
    if (believed.length === 0) {
      const ownRead = await readByTheApp(context);
      return { findings: ownRead ? [ownRead] : [] };
    }
    // The server trusts only its default peers, so the app believed them itself: ProxyFix in front
    // of it, where the fix goes (a proxy count for a proxy clients cannot bypass).
    const proxyFix = trustsEveryAddress(serving.settings)
      ? null
      : (await context.runtime.call('facts', { session: GRADER_SESSION, files: context.files })).proxyFix;
    const location =
      proxyFix?.location ??
      (serving.server === 'gunicorn'
        ? settingSource(context.files, context.production.commandSource, 'forwarded_allow_ips')
        : (serving.calledFrom ?? context.production.commandSource));
    return {
      findings: [
        {
          rule: 'proxy-trust-wildcard',
          severity: 'high',
          message: `A client at ${OUTSIDER}, not the proxy, forged forwarded headers and the app believed ${believed.join(' and ')}.`,
          file: location?.file,
          line: location?.line,
        },
      ],
    };
  },
};
