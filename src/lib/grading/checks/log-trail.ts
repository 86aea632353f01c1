/**
 * One request through nginx to the app, and the log lines one hop wrote for it: nginx's access log line
 * (the config's log_format) or what the app server logged (Gunicorn's access log, the app's own records).
 * One line must carry the client's address as nginx saw it and/or nginx's $request_id, so a line in either log
 * leads to the other (docs/check-kinds.md, log-trail).
 */
import type { CheckSpec } from '../../content/checks-schema';
import { directives, effectiveArrayDirective, httpScope } from '../../config/nginx';
import { addressBytes } from '../../config/nginx/access-rules';
import type { GradingContext } from '../context';
import { asked, at, chainRequest, realipTrustsClient, startReplay } from '../nginx-replay';
import type { ChainRequest, ChainResponse, LoadedNginx } from '../proxy-chain';
import type { CheckResult } from '../types';

type Spec = Extract<CheckSpec, { kind: 'log-trail' }>;

/** How much of a logged line a message quotes. */
const QUOTE = 160;
/** The line of a failed request that reports the exception (Flask's "Exception on /x [GET]", a traceback). */
const ERROR_LINE = /exception|error|traceback/i;

const quote = (line: string) => JSON.stringify(line.length > QUOTE ? `${line.slice(0, QUOTE)}…` : line);
/**
 * What may be an IPv4 or IPv6 address, in the order the line has them; the address parser allow/deny use
 * (addressBytes) keeps the real ones. Hand-written because log lines are free text (no parser knows their
 * format); times such as 13:02:15 and versions such as curl/8.11.1 are not addresses here.
 */
const ADDRESS = /(?<![0-9A-Za-z.:])(?:(?:\d{1,3}\.){3}\d{1,3}|(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4})(?![0-9A-Za-z.:])/gi;
/** The first address of the line: the one a reader, and every log tool, takes for the client. */
export const firstAddress = (line: string): string | undefined =>
  line.match(ADDRESS)?.find((token) => addressBytes(token) !== null);
const forgedIn = (request: ChainRequest) =>
  request.headers
    .find(([name]) => name.toLowerCase() === 'x-forwarded-for')?.[1]
    ?.split(',')[0]
    ?.trim();

export async function logTrail(spec: Spec, context: GradingContext, env: Record<string, string>): Promise<CheckResult> {
  const base = { id: spec.id, title: spec.title, hint: spec.hint };
  const replay = await startReplay(context, env);
  if (replay === null) {
    return { ...base, passed: false, message: 'There is no nginx config (nginx/shop.conf): nothing logs the request.' };
  }
  const request = chainRequest(spec.request);
  const response = await replay.send(request);
  const judged = spec.hop === 'nginx' ? nginxHop(spec, replay.nginx, context.files, request, response) : appHop(spec, request, response); // prettier-ignore
  return { ...base, ...judged };
}

/** When the line names first the address the client wrote in X-Forwarded-For: what to say. */
function forgedFirst(line: string, request: ChainRequest, fix: string): string {
  const forged = forgedIn(request);
  return forged && firstAddress(line) === forged
    ? ` It names ${forged} first, which the client wrote in X-Forwarded-For: ${fix}.`
    : '';
}

type Verdict = Pick<CheckResult, 'passed' | 'message' | 'file' | 'line'>;

function missing(spec: Spec, line: string, client: string, id: string): string[] {
  const out: string[] = [];
  if (spec.carry.includes('client')) {
    const first = firstAddress(line);
    if (first === undefined) out.push(`the client's address ${client}`);
    else if (first !== client)
      out.push(`the client's address ${client} as its first address (it names ${first} first)`);
  }
  if (spec.carry.includes('request-id') && !line.includes(id)) out.push(`the request id ${id}`);
  return out;
}

