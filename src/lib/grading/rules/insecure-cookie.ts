/**
 * insecure-cookie: a cookie that carries the login goes out without Secure, HttpOnly or SameSite
 * protection. Decided from the live app's config (what Flask will put on the session cookie), the
 * Set-Cookie headers of a plain GET /, and the project's own `set_cookie` calls (read with ast).
 *
 * Secure is judged where the repository shows the site served over TLS (an nginx TLS server): on
 * a site served over plain http, Secure alone fixes nothing (the browser would send the cookie
 * nowhere), and TLS a platform adds outside the repository is not assumed. A ProxyFix trusting
 * X-Forwarded-Proto is no evidence of TLS: it says a proxy may set the scheme, not that one
 * terminates TLS. HttpOnly off and SameSite=None are reported whatever the transport: they let a
 * script, or another site, use the login.
 */
import { describeExit, runApp, send, where } from '../context';
import { tlsServers } from '../nginx-scan';
import { loadNginx } from '../proxy-chain';
import type { GradingContext } from '../context';
import type { Rule } from '../rule';
import type { Finding } from '../types';
import type { AppFacts, SourceLocation } from '../../runtime/protocol';

function lastWritten(facts: AppFacts, name: string): SourceLocation | null {
  const written = facts.settingLocations?.[name] ?? [];
  const last = written[written.length - 1];
  return last ? { file: last.file, line: last.line } : null;
}

function firstWritten(facts: AppFacts, name: string): SourceLocation | null {
  const first = facts.settingLocations?.[name]?.[0];
  return first ? { file: first.file, line: first.line } : null;
}

/** What puts the site behind TLS, in words, or null. */
function behindTls(context: GradingContext): string | null {
  const loaded = context.nginx !== undefined ? context.nginx : loadNginx(context.files);
  if (loaded?.ok) {
    const tls = tlsServers(loaded.nginx.config)[0];
    if (tls) return `nginx serves the site over TLS (${where({ file: tls.block.file, line: tls.block.line })})`;
  }
  return null;
}

/** Cookies set by a response, by name, with their attributes lower-cased. */
function cookiesSet(headers: Array<[string, string]>): Array<{ name: string; attributes: string[] }> {
  return headers
    .filter(([name]) => name.toLowerCase() === 'set-cookie')
    .map(([, value]) => {
      const [pair = '', ...attributes] = value.split(';').map((part) => part.trim());
      return { name: pair.split('=')[0] ?? '', attributes: attributes.map((a) => a.toLowerCase()) };
    });
}

function pythonValue(value: unknown): string {
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (value === null) return 'None';
  return JSON.stringify(value);
}

