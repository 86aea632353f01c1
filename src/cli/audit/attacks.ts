/** The requests the audit sends to make an app fail, chosen from its own routes. */
import type { RequestSpec } from '../../lib/content/checks-schema';

export const NOT_FOUND: RequestSpec = { method: 'GET', path: '/__prodready_not_found__', headers: {} };

/** Requests likely to make the app fail: each route with a free-form variable, given a bad value. */
export function attacksFor(routes: readonly string[]): RequestSpec[] {
  const attacks: RequestSpec[] = [];
  for (const route of routes) {
    if (route.startsWith('/static/') || !route.includes('<')) continue;
    let usable = true;
    let free = false;
    const path = route.replace(/<(?:(\w+)(?:\([^)]*\))?:)?(\w+)>/g, (_, converter: string | undefined) => {
      if (!converter || ['string', 'path', 'default'].includes(converter)) {
        free = true;
        return 'abc';
      }
      if (converter === 'int') return '1';
      if (converter === 'float') return '1.5';
      usable = false;
      return '';
    });
    if (usable && free && !attacks.some((attack) => attack.path === path)) {
      attacks.push({ method: 'GET', path, headers: {} });
    }
    if (attacks.length >= 3) break;
  }
  return [...attacks, NOT_FOUND];
}
