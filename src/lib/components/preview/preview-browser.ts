/**
 * The preview as a browser pointed at the app: an address, a history with back and forward, a
 * cookie jar, redirects followed, and every request (page, stylesheet, script, fetch) sent the way
 * the terminal's curl sends it (`send`, see site-route.ts): to the app server, or through nginx
 * when the lesson has one. One instance per lesson (see state/preview.svelte.ts).
 *
 * Cookies live in tough-cookie's RFC 6265 jar (path, expiry, Secure, HttpOnly, SameSite as a
 * browser applies them). No DOM here: the frame and its messages are Preview.svelte's.
 */
import { Cookie, CookieJar } from 'tough-cookie';
import type { HttpResponse } from '../../runtime/protocol';

export interface PageRequest {
  method: string;
  /** Absolute URL at the app, e.g. `http://localhost:5000/orders/1001`. */
  url: string;
  body?: string;
  headers?: Array<[string, string]>;
}

/** What one exchange gave: a response, or curl's reason there was none. */
export interface Fetched {
  url: string;
  response: Omit<HttpResponse, 'log'> | null;
  failure: string | null;
  /** The redirects followed on the way, e.g. `302 → /login`. */
  redirects: Array<{ status: number; url: string }>;
}

/** Sends one request (no redirects, no cookies: the browser adds those) and says what came back. */
export type Send = (
  request: PageRequest,
) => Promise<{ response: Omit<HttpResponse, 'log'> | null; failure: string | null }>;

const MAX_REDIRECTS = 10;
/** The browser's own headers for a page load (the app sees a browser, not curl). */
const PAGE_HEADERS: Array<[string, string]> = [
  ['User-Agent', 'Mozilla/5.0 (prodready preview)'],
  ['Accept', 'text/html,application/xhtml+xml,*/*;q=0.8'],
];

export interface CookieRow {
  name: string;
  value: string;
  path: string;
  flags: string[];
}

export class PreviewBrowser {
  readonly jar = new CookieJar(undefined, {
    looseMode: true,
    rejectPublicSuffixes: false,
    allowSpecialUseDomain: true,
  });
  private entries: PageRequest[] = [];
  private index = -1;

  constructor(private readonly send: Send) {}

  get current(): PageRequest | null {
    return this.entries[this.index] ?? null;
  }
  get canGoBack(): boolean {
    return this.index > 0;
  }
  get canGoForward(): boolean {
    return this.index < this.entries.length - 1;
  }

  /** Load a page and make it the newest history entry (dropping any forward entries). */
  async navigate(request: PageRequest): Promise<Fetched> {
    const fetched = await this.fetch(request, PAGE_HEADERS);
    // A redirected POST lands on a GET of the last URL; that is what back returns to.
    const landed: PageRequest =
      fetched.redirects.length > 0 ? { method: 'GET', url: fetched.url } : { ...request, url: fetched.url };
    this.entries = [...this.entries.slice(0, this.index + 1), landed];
    this.index = this.entries.length - 1;
    return fetched;
  }

  async back(): Promise<Fetched | null> {
    if (!this.canGoBack) return null;
    this.index--;
    return this.fetch(this.current!, PAGE_HEADERS);
  }

  async forward(): Promise<Fetched | null> {
    if (!this.canGoForward) return null;
    this.index++;
    return this.fetch(this.current!, PAGE_HEADERS);
  }

  async reload(): Promise<Fetched | null> {
    return this.current ? this.fetch(this.current, PAGE_HEADERS) : null;
  }

  /**
   * One request with the jar's cookies, storing what the response sets and following redirects
   * as a browser does (303, and 301/302 after a POST, become a GET without a body).
   */
  async fetch(request: PageRequest, defaults: Array<[string, string]> = []): Promise<Fetched> {
    const redirects: Fetched['redirects'] = [];
    let current = request;
    for (;;) {
      const cookie = this.jar.getCookieStringSync(current.url, { http: true });
      const given = current.headers ?? [];
      const named = new Set(given.map(([name]) => name.toLowerCase()));
      const headers: Array<[string, string]> = [
        ...defaults.filter(([name]) => !named.has(name.toLowerCase())),
        ...given.filter(([name]) => name.toLowerCase() !== 'cookie'),
      ];
      if (cookie) headers.push(['Cookie', cookie]);
      const { response, failure } = await this.send({ ...current, headers });
      if (!response) return { url: current.url, response: null, failure, redirects };
      for (const [name, value] of response.headers) {
        if (name.toLowerCase() === 'set-cookie') this.jar.setCookieSync(value, current.url, { ignoreError: true });
      }
      const location = response.headers.find(([name]) => name.toLowerCase() === 'location')?.[1];
      if (!location || response.status < 300 || response.status > 399 || response.status === 304) {
        return { url: current.url, response, failure: null, redirects };
      }
      if (redirects.length >= MAX_REDIRECTS) {
        return { url: current.url, response: null, failure: `stopped after ${MAX_REDIRECTS} redirects`, redirects };
      }
      const next = new URL(location, current.url).href;
      redirects.push({ status: response.status, url: next });
      const keepsMethod = response.status === 307 || response.status === 308 || current.method === 'GET';
      current = keepsMethod
        ? { ...current, url: next }
        : { method: 'GET', url: next, headers: current.headers?.filter(([n]) => !/^content-/i.test(n)) };
    }
  }

  /** `document.cookie` for a page: the cookies a script may read there. */
  scriptCookies(url: string): string {
    return this.jar.getCookieStringSync(url, { http: false });
  }

  /** `document.cookie = …` from a page: stored as a script would store it (never HttpOnly). */
  setScriptCookie(value: string, url: string): void {
    this.jar.setCookieSync(value, url, { http: false, ignoreError: true });
  }

  /** Every cookie in the jar, for the cookies panel. */
  cookies(): CookieRow[] {
    return this.jar.serializeSync()!.cookies.map((json) => {
      const cookie = Cookie.fromJSON(json)!;
      const flags = [
        cookie.httpOnly ? 'HttpOnly' : '',
        cookie.secure ? 'Secure' : '',
        cookie.sameSite && cookie.sameSite !== 'none' ? `SameSite=${cookie.sameSite}` : '',
        cookie.expires instanceof Date ? `expires ${cookie.expires.toISOString().slice(0, 16)}Z` : '',
      ].filter(Boolean);
      return { name: cookie.key, value: cookie.value, path: cookie.path ?? '/', flags };
    });
  }

  clearCookies(): void {
    this.jar.removeAllCookiesSync();
  }
}
