/**
 * The preview of each lesson: its own browser (history, cookie jar) and the page it shows, so a
 * lesson opens on its own last page and never on the previous lesson's. Requests go the way the
 * terminal's curl goes (site-route.ts): to the app server, or through nginx when the lesson's
 * workspace has a config for it.
 */
import { toUrl } from '../components/terminal/commands';
import { planRequest, sendPlanned } from '../components/terminal/site-route';
import { buildFrameDocument } from '../components/preview/frame-document';
import { PreviewBrowser, type CookieRow, type Fetched, type PageRequest } from '../components/preview/preview-browser';
import { isHtml, normalizePath } from '../components/preview/content';
import type { HttpResponse } from '../runtime/protocol';
import { run } from './run.svelte';
import { runtime, TERMINAL_SESSION } from './runtime.svelte';
import { workspace } from './workspace.svelte';

/** The origin the preview's URLs name: the site as nginx (or Apache) serves it, or the app server itself. */
export function siteOrigin(): string {
  const plan = planRequest(workspace.snapshot(), { method: 'GET', path: '/', headers: [] });
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a URL read once, not state
  if (plan.via === 'nginx' || plan.via === 'apache') return new URL(plan.url).origin;
  return `http://localhost:${run.serving?.port ?? 5000}`;
}

/** Send one request as curl would, given an absolute URL at the site. */
async function send(request: PageRequest): ReturnType<ConstructorParameters<typeof PreviewBrowser>[0]> {
  const url = new URL(request.url);
  const origin = siteOrigin();
  if (url.origin !== origin) {
    return { response: null, failure: `the preview only visits your app (${origin}); ${url.origin} is outside it` };
  }
  const plan = planRequest(workspace.snapshot(), {
    method: request.method,
    path: url.pathname + url.search,
    headers: request.headers ?? [],
    body: request.body,
    // Through nginx the URL decides scheme and Host; the app server alone is the one host there is.
    ...(origin.startsWith('http://localhost:') ? {} : { url: toUrl(url.href) ?? undefined }),
  });
  const exchange = await sendPlanned(runtime.client, TERMINAL_SESSION, run.serving, plan);
  if (exchange.response && exchange.response.status === 0) {
    return { response: null, failure: `Failed to connect to ${url.host}: nothing is running. Press Run first.` };
  }
  return { response: exchange.response, failure: exchange.failure };
}

export class LessonPreview {
  page = $state<Fetched | null>(null);
  /** The document the frame writes in, for an HTML page. */
  frameHtml = $state<string | null>(null);
  /** Changes with every page shown, so the frame is a fresh one each time (a real page load). */
  renderId = $state(0);
  address = $state('/');
  loading = $state(false);
  /** An alert() from the page, or a note such as a blocked link. */
  notice = $state<string | null>(null);
  cookies = $state<CookieRow[]>([]);
  canGoBack = $state(false);
  canGoForward = $state(false);
  readonly browser = new PreviewBrowser(send);
  private generation = 0;
  /**
   * The current page's sub-resources (stylesheets, scripts, images) by URL: each is fetched once
   * per page load, as a browser's memory cache does, however often the page names it (Werkzeug's
   * debugger adds the same console icon to every traceback frame). A new page load starts empty.
   */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a cache, not UI state
  private resources = new Map<string, Promise<Omit<HttpResponse, 'log'> | null>>();

  /** The address bar's text as a request: a path, or a full URL at the site. */
  go(address: string): Promise<void> {
    const trimmed = address.trim();
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a URL read once, not state
    const url = /^https?:\/\//i.test(trimmed) ? trimmed : new URL(normalizePath(trimmed), siteOrigin()).href;
    return this.show(() => this.browser.navigate({ method: 'GET', url }));
  }

  navigate(request: PageRequest): Promise<void> {
    return this.show(() => this.browser.navigate(request));
  }
  back(): Promise<void> {
    return this.show(() => this.browser.back());
  }
  forward(): Promise<void> {
    return this.show(() => this.browser.forward());
  }
  reload(): Promise<void> {
    return this.show(() => this.browser.reload());
  }

  /** A fetch or XHR from the page, answered to the frame. Redirects followed, cookies kept. */
  async subrequest(request: PageRequest): Promise<Fetched> {
    const fetched = await this.browser.fetch(request);
    this.cookies = this.browser.cookies();
    return fetched;
  }

  /** A sub-resource of the current page (GET, cookies sent), fetched once per URL per page load. */
  resource(url: string): Promise<Omit<HttpResponse, 'log'> | null> {
    let pending = this.resources.get(url);
    if (!pending) {
      pending = this.browser.fetch({ method: 'GET', url }, [['Accept', '*/*']]).then(
        (fetched) => fetched.response,
        () => null,
      );
      this.resources.set(url, pending);
    }
    return pending;
  }

  setScriptCookie(value: string): void {
    if (this.page) this.browser.setScriptCookie(value, this.page.url);
    this.cookies = this.browser.cookies();
  }

  clearCookies(): void {
    this.browser.clearCookies();
    this.cookies = [];
  }

  private async show(load: () => Promise<Fetched | null>): Promise<void> {
    const mine = ++this.generation;
    this.loading = true;
    this.notice = null;
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a cache, not UI state
    this.resources = new Map();
    try {
      const page = await load();
      if (mine !== this.generation || page === null) return;
      let html: string | null = null;
      if (page.response && isHtml(page.response)) {
        html = await buildFrameDocument(
          page.response.body,
          { pageUrl: page.url, cookies: this.browser.scriptCookies(page.url) },
          (url) => this.resource(url),
        );
      }
      if (mine !== this.generation) return;
      this.page = page;
      this.frameHtml = html;
      this.renderId++;
      // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a URL read once, not state
      const url = new URL(page.url);
      this.address = url.origin === siteOrigin() ? url.pathname + url.search : page.url;
    } catch (error) {
      if (mine !== this.generation) return;
      this.page = {
        url: this.page?.url ?? '',
        response: null,
        failure: error instanceof Error ? error.message : String(error),
        redirects: [],
      };
      this.frameHtml = null;
    } finally {
      if (mine === this.generation) {
        this.loading = false;
        this.cookies = this.browser.cookies();
        this.canGoBack = this.browser.canGoBack;
        this.canGoForward = this.browser.canGoForward;
      }
    }
  }
}

class PreviewState {
  private byLesson = new Map<string, LessonPreview>();

  for(lessonId: string): LessonPreview {
    let preview = this.byLesson.get(lessonId);
    if (!preview) this.byLesson.set(lessonId, (preview = new LessonPreview()));
    return preview;
  }
}

export const previews = new PreviewState();
