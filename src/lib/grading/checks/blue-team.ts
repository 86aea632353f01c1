/**
 * The capstone's blue team: after the red team, the site must still work for visitors. Each visit
 * goes over https through the proxy the workspace has (nginx/*.conf, else apache/*.conf) to the
 * app server production starts, with the cookies earlier visits received (a login, then the admin
 * page). It must get its status; the links the app builds must be https links to the site; a visit
 * marked `logsClient` must leave the visitor's address in the app server's log, not the proxy's.
 */
import type { CheckSpec } from '../../content/checks-schema';
import type { ClientView } from '../../runtime/protocol';
import { apacheChainBlocker, loadApache, parsedApache, sendThroughApache } from '../apache-chain';
import { GRADER_SESSION, startApp, type GradingContext } from '../context';
import { chainBlocker, loadNginx, parsedNginx, sendThroughProxy, type ChainRequest } from '../proxy-chain';
import { BlockedError, type CheckResult } from '../types';

type Spec = Extract<CheckSpec, { kind: 'blue-team' }>;

interface Answer {
  status: number;
  headers: Array<[string, string]>;
  body: string;
  /** What the app server wrote while it answered; empty when the proxy answered by itself. */
  appLog: string;
  where: { file: string; line: number } | null;
}

type Front = { name: string; send(request: ChainRequest): Promise<Answer> };

async function frontOf(context: GradingContext, env: Record<string, string>): Promise<Front | null> {
  const nginx = parsedNginx(loadNginx(context.files));
  const apache = nginx ? null : parsedApache(loadApache(context.files));
  if (!nginx && !apache) return null;
  const { serving } = await startApp(context, env);
  if (nginx) {
    return {
      name: 'nginx',
      async send(request) {
        const response = await sendThroughProxy(context.runtime, GRADER_SESSION, nginx, serving, request);
        const blocking = chainBlocker(nginx, request, response);
        if (blocking) throw new BlockedError(blocking);
        const at = response.decision.location ?? response.decision.server;
        const appLog = response.hops.find((hop) => hop.name === 'app')?.log ?? '';
        return { ...response, appLog, where: at ? { file: at.file, line: at.line } : null };
      },
    };
  }
  return {
    name: 'Apache',
    async send(request) {
      const response = await sendThroughApache(context.runtime, GRADER_SESSION, apache!, serving, request);
      const blocking = apacheChainBlocker(apache!, request, response);
      if (blocking) throw new BlockedError(blocking);
      const at = response.decision.at ?? response.decision.vhost;
      const appLog = response.hops.find((hop) => hop.name === 'app')?.log ?? '';
      return { ...response, appLog, where: at ? { file: at.file, line: at.line } : null };
    },
  };
}

/** The cookies a browser would send back: each Set-Cookie's name=value, the latest winning. */
function remember(jar: Map<string, string>, headers: Array<[string, string]>): void {
  for (const [name, value] of headers) {
    if (name.toLowerCase() !== 'set-cookie') continue;
    const pair = value.split(';')[0] ?? '';
    const equals = pair.indexOf('=');
    if (equals > 0) jar.set(pair.slice(0, equals).trim(), pair.slice(equals + 1).trim());
  }
}

export async function blueTeam(spec: Spec, context: GradingContext, env: Record<string, string>): Promise<CheckResult> {
  const base = { id: spec.id, title: spec.title, hint: spec.hint };
  const fail = (message: string, where?: { file: string; line: number } | null): CheckResult => ({
    ...base,
    passed: false,
    message,
    file: where?.file,
    line: where?.line,
  });
  const front = await frontOf(context, env);
  if (front === null) {
    return fail(
      'There is no nginx config (nginx/*.conf) or Apache site (apache/*.conf): visitors have no way in to the app.',
    );
  }
  const jar = new Map<string, string>();
  for (const visit of spec.visits) {
    const headers: Array<[string, string]> = [['Host', spec.host], ...Object.entries(visit.headers)];
    if (jar.size > 0) headers.push(['Cookie', [...jar].map(([name, value]) => `${name}=${value}`).join('; ')]);
    const asked = `${visit.method} https://${spec.host}${visit.path}`;
    const answer = await front.send({
      scheme: 'https',
      method: visit.method,
      path: visit.path,
      headers,
      body: visit.body,
      client: spec.client,
    });
    remember(jar, answer.headers);
    if (answer.status !== visit.status) {
      return fail(`${asked} through ${front.name} answered ${answer.status}, expected ${visit.status}.`, answer.where);
    }
    const missing = visit.bodyIncludes.find((text) => !answer.body.includes(text));
    if (missing !== undefined) return fail(`${asked} answered without "${missing}".`, answer.where);
    if (visit.logsClient && !answer.appLog.includes(spec.client)) {
      const logged = answer.appLog.trim().split('\n').filter(Boolean).slice(-2).join(' | ') || 'nothing';
      return fail(
        `${asked}: the app server's log does not name the visitor ${spec.client} (it wrote: ${logged}). ` +
          "Behind a proxy, the address a log keeps must be the visitor's, from the one header the proxy sets.",
        answer.where,
      );
    }
  }
  const probe = await front.send({
    scheme: 'https',
    method: 'GET',
    path: '/',
    headers: [['Host', spec.host]],
    client: spec.client,
    probe: true,
  });
  if (probe.status !== 200) return fail(`The app did not answer through ${front.name} (status ${probe.status}).`, probe.where); // prettier-ignore
  const view = JSON.parse(probe.body) as ClientView;
  const site = `https://${spec.host}/`;
  if (!view.externalUrl.startsWith(site)) {
    return fail(
      `Through ${front.name}, the links the app builds (url_for(_external=True)) start ${view.externalUrl}, not ${site}: a visitor following one leaves https.`,
      probe.where,
    );
  }
  return {
    ...base,
    passed: true,
    message: `Through ${front.name}, ${spec.visits.length} visits got their answers, the visitor's address reached the logs, and the app's links are ${site}…`,
  };
}