export const insecureCookie: Rule = {
  id: 'insecure-cookie',
  scope: 'app',
  severity: 'medium',
  title: 'The session cookie lacks Secure, HttpOnly or SameSite',
  explanation:
    'Without Secure the browser also sends the session cookie over plain http, where anyone on the network reads it; ' +
    'without HttpOnly any injected script can steal it; SameSite=None sends it along with requests from other sites ' +
    '(CWE-614, CWE-1004, CWE-1275).',
  fix: 'Set SESSION_COOKIE_SECURE=True where the site is served over https, keep SESSION_COOKIE_HTTPONLY=True (the default) and SESSION_COOKIE_SAMESITE="Lax"; pass secure=True, httponly=True, samesite="Lax" to set_cookie.',
  references: [
    'https://flask.palletsprojects.com/en/stable/security/#set-cookie-options',
    'https://cwe.mitre.org/data/definitions/614.html',
    'https://cwe.mitre.org/data/definitions/1004.html',
  ],
  async evaluate(context) {
    const outcome = await runApp(context, context.production.env);
    if (!outcome.serving) return { findings: [], inconclusive: describeExit(outcome) };
    const facts = await context.runtime.call('facts', { session: 'grader', files: context.files });
    const settings = facts.settings ?? {};
    const fallback = firstWritten(facts, 'Flask') ?? outcome.serving.calledFrom ?? context.production.commandSource;
    const findings: Finding[] = [];
    const add = (message: string, location: SourceLocation | null) =>
      findings.push({
        rule: 'insecure-cookie',
        severity: 'medium',
        message,
        file: (location ?? fallback)?.file,
        line: (location ?? fallback)?.line,
      });

    const httpOnly = settings['SESSION_COOKIE_HTTPONLY'];
    if (httpOnly && httpOnly.value === false) {
      const location = lastWritten(facts, 'SESSION_COOKIE_HTTPONLY');
      add(
        `SESSION_COOKIE_HTTPONLY = False${location ? ` at ${where(location)}` : ''}: scripts on the page can read the session cookie, so one injected script steals the session.`,
        location,
      );
    }
    const sameSite = settings['SESSION_COOKIE_SAMESITE'];
    const sameSiteWritten = lastWritten(facts, 'SESSION_COOKIE_SAMESITE');
    if (
      sameSite &&
      ((typeof sameSite.value === 'string' && sameSite.value.toLowerCase() === 'none') ||
        (sameSite.value === null && sameSiteWritten))
    ) {
      add(
        `SESSION_COOKIE_SAMESITE = ${pythonValue(sameSite.value)}${sameSiteWritten ? ` at ${where(sameSiteWritten)}` : ''}: browsers send the session cookie with requests from other sites, so they carry the login.`,
        sameSiteWritten,
      );
    }

    const tls = behindTls(context);
    const secure = settings['SESSION_COOKIE_SECURE'];
    if (tls && (!secure || secure.value !== true)) {
      const secureWritten = lastWritten(facts, 'SESSION_COOKIE_SECURE');
      const shown = secure ? pythonValue(secure.value) : 'False';
      const setting = secureWritten
        ? `SESSION_COOKIE_SECURE = ${shown} at ${where(secureWritten)}`
        : `SESSION_COOKIE_SECURE is ${shown} (Flask's default)`;
      // The session cookie is in use where flask's session or Flask-Login is; a set_cookie call
      // sets a cookie of its own, judged at the call.
      const calls = new Set((facts.cookieCalls ?? []).map((call) => `${call.file}:${call.line}`));
      const usesCookies =
        (facts.settingLocations?.['cookies'] ?? []).find((entry) => !calls.has(`${entry.file}:${entry.line}`)) ?? null;
      const response = await send(context, { method: 'GET', path: '/', headers: {} });
      // A cookie the code's own set_cookie call sets is reported at that call, below.
      const setByCall = new Set(loginCookieCalls(facts).map((call) => call.name));
      const plain = cookiesSet(response.headers).filter(
        (cookie) => !cookie.attributes.includes('secure') && !setByCall.has(cookie.name),
      );
      if (plain.length > 0) {
        const names = plain.map((cookie) => cookie.name).join(', ');
        add(
          `${capitalized(tls)}, and GET / sets the cookie ${names} without Secure (${setting}): the browser also sends it over plain http, where anyone on the network reads it.`,
          secureWritten ?? usesCookies,
        );
      } else if (secureWritten || usesCookies) {
        const uses = usesCookies && !secureWritten ? ` and the app uses cookies (${where(usesCookies)})` : '';
        add(
          `${capitalized(tls)}${uses}, but ${setting}: the browser also sends the session cookie over plain http, where anyone on the network reads it.`,
          secureWritten ?? usesCookies,
        );
      }
    }
    for (const call of loginCookieCalls(facts)) {
      const named = `set_cookie(${JSON.stringify(call.name)}, …) at ${where(call)} sets a cookie that carries the login`;
      if (lacks(call.httponly)) {
        add(
          `${named} ${flagWritten('httponly', call.httponly)}: any script on the page reads it, so one injected script steals the login.`,
          call,
        );
      }
      if (tls && lacks(call.secure)) {
        add(
          `${capitalized(tls)}, but ${named} ${flagWritten('secure', call.secure)}: the browser also sends it over plain http, where anyone on the network reads it.`,
          call,
        );
      }
    }
    return { findings };
  },
};

/**
 * Names of cookies that carry a login (an auth token, a session id, a remember-me token): only
 * those are worth stealing with a script. A theme or language cookie without HttpOnly harms no
 * one, and a CSRF token cookie is meant to be read by the page's script (double-submit), so
 * neither is a finding. Hand-written: what a cookie is for is said only by its name (its value
 * is often a variable whose name says little: `value`, `data`).
 */
const LOGIN_COOKIE = /(auth|token|session|sess_?id|^sid$|jwt|login|remember|access|refresh|api_?key|credential)/i;
const SCRIPT_READ_COOKIE = /(csrf|xsrf)/i;

/** A set_cookie flag left off: not passed (Werkzeug's default is off) or a literal False. */
const lacks = (flag: unknown) => flag === null || flag === false;
const flagWritten = (name: string, flag: unknown) =>
  flag === null ? `without ${name}` : `with ${name}=${pythonValue(flag)}`;

/** The project's set_cookie calls for a cookie that carries the login. */
function loginCookieCalls(facts: AppFacts) {
  return (facts.cookieCalls ?? []).filter((call) => {
    return call.name !== null && LOGIN_COOKIE.test(call.name) && !SCRIPT_READ_COOKIE.test(call.name);
  });
}

const capitalized = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