function nginxHop(
  spec: Spec,
  nginx: LoadedNginx,
  files: Record<string, string>,
  request: ChainRequest,
  response: ChainResponse,
): Verdict {
  const { decision } = response;
  const entries = decision.accessLogEntries(response.status, response.body.length);
  const what = asked(request);
  if (entries.length === 0) {
    const off = effectiveArrayDirective(decision.chain, 'access_log').find((d) => d.args[0] === 'off');
    return { passed: false, message: `nginx writes no access log line for ${what} (access_log off).`, ...at(off) };
  }
  const good = entries.find((entry) => missing(spec, entry.line, request.client, decision.requestId).length === 0);
  if (good) {
    return { passed: true, message: `nginx logged ${what} with ${spec.carry.join(' and ')}: ${quote(good.line)}.` };
  }
  const entry = entries[0]!;
  const formatName = entry.directive?.args[1] ?? 'combined';
  const format = directives(httpScope(nginx.config), 'log_format').find((d) => d.args[0]?.toLowerCase() === formatName.toLowerCase()); // prettier-ignore
  const lacks = missing(spec, entry.line, request.client, decision.requestId);
  const names = forgedFirst(entry.line, request, 'log $remote_addr, the address nginx saw');
  const realip = lacks.some((l) => l.includes('address')) ? realipTrustsClient(decision, request) : null;
  if (realip) {
    return {
      passed: false,
      message: `nginx's access log line for ${what} lacks ${lacks.join(' and ')}: ${quote(entry.line)}.${realip.note}`,
      ...at(realip.directive),
    };
  }
  // Debian's own access_log (nginx.conf, not a workspace file) is not where the fix goes: the site's server is.
  const culprit = format ?? entry.directive;
  const inWorkspace = culprit && culprit.file in files ? culprit : decision.server;
  return {
    passed: false,
    message: `nginx's access log line for ${what} (format ${formatName}) lacks ${lacks.join(' and ')}: ${quote(entry.line)}.${names}`,
    ...at(inWorkspace),
  };
}

function appHop(spec: Spec, request: ChainRequest, response: ChainResponse): Verdict {
  const { decision } = response;
  const what = asked(request);
  const app = response.hops.find((hop) => hop.name === 'app');
  if (decision.kind !== 'proxy' || !app) {
    return {
      passed: false,
      message: `${what} never reached the app (nginx answered ${response.status} itself): there is no app log to judge.`,
      ...at(decision.location ?? decision.server),
    };
  }
  const id = decision.requestId;
  const lines = app.log.split('\n').filter((line) => line.trim() !== '');
  const candidates = spec.line === 'error' ? lines.filter((line) => ERROR_LINE.test(line)) : lines;
  if (spec.line === 'error' && candidates.length === 0) {
    return {
      passed: false,
      message: `${what} answered ${response.status} and the app logged no error for it: nothing to judge (it must fail and be logged).`,
    };
  }
  const good = candidates.find((line) => missing(spec, line, request.client, id).length === 0);
  const which = spec.line === 'error' ? 'error line' : 'log';
  if (good) return { passed: true, message: `The app's ${which} for ${what} carries ${spec.carry.join(' and ')}: ${quote(good)}.` }; // prettier-ignore
  const passed = decision.headers.some(([, value]) => value === id);
  if (spec.carry.includes('request-id') && !passed) {
    return {
      passed: false,
      message: `nginx does not pass its request id to the app (no proxy_set_header with $request_id in this location), so the app's ${which} for ${what} cannot carry it.`,
      ...at(decision.location ?? decision.server),
    };
  }
  const closest = candidates.find((line) => line.includes(id)) ?? candidates[0] ?? '';
  const lacks = missing(spec, closest, request.client, id);
  const shown = closest ? `: ${quote(closest)}` : ' (it logged nothing)';
  const names = forgedFirst(
    closest,
    request,
    "log the client's address as the app sees it (%(h)s once ProxyFix has run), never the header",
  );
  return {
    passed: false,
    message: `No line of the app's ${which} for ${what} carries ${spec.carry.join(' and ')}; the closest lacks ${lacks.join(' and ')}${shown}.${names}`,
  };
}
