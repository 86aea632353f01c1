/**
 * The script put at the top of every page the preview shows. The page lives in a sandboxed frame
 * with an opaque origin (no access to this site, its storage or its window), so on its own a link,
 * a form or a `fetch` would go to this site, not to the app. This script catches each of them and
 * asks the parent, by postMessage, to send the request to the app the way curl does (see
 * preview-browser.ts); the parent answers fetches with a message of the same id.
 *
 * It is injected as source text (`(${frameBridge})(…)`), so it must not use anything from outside
 * its own body: no imports, no module-level names.
 */
export interface BridgeOptions {
  /** The page's URL at the app (`http://localhost:5000/orders/1001`): relative links resolve against it. */
  pageUrl: string;
  /** `document.cookie` as the page may read it (no HttpOnly cookies). */
  cookies: string;
}

export function frameBridge(options: BridgeOptions): void {
  const post = (message: Record<string, unknown>) => parent.postMessage({ ...message, bridge: 'prodready' }, '*');
  const resolve = (href: string) => new URL(href, options.pageUrl).href;
  const navigate = (method: string, url: string, body?: string, contentType?: string) =>
    post({ type: 'navigate', method, url, body, contentType });

  /**
   * A body as the browser itself encodes it (multipart/form-data with its boundary, a file's
   * name and type): a Request built, never sent, gives the bytes and the Content-Type. The
   * worker's requests carry UTF-8 text, so a body that is not (a binary file) is refused, with
   * the reason, rather than sent altered.
   */
  const encodeBody = async (
    body: BodyInit,
    url: string,
  ): Promise<{ text: string; contentType: string | null } | { refused: string }> => {
    const request = new Request(url, { method: 'POST', body });
    const bytes = await request.arrayBuffer();
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      return { text, contentType: request.headers.get('content-type') };
    } catch {
      return {
        refused: `not sent: the body (${bytes.byteLength} bytes) is not UTF-8 text, a binary file perhaps; the preview sends text bodies only`,
      };
    }
  };

  window.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0) return;
    const link = (event.target as Element | null)?.closest?.('a[href]');
    const href = link?.getAttribute('href');
    if (!link || href === null || href === undefined || href.startsWith('#') || /^javascript:/i.test(href)) return;
    event.preventDefault();
    navigate('GET', resolve(href));
  });

  const submitForm = async (form: HTMLFormElement, submitter: HTMLElement | null) => {
    const method = (submitter?.getAttribute('formmethod') ?? form.getAttribute('method') ?? 'get').toUpperCase();
    if (method === 'DIALOG') return;
    const action = resolve(submitter?.getAttribute('formaction') ?? form.getAttribute('action') ?? options.pageUrl);
    // The `enctype` and `formEnctype` properties give the spec's three values, whatever was written.
    const enctype = submitter?.hasAttribute('formenctype')
      ? (submitter as HTMLButtonElement).formEnctype
      : form.enctype;
    const data = new FormData(form, submitter);
    if (method === 'POST' && enctype === 'multipart/form-data') {
      const encoded = await encodeBody(data, action);
      if ('refused' in encoded) post({ type: 'notice', text: `The form was ${encoded.refused}.` });
      else navigate('POST', action, encoded.text, encoded.contentType ?? undefined);
      return;
    }
    if (method === 'POST' && enctype === 'text/plain') {
      // HTML's text/plain form encoding: `name=value` lines, a file by its name.
      let text = '';
      for (const [name, value] of data) text += `${name}=${typeof value === 'string' ? value : value.name}\r\n`;
      navigate('POST', action, text, 'text/plain');
      return;
    }
    const fields = new URLSearchParams();
    for (const [name, value] of data) {
      fields.append(name, typeof value === 'string' ? value : value.name);
    }
    if (method === 'POST') {
      navigate('POST', action, fields.toString(), 'application/x-www-form-urlencoded');
    } else {
      const url = new URL(action);
      url.search = fields.toString();
      navigate('GET', url.href);
    }
  };
  window.addEventListener('submit', (event) => {
    if (event.defaultPrevented) return;
    event.preventDefault();
    void submitForm(event.target as HTMLFormElement, event.submitter);
  });
  HTMLFormElement.prototype.submit = function (this: HTMLFormElement) {
    void submitForm(this, null);
  };

  // Scripted navigation (`location.href = …`, `location.reload()`): the Navigation API sees it.
  const nav = (window as unknown as { navigation?: EventTarget }).navigation;
  nav?.addEventListener('navigate', (event) => {
    const e = event as Event & {
      hashChange: boolean;
      cancelable: boolean;
      navigationType: string;
      destination: { url: string };
    };
    if (e.hashChange || !e.cancelable) return;
    e.preventDefault();
    if (e.navigationType === 'reload') return post({ type: 'reload' });
    const destination = new URL(e.destination.url);
    navigate('GET', resolve(destination.pathname + destination.search + destination.hash));
  });

  // fetch and XMLHttpRequest: the parent sends the request and answers with the response.
  interface Answer {
    status: number;
    statusText: string;
    headers: Array<[string, string]>;
    body: string;
    bodyBase64?: string;
    error?: string;
  }
  const pending = new Map<number, (answer: Answer) => void>();
  let nextId = 0;
  window.addEventListener('message', (event) => {
    const data = event.data as { type?: string; id?: number } & Answer;
    if (event.source !== parent || data?.type !== 'fetch-result' || typeof data.id !== 'number') return;
    pending.get(data.id)?.(data);
    pending.delete(data.id);
  });
  const ask = (message: Record<string, unknown>) =>
    new Promise<Answer>((done) => {
      const id = ++nextId;
      pending.set(id, done);
      post({ ...message, id });
    });
  /** A request from the page's scripts, its body encoded as the browser would send it. */
  const exchange = async (
    method: string,
    url: string,
    given: Array<[string, string]>,
    body: BodyInit | null | undefined,
  ): Promise<Answer> => {
    const headers = [...given];
    let text: string | undefined;
    if (body !== undefined && body !== null) {
      const encoded = await encodeBody(body, resolve(url));
      if ('refused' in encoded) return { status: 0, statusText: '', headers: [], body: '', error: encoded.refused };
      text = encoded.text;
      const named = headers.some(([name]) => name.toLowerCase() === 'content-type');
      if (!named && encoded.contentType) headers.push(['Content-Type', encoded.contentType]);
    }
    return ask({ type: 'fetch', method: method.toUpperCase(), url: resolve(url), headers, body: text });
  };

  window.fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const request = input instanceof Request ? input : null;
    const url = request ? request.url : String(input);
    const headers = [...new Headers(init.headers ?? request?.headers ?? {})] as Array<[string, string]>;
    const body = init.body ?? (request?.body ? await request.clone().arrayBuffer() : undefined);
    const answer = await exchange(init.method ?? request?.method ?? 'GET', url, headers, body);
    if (answer.error) throw new TypeError(`Failed to fetch: ${answer.error}`);
    const empty = [101, 204, 205, 304].includes(answer.status);
    const bytes =
      answer.bodyBase64 === undefined ? null : Uint8Array.from(atob(answer.bodyBase64), (c) => c.charCodeAt(0));
    return new Response(empty ? null : (bytes ?? answer.body), {
      status: answer.status >= 200 && answer.status <= 599 ? answer.status : 502,
      statusText: answer.statusText,
      headers: answer.headers,
    });
  };

  class BridgedXMLHttpRequest extends EventTarget {
    readyState = 0;
    status = 0;
    statusText = '';
    responseText = '';
    responseType = '';
    responseURL = '';
    onreadystatechange: ((event: Event) => void) | null = null;
    onload: ((event: Event) => void) | null = null;
    onerror: ((event: Event) => void) | null = null;
    onloadend: ((event: Event) => void) | null = null;
    private method = 'GET';
    private url = '';
    private headers: Array<[string, string]> = [];
    private answerHeaders: Array<[string, string]> = [];
    get response(): unknown {
      if (this.responseType !== 'json') return this.responseText;
      try {
        return JSON.parse(this.responseText);
      } catch {
        return null;
      }
    }
    open(method: string, url: string): void {
      this.method = method;
      this.url = url;
      this.setState(1);
    }
    setRequestHeader(name: string, value: string): void {
      this.headers.push([name, value]);
    }
    getResponseHeader(name: string): string | null {
      const found = this.answerHeaders.filter(([n]) => n.toLowerCase() === name.toLowerCase());
      return found.length ? found.map(([, v]) => v).join(', ') : null;
    }
    getAllResponseHeaders(): string {
      return this.answerHeaders.map(([n, v]) => `${n.toLowerCase()}: ${v}\r\n`).join('');
    }
    abort(): void {}
    overrideMimeType(): void {}
    send(body?: BodyInit | null): void {
      void exchange(this.method, this.url, this.headers, body).then((answer) => {
        this.responseURL = resolve(this.url);
        if (answer.error) {
          this.setState(4);
          this.fire('error');
        } else {
          this.status = answer.status;
          this.statusText = answer.statusText;
          this.answerHeaders = answer.headers;
          this.responseText = answer.body;
          this.setState(4);
          this.fire('load');
        }
        this.fire('loadend');
      });
    }
    private setState(state: number): void {
      this.readyState = state;
      this.fire('readystatechange');
    }
    private fire(type: 'readystatechange' | 'load' | 'error' | 'loadend'): void {
      const event = new Event(type);
      this.dispatchEvent(event);
      this[`on${type}`]?.call(this, event);
    }
  }
  (window as unknown as { XMLHttpRequest: unknown }).XMLHttpRequest = BridgedXMLHttpRequest;

  // Images a script adds later (Werkzeug's console icon on each frame) would be requested from
  // this frame's origin and blocked by its policy: fetch them from the app and show them inline.
  // They are sub-resources: the parent fetches each URL once per page load, as a browser's cache.
  const inlineImage = (img: Element) => {
    const src = img.getAttribute('src');
    if (!src || /^data:/i.test(src)) return;
    img.setAttribute('src', 'data:,');
    void ask({ type: 'resource', url: resolve(src) }).then((answer) => {
      if (answer.error || answer.status >= 400) return;
      const type = (answer.headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? '').split(';')[0];
      img.setAttribute(
        'src',
        answer.bodyBase64 === undefined
          ? `data:${type};charset=utf-8,${encodeURIComponent(answer.body)}`
          : `data:${type};base64,${answer.bodyBase64}`,
      );
    });
  };
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes' && record.target instanceof HTMLImageElement) inlineImage(record.target);
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        if (node instanceof HTMLImageElement) inlineImage(node);
        node.querySelectorAll('img').forEach(inlineImage);
      }
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['src'] });

  // A sandbox without allow-modals drops alert() silently; show it in the preview's status instead.
  window.alert = (message?: unknown) => post({ type: 'alert', text: String(message ?? '') });
  // document.cookie throws in an opaque origin; the page reads the jar's non-HttpOnly cookies.
  Object.defineProperty(document, 'cookie', {
    configurable: true,
    get: () => options.cookies,
    set: (value: string) => post({ type: 'cookie', value: String(value) }),
  });
}
