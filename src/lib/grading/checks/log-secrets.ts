/**
 * A visitor mistypes the password once (one character more: a logged typo is nearly the password), logs in
 * through nginx, then browses with the session cookie it got and an Authorization header (an API client's
 * Basic credentials; it runs into the lesson's failing page too), and mistypes the password once more while
 * logged in, so a failed login carries the cookie: no hop's log line may carry the password, the session
 * cookie, the Authorization credentials or a secret of the environment.
 * Logs are kept, shipped and read by more people than the app's secrets should be (docs/check-kinds.md,
 * log-secrets).
 */
import type { CheckSpec } from '../../content/checks-schema';
import { directives, httpScope } from '../../config/nginx';
import type { GradingContext } from '../context';
import { asked, at, chainRequest, startReplay } from '../nginx-replay';
import type { ChainRequest, ChainResponse } from '../proxy-chain';
import { writesSecret } from '../secret-names';
import type { CheckResult } from '../types';

type Spec = Extract<CheckSpec, { kind: 'log-secrets' }>;

/** The API client's credentials (RFC 7617 Basic): known, so a log line that carries them is found. */
const API_CREDENTIALS = btoa('api-client:an-api-token-nobody-should-read');

/** Values shorter than this are too common to call a leak when they appear (a cookie "a=1"). */
const MIN_SECRET = 6;

interface Secret {
  what: string;
  value: string;
}

/** name=value of each Set-Cookie. */
function cookiesSet(response: ChainResponse): Array<[string, string]> {
  return response.headers
    .filter(([name]) => name.toLowerCase() === 'set-cookie')
    .map(([, value]) => value.split(';')[0] ?? '')
    .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)] as [string, string])
    .filter(([name, value]) => name !== '' && value !== '');
}

export async function logSecrets(
  spec: Spec,
  context: GradingContext,
  env: Record<string, string>,
): Promise<CheckResult> {
  const base = { id: spec.id, title: spec.title, hint: spec.hint };
  const fail = (message: string, where: { file?: string; line?: number } = {}): CheckResult => ({
    ...base,
    passed: false,
    message,
    ...where,
  });
  const replay = await startReplay(context, env);
  if (replay === null) return fail('There is no nginx config (nginx/shop.conf): nothing to judge.');
  const post = (fields: Record<string, string>, extra: Record<string, string> = {}) => {
    const form = new URLSearchParams(fields).toString();
    return chainRequest({
      scheme: 'https',
      method: 'POST',
      path: spec.login.path,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': String(form.length), ...extra },
      body: form,
      client: '198.51.100.23',
    });
  };
  const mistyped = Object.fromEntries(Object.entries(spec.login.form).map(([k, v]) => [k, /pass/i.test(k) ? `${v}!` : v])); // prettier-ignore
  const typo = post(mistyped);
  const exchanges: Array<{ request: ChainRequest; response: ChainResponse }> = [];
  exchanges.push({ request: typo, response: await replay.send(typo) });
  const login = post(spec.login.form);
  const loggedIn = await replay.send(login);
  exchanges.push({ request: login, response: loggedIn });
  const cookies = cookiesSet(loggedIn);
  if (cookies.length === 0) {
    return fail(`${asked(login)} answered ${loggedIn.status} without setting a cookie: the login must work (and set its session cookie) for its logs to be judged.`); // prettier-ignore
  }
  const cookieHeader = cookies.map(([name, value]) => `${name}=${value}`).join('; ');
  for (const path of [...spec.after, context.production.attack.path]) {
    const headers = { Cookie: cookieHeader, Authorization: `Basic ${API_CREDENTIALS}` };
    const request = chainRequest({ scheme: 'https', method: 'GET', path, headers, client: '198.51.100.23' });
    exchanges.push({ request, response: await replay.send(request) });
  }
  // A failed login is where apps log the most of a request; this one carries the session cookie.
  const typoLoggedIn = post(mistyped, { Cookie: cookieHeader });
  exchanges.push({ request: typoLoggedIn, response: await replay.send(typoLoggedIn) });
  const secrets: Secret[] = [
    ...Object.entries(spec.login.form)
      .filter(([name]) => /pass/i.test(name))
      .map(([name, value]) => ({ what: `the password (form field ${name})`, value })),
    ...cookies.map(([name, value]) => ({ what: `the ${name} cookie`, value })),
    { what: "the Authorization header's credentials", value: API_CREDENTIALS },
    ...Object.entries(env)
      .filter(([name, value]) => writesSecret(name, value))
      .map(([name, value]) => ({ what: name, value })),
  ].filter((secret) => secret.value.length >= MIN_SECRET);

  for (const { request, response } of exchanges) {
    for (const hop of response.hops) {
      const secret = secrets.find((s) => hop.log.includes(s.value) || hop.log.includes(encodeURIComponent(s.value)));
      if (!secret) continue;
      if (hop.name === 'nginx') {
        const formats = directives(httpScope(replay.nginx.config), 'log_format');
        const culprit = formats.find((d) =>
          /\$(\{)?(http_cookie|cookie_|request_body|http_authorization)/i.test(d.args.join(' ')),
        );
        return fail(
          `nginx's access log line for ${asked(request)} carries ${secret.what}: anyone who reads the logs can use it.`,
          at(culprit ?? formats[0]),
        );
      }
      return fail(
        `The app's log for ${asked(request)} carries ${secret.what}: anyone who reads the logs can use it. Log who and what, never credentials, cookies or the request's headers whole.`,
      );
    }
  }
  const checked = secrets.map((s) => s.what).join(', ');
  return {
    ...base,
    passed: true,
    message: `${exchanges.length} requests (a mistyped password, the login, then with its cookie and an Authorization header, a mistyped password with the cookie): no log line carries ${checked}.`,
  };
}
