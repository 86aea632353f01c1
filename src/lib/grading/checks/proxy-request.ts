/** One request through the learner's nginx config to the app server, with assertions on both ends. */
import type { CheckSpec } from '../../content/checks-schema';
import type { ApacheDecision } from '../../config/apache';
import { accessRules, accessVerdict, type ProxyDecision } from '../../config/nginx';
import type { ClientView } from '../../runtime/protocol';
import { GRADER_SESSION, startApp, type GradingContext } from '../context';
import { tracebackIn } from '../leaks';
import { apacheChainBlocker, loadApache, parsedApache, sendThroughApache } from '../apache-chain';
import { chainBlocker, loadNginx, parsedNginx, sendThroughProxy, type ChainRequest } from '../proxy-chain';
import { BlockedError, type CheckResult } from '../types';

type Spec = Extract<CheckSpec, { kind: 'proxy-request' }>;

const DEFAULT_HOST = 'shop.example';

export async function proxyRequest(
  spec: Spec,
  context: GradingContext,
  env: Record<string, string>,
): Promise<CheckResult> {
  const base = { id: spec.id, title: spec.title, hint: spec.hint };
  const fail = (problem: string, at?: { file: string; line: number } | null): CheckResult => ({
    ...base,
    passed: false,
    message: `${problem} ${spec.because}.`,
    file: at?.file,
    line: at?.line,
  });
  const { request, expect } = spec;
  const headers = Object.entries(request.headers);
  if (!headers.some(([name]) => name.toLowerCase() === 'host')) headers.unshift(['Host', DEFAULT_HOST]);
  const chainRequest: ChainRequest = {
    scheme: request.scheme,
    method: request.method,
    path: request.path,
    headers,
    body: request.bodyBytes === undefined ? undefined : 'a'.repeat(request.bodyBytes),
    client: request.client,
    probe: request.probe,
  };
  const front = spec.via === 'apache' ? 'Apache' : 'nginx';
  const sent = spec.via === 'apache' ? await throughApache(context, env, chainRequest) : await throughNginx(context, env, chainRequest); // prettier-ignore
  if (sent === null)
    return fail(`There is no ${front} config (${spec.via === 'apache' ? 'apache' : 'nginx'}/shop.conf).`);
  const { response, where } = sent;
  const asked = `${request.method} ${request.scheme}://${DEFAULT_HOST}${request.path}`;
  if (expect.status !== undefined && response.status !== expect.status) {
    const note =
      expect.status === 403 && sent.nginxDecision
        ? accessNote(sent.nginxDecision, request.client)
        : sent.apacheDecision
          ? apacheNote(sent.apacheDecision, request.path)
          : '';
    return fail(`${asked} answered ${response.status}, expected ${expect.status}.${note}`, where);
  }
  if (expect.redirectTo !== undefined) {
    const location = response.headers.find(([name]) => name.toLowerCase() === 'location')?.[1];
    if (!location?.startsWith(expect.redirectTo)) {
      return fail(
        `${asked} answered ${response.status} without a redirect to ${expect.redirectTo}…${location ? ` (Location: ${location})` : ''}.`,
        where,
      );
    }
  }
  for (const header of expect.headers) {
    if (!response.headers.some(([name]) => name.toLowerCase() === header.toLowerCase())) {
      return fail(`${asked} answered ${response.status} without ${header}.`, where);
    }
  }
  for (const header of expect.absentHeaders) {
    const sent = response.headers.find(([name]) => name.toLowerCase() === header.toLowerCase());
    if (sent) return fail(`${asked} answered ${response.status} with ${sent[0]}: ${sent[1]}.`, where);
  }
  for (const [header, pattern] of Object.entries(expect.headersExclude)) {
    const values = response.headers.filter(([name]) => name.toLowerCase() === header.toLowerCase());
    if (values.length === 0) return fail(`${asked} answered ${response.status} without ${header}.`, where);
    const bad = values.find(([, value]) => new RegExp(pattern, 'i').test(value));
    if (bad) return fail(`${asked} answered ${response.status} with ${bad[0]}: ${bad[1]}.`, where);
  }
  if (expect.noTraceback) {
    const leak = tracebackIn(response.body);
    if (leak) return fail(`${asked} answered with ${leak}.`, where);
  }
  if (request.probe) {
    if (response.status !== 200)
      return fail(`${asked}: the app did not answer the probe (status ${response.status}).`, where);
    const view = JSON.parse(response.body) as ClientView;
    const wrong: string[] = [];
    if (expect.remoteAddr !== undefined && view.remoteAddr !== expect.remoteAddr) {
      wrong.push(`remote_addr is ${JSON.stringify(view.remoteAddr)}, expected ${JSON.stringify(expect.remoteAddr)}`);
    }
    if (expect.scheme !== undefined && view.scheme !== expect.scheme) {
      wrong.push(`the scheme is ${view.scheme}, expected ${expect.scheme}`);
    }
    if (expect.host !== undefined && view.host !== expect.host) {
      wrong.push(`the host is ${JSON.stringify(view.host)}, expected ${JSON.stringify(expect.host)}`);
    }
    if (expect.externalUrlPrefix !== undefined && !view.externalUrl.startsWith(expect.externalUrlPrefix)) {
      wrong.push(`url_for(_external=True) gives ${view.externalUrl}`);
    }
    if (wrong.length > 0) return fail(`Through ${front}, the app sees: ${wrong.join('; ')}.`, where);
  }
  return { ...base, passed: true, message: `${asked} answered ${response.status} as expected.` };
}

