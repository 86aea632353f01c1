/**
 * proxyfix-missing: behind a TLS proxy, the app still sees http and the proxy's address.
 * Decided by asking the app, through the virtual nginx, what it sees of a visitor's request.
 */
import { PROXY_ADDRESS } from '../proxy-chain';
import type { Rule } from '../rule';
import { VISITOR, viewThroughProxy } from './proxy-through';

export const proxyfixMissing: Rule = {
  id: 'proxyfix-missing',
  scope: 'app',
  needs: { throughNginx: true },
  severity: 'medium',
  title: 'Behind the proxy, the app sees http and the proxy as the client',
  explanation:
    'Without ProxyFix (or the server trusting the proxy), request.remote_addr is nginx for every visitor, rate limits and ' +
    'logs lump everyone together, and url_for(_external=True) and redirects say http:// on an https site.',
  confirms: "Through nginx the app sees the visitor's address and https.",
  fix: 'app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1): one proxy, so count one of each.',
  references: [
    'https://werkzeug.palletsprojects.com/en/stable/middleware/proxy_fix/',
    'https://flask.palletsprojects.com/en/stable/deploying/proxy_fix/',
  ],
  async evaluate(context) {
    const through = await viewThroughProxy(context);
    if (!through.ok) return { findings: [], inconclusive: through.inconclusive };
    const { view, serving, scheme } = through;
    const wrong = [
      view.remoteAddr === PROXY_ADDRESS
        ? `nginx's address (${PROXY_ADDRESS}) instead of the visitor's (${VISITOR})`
        : null,
      // Over plain HTTP (nginx without TLS) the scheme is right as it is.
      scheme === 'https' && view.scheme !== 'https' ? 'http instead of https' : null,
    ].filter(Boolean);
    if (wrong.length === 0) return { findings: [] };
    const location = serving.calledFrom ?? context.production.commandSource;
    return {
      findings: [
        {
          rule: 'proxyfix-missing',
          severity: 'medium',
          message: `Behind nginx the app sees ${wrong.join(' and ')}: nothing applies X-Forwarded-For / X-Forwarded-Proto.`,
          file: location?.file,
          line: location?.line,
        },
      ],
    };
  },
};
