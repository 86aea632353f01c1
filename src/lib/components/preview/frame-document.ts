/**
 * The document the preview's frame writes in: the app's HTML with its sub-resources (stylesheets,
 * scripts, images, and the images and fonts a stylesheet names) fetched from the app the way the
 * page itself would fetch them, and put inline, because the frame fetches nothing itself (its
 * policy allows no request). frame-bridge.ts goes first in <head>.
 *
 * The HTML is parsed with DOMParser, whose documents are inert: nothing in them runs or loads.
 */
import type { HttpResponse } from '../../runtime/protocol';
import { frameBridge, type BridgeOptions } from './frame-bridge';

/** Fetch a sub-resource by absolute URL; null when nothing came back. */
export type FetchResource = (url: string) => Promise<Omit<HttpResponse, 'log'> | null>;

/** How many sub-resources one page may pull in (a page is not a crawler). */
const RESOURCE_LIMIT = 40;

export async function buildFrameDocument(
  html: string,
  bridge: BridgeOptions,
  fetchResource: FetchResource,
): Promise<string> {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  let budget = RESOURCE_LIMIT;
  const load = async (href: string, base: string) => {
    if (budget-- <= 0 || /^(data|javascript|about|blob):/i.test(href)) return null;
    const url = new URL(href, base).href;
    const response = await fetchResource(url);
    return response && response.status < 400 ? { url, response } : null;
  };

  for (const link of doc.querySelectorAll<HTMLLinkElement>('link[href]')) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    if (!rel.includes('stylesheet')) {
      // Icons, preloads and the like would be requested from this site, not the app.
      link.remove();
      continue;
    }
    const loaded = await load(link.getAttribute('href')!, bridge.pageUrl);
    const style = doc.createElement('style');
    if (link.media) style.media = link.media;
    style.textContent = loaded ? await inlineCssUrls(loaded.response.body, loaded.url, load) : '';
    link.replaceWith(style);
  }
  for (const style of doc.querySelectorAll('style')) {
    if (style.textContent) style.textContent = await inlineCssUrls(style.textContent, bridge.pageUrl, load);
  }
  for (const script of doc.querySelectorAll<HTMLScriptElement>('script[src]')) {
    const loaded = await load(script.getAttribute('src')!, bridge.pageUrl);
    script.removeAttribute('src');
    script.textContent = loaded ? scriptText(loaded.response.body) : '';
  }
  for (const img of doc.querySelectorAll<HTMLImageElement>('img[src], input[type=image][src]')) {
    const loaded = await load(img.getAttribute('src')!, bridge.pageUrl);
    img.setAttribute('src', loaded ? dataUrl(loaded.response) : 'data:,');
    img.removeAttribute('srcset');
  }

  const script = doc.createElement('script');
  script.textContent = scriptText(`(${frameBridge.toString()})(${JSON.stringify(bridge)});`);
  doc.head.prepend(script);
  const doctype = doc.doctype ? `<!doctype ${doc.doctype.name}>` : '';
  return doctype + doc.documentElement.outerHTML;
}

/**
 * Script text as it may stand inside <script>: serialisation writes it raw, so a `</script` in it
 * would end the element early. `<\/script` means the same in JavaScript (in a string, a regex or
 * a comment; nowhere else can it occur).
 */
function scriptText(js: string): string {
  return js.replace(/<\/(script)/gi, '<\\/$1');
}

async function inlineCssUrls(
  css: string,
  base: string,
  load: (href: string, base: string) => Promise<{ url: string; response: Omit<HttpResponse, 'log'> } | null>,
): Promise<string> {
  const pattern = /url\(\s*(['"]?)([^'")]+)\1\s*\)/g;
  const urls = [...new Set([...css.matchAll(pattern)].map((m) => m[2]!))];
  const inlined = new Map<string, string>();
  for (const href of urls) {
    const loaded = await load(href, base);
    inlined.set(href, loaded ? dataUrl(loaded.response) : 'data:,');
  }
  return css.replace(pattern, (_, _quote, href: string) => `url("${inlined.get(href) ?? 'data:,'}")`);
}

function dataUrl(response: Omit<HttpResponse, 'log'>): string {
  const type =
    response.headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? 'application/octet-stream';
  return response.bodyBase64 !== undefined
    ? `data:${type.split(';')[0]};base64,${response.bodyBase64}`
    : `data:${type.split(';')[0]};charset=utf-8,${encodeURIComponent(response.body)}`;
}