/** Why nginx let a client in that it should have refused, from its access rules (ngx_http_access_module). */
function accessNote(decision: ProxyDecision, client: string): string {
  const rules = accessRules(decision.chain);
  if (rules.length === 0) return ` No allow or deny applies there, so nginx lets ${client} in.`;
  if (decision.kind === 'return' && !decision.refusedBy) {
    return ' Its return answers in the rewrite phase, before nginx reads allow and deny: proxy_pass there instead, or refuse first.';
  }
  if (!accessVerdict(decision.chain, client).rule) {
    return ` No allow or deny matches ${client}, and nginx lets in what no rule refuses: end the list with deny all.`;
  }
  return '';
}

/** What the virtual Apache did that explains a wrong answer: a redirect's status, the path through ProxyPass. */
function apacheNote(decision: ApacheDecision, path: string): string {
  // mod_alias: a Redirect with no status answers 302 (httpd 2.4 docs, mod_alias, Redirect).
  if (decision.kind === 'answer' && decision.status === 302 && decision.at?.name === 'Redirect')
    return ` ${decision.at.name} ${decision.at.args.join(' ')} answers 302 (mod_alias's default, "temporary"): write Redirect permanent for a 301.`;
  const why = 'ProxyPass joins its URL and the rest of the path as written: a slash on both sides, or on neither.';
  if (decision.kind === 'answer' && decision.errorLog) return ` Apache's error log: ${decision.errorLog}. ${why}`;
  if (decision.kind === 'proxy' && decision.path.split('?')[0] !== path.split('?')[0])
    return ` The app got ${decision.path} for ${path}. ${why}`;
  return '';
}

interface Sent {
  response: { status: number; headers: Array<[string, string]>; body: string };
  /** What the virtual nginx decided (through nginx only). */
  nginxDecision?: ProxyDecision;
  /** What the virtual Apache decided (through Apache only). */
  apacheDecision?: ApacheDecision;
  where: { file: string; line: number } | null;
}

async function throughNginx(
  context: GradingContext,
  env: Record<string, string>,
  request: ChainRequest,
): Promise<Sent | null> {
  const nginx = parsedNginx(loadNginx(context.files));
  if (nginx === null) return null;
  const { serving } = await startApp(context, env);
  const response = await sendThroughProxy(context.runtime, GRADER_SESSION, nginx, serving, request);
  const blocking = chainBlocker(nginx, request, response);
  if (blocking) throw new BlockedError(blocking);
  const at = response.decision.location ?? response.decision.server;
  return { response, where: at ? { file: at.file, line: at.line } : null, nginxDecision: response.decision };
}

async function throughApache(
  context: GradingContext,
  env: Record<string, string>,
  request: ChainRequest,
): Promise<Sent | null> {
  const apache = parsedApache(loadApache(context.files));
  if (apache === null) return null;
  const { serving } = await startApp(context, env);
  const response = await sendThroughApache(context.runtime, GRADER_SESSION, apache, serving, request);
  const blocking = apacheChainBlocker(apache, request, response);
  if (blocking) throw new BlockedError(blocking);
  const at = response.decision.at ?? response.decision.vhost;
  return { response, where: at ? { file: at.file, line: at.line } : null, apacheDecision: response.decision };
}
