/**
 * insecure-cookie: the session cookie goes out without Secure, HttpOnly or SameSite protection.
 * Decided from the live app's config (what Flask will put on the cookie) and the Set-Cookie
 * headers of a plain GET /. Secure matters where the site is served over TLS: it is reported when
 * the project sits behind TLS (an nginx TLS server, ProxyFix trusting X-Forwarded-Proto) and the
 * app uses cookies, or when a response really sets a cookie without it. HttpOnly turned off and
 * SameSite=None are reported whenever the code sets them.
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
function behindTls(context: GradingContext, facts: AppFacts): string | null {
  const loaded = context.nginx !== undefined ? context.nginx : loadNginx(context.files);
  if (loaded?.ok) {
    const tls = tlsServers(loaded.nginx.config)[0];
    if (tls) return `nginx serves the site over TLS (${where({ file: tls.block.file, line: tls.block.line })})`;
  }
  if (facts.proxyFix && facts.proxyFix.x_proto > 0) {
    const at = facts.proxyFix.location ? ` at ${where(facts.proxyFix.location)}` : '';
    return `ProxyFix trusts X-Forwarded-Proto${at}, so a TLS proxy stands in front`;
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

    const secure = settings['SESSION_COOKIE_SECURE'];
    if (!secure || secure.value !== true) {
      const secureWritten = lastWritten(facts, 'SESSION_COOKIE_SECURE');
      const shown = secure ? pythonValue(secure.value) : 'False';
      const setting = secureWritten
        ? `SESSION_COOKIE_SECURE = ${shown} at ${where(secureWritten)}`
        : `SESSION_COOKIE_SECURE is ${shown} (Flask's default)`;
      const response = await send(context, { method: 'GET', path: '/', headers: {} });
      const plain = cookiesSet(response.headers).filter((cookie) => !cookie.attributes.includes('secure'));
      const tls = behindTls(context, facts);
      const usesCookies = firstWritten(facts, 'cookies');
      if (plain.length > 0) {
        const names = plain.map((cookie) => cookie.name).join(', ');
        add(
          `GET / sets the cookie ${names} without Secure (${setting}): the browser also sends it over plain http, where anyone on the network reads it.`,
          secureWritten ?? usesCookies,
        );
      } else if (tls && (secureWritten || usesCookies)) {
        const uses = usesCookies && !secureWritten ? ` and the app uses cookies (${where(usesCookies)})` : '';
        add(
          `${tls.charAt(0).toUpperCase()}${tls.slice(1)}${uses}, but ${setting}: the browser also sends the session cookie over plain http, where anyone on the network reads it.`,
          secureWritten ?? usesCookies,
        );
      }
    }
    return { findings };
  },
};
