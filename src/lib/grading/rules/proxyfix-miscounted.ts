/**
 * proxyfix-miscounted: ProxyFix counts more proxies than stand in front of the app, so a value
 * the client wrote into X-Forwarded-For becomes request.remote_addr. Decided by forging one
 * through the virtual nginx.
 */
import type { Rule } from '../rule';
import { viewThroughProxy } from './proxy-through';

const FORGED = '10.6.6.6';

export const proxyfixMiscounted: Rule = {
  id: 'proxyfix-miscounted',
  scope: 'app',
  needs: { throughNginx: true },
  severity: 'high',
  title: 'ProxyFix counts do not match the proxies in front of the app',
  explanation:
    'ProxyFix takes the N-th address from the right of X-Forwarded-For. With more hops counted than there are ' +
    'proxies, it reads an address the client wrote itself: anyone can choose their IP.',
  confirms: 'A forged X-Forwarded-For sent through nginx was not believed.',
  fix: 'Count the proxies that really stand in front: nginx alone means ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1).',
  references: ['https://werkzeug.palletsprojects.com/en/stable/middleware/proxy_fix/'],
  async evaluate(context) {
    const through = await viewThroughProxy(context, FORGED);
    if (!through.ok) return { findings: [], inconclusive: through.inconclusive };
    if (through.view.remoteAddr !== FORGED) return { findings: [] };
    const facts = await context.runtime.call('facts', { session: 'grader', files: context.files });
    const counted = facts.proxyFix
      ? ` (ProxyFix x_for=${facts.proxyFix.x_for}, but one proxy, nginx, stands in front)`
      : '';
    const location = facts.proxyFix?.location ?? null;
    return {
      findings: [
        {
          rule: 'proxyfix-miscounted',
          severity: 'high',
          message: `A visitor sent X-Forwarded-For: ${FORGED} through nginx and the app took it as the client address${counted}.`,
          file: location?.file,
          line: location?.line,
        },
      ],
    };
  },
};
