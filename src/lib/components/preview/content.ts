/** How the preview shows a response. Pure. */
import type { HttpResponse } from '../../runtime/protocol';

export function headerValue(response: Pick<HttpResponse, 'headers'>, name: string): string | null {
  const lower = name.toLowerCase();
  return response.headers.find(([n]) => n.toLowerCase() === lower)?.[1] ?? null;
}

/** HTML renders in the sandboxed frame; everything else shows as text. */
export function isHtml(response: Pick<HttpResponse, 'headers'>): boolean {
  return /^\s*(text\/html|application\/xhtml\+xml)\b/i.test(headerValue(response, 'content-type') ?? '');
}

/** What the address bar holds, as a request path: `orders/1` and full URLs become `/orders/1`. */
export function normalizePath(input: string): string {
  const trimmed = input.trim();
  if (!trimmed) return '/';
  const url = /^https?:\/\/[^/?#]+(.*)$/i.exec(trimmed);
  const rest = url ? url[1]! : trimmed;
  return rest.startsWith('/') ? rest : `/${rest}`;
}
