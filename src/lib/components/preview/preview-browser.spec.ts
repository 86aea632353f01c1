import { describe, expect, it } from 'vitest';
import type { HttpResponse } from '../../runtime/protocol';
import { PreviewBrowser, type PageRequest } from './preview-browser';

type Reply = Omit<HttpResponse, 'log'>;
const reply = (status: number, headers: Array<[string, string]> = [], body = ''): Reply => ({
  status,
  reason: '',
  headers,
  body,
  interrupted: false,
});

/** A tiny app: a login form that sets a session cookie and redirects, and a page that reads it. */
function shop() {
  const seen: PageRequest[] = [];
  const browser = new PreviewBrowser(async (request) => {
    seen.push(request);
    const url = new URL(request.url);
    const cookie = request.headers?.find(([n]) => n === 'Cookie')?.[1] ?? '';
    if (url.pathname === '/login' && request.method === 'POST') {
      return {
        response: reply(302, [
          ['Location', '/account'],
          ['Set-Cookie', 'session=abc; Path=/; HttpOnly; SameSite=Lax'],
          ['Set-Cookie', 'theme=dark; Path=/account'],
        ]),
        failure: null,
      };
    }
    if (url.pathname === '/account') return { response: reply(200, [], `cookie=${cookie}`), failure: null };
    if (url.pathname === '/loop') return { response: reply(302, [['Location', '/loop']]), failure: null };
    if (url.pathname === '/gone') return { response: null, failure: 'curl: (7) Failed to connect' };
    return { response: reply(200, [], `page ${url.pathname}`), failure: null };
  });
  return { browser, seen };
}

const ORIGIN = 'http://localhost:5000';

describe('PreviewBrowser', () => {
  it('follows a POST redirect with a GET, keeps the cookies it set, and sends them back', async () => {
    const { browser, seen } = shop();
    const page = await browser.navigate({ method: 'POST', url: `${ORIGIN}/login`, body: 'user=ann' });
    expect(page.url).toBe(`${ORIGIN}/account`);
    expect(page.redirects).toEqual([{ status: 302, url: `${ORIGIN}/account` }]);
    expect(seen[1]).toMatchObject({ method: 'GET', url: `${ORIGIN}/account` });
    expect(seen[1]!.body).toBeUndefined();
    // RFC 6265 5.4: longer paths first.
    expect(page.response?.body).toBe('cookie=theme=dark; session=abc');
    // Path=/account keeps theme away from /.
    await browser.navigate({ method: 'GET', url: `${ORIGIN}/` });
    expect(seen.at(-1)!.headers).toContainEqual(['Cookie', 'session=abc']);
    expect(browser.cookies().map((c) => [c.name, c.flags.includes('HttpOnly')])).toEqual([
      ['session', true],
      ['theme', false],
    ]);
    // Scripts never see an HttpOnly cookie.
    expect(browser.scriptCookies(`${ORIGIN}/account`)).toBe('theme=dark');
  });

  it('goes back and forward through the pages it landed on, and a new page drops the forward ones', async () => {
    const { browser } = shop();
    await browser.navigate({ method: 'GET', url: `${ORIGIN}/a` });
    await browser.navigate({ method: 'POST', url: `${ORIGIN}/login` });
    expect(browser.current).toEqual({ method: 'GET', url: `${ORIGIN}/account` });
    expect((await browser.back())?.url).toBe(`${ORIGIN}/a`);
    expect(browser.canGoForward).toBe(true);
    expect((await browser.forward())?.url).toBe(`${ORIGIN}/account`);
    await browser.back();
    await browser.navigate({ method: 'GET', url: `${ORIGIN}/b` });
    expect(browser.canGoForward).toBe(false);
    expect(browser.canGoBack).toBe(true);
  });

  it('stops a redirect loop and passes on a connection failure', async () => {
    const { browser } = shop();
    const loop = await browser.navigate({ method: 'GET', url: `${ORIGIN}/loop` });
    expect(loop.response).toBeNull();
    expect(loop.failure).toMatch(/stopped after 10 redirects/);
    const gone = await browser.navigate({ method: 'GET', url: `${ORIGIN}/gone` });
    expect(gone.failure).toBe('curl: (7) Failed to connect');
  });

  it('forgets every cookie when asked', async () => {
    const { browser } = shop();
    await browser.navigate({ method: 'POST', url: `${ORIGIN}/login` });
    browser.clearCookies();
    expect(browser.cookies()).toEqual([]);
  });
});
