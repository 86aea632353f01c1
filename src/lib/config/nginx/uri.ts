/**
 * The request target as nginx sees it: `$request_uri` is the raw target, `$uri` is decoded with `.`/`..` segments
 * resolved and slashes merged (ngx_http_parse_complex_uri). A `..` above the root is a 400 in nginx.
 */

export interface ParsedUri {
  /** Raw request target, as sent ($request_uri). */
  requestUri: string;
  /** Normalised, percent-decoded path ($uri). */
  uri: string;
  /** Query string without `?` ($args); empty when none. */
  args: string;
  hasArgs: boolean;
}

function decode(path: string): string {
  return path.replace(/%([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Returns null where nginx answers 400 Bad Request. */
export function parseRequestUri(target: string, mergeSlashes = true): ParsedUri | null {
  let path = target;
  // An absolute-form target (`GET http://host/path`) carries its path after the authority.
  const absolute = /^[a-z][a-z0-9+.-]*:\/\/[^/?]*/i.exec(path);
  if (absolute) path = path.slice(absolute[0].length) || '/';
  if (!path.startsWith('/')) return null;
  const q = path.indexOf('?');
  const rawPath = q >= 0 ? path.slice(0, q) : path;
  const args = q >= 0 ? path.slice(q + 1) : '';
  const decoded = decode(rawPath);
  if (decoded.includes('\0')) return null;
  const segments = decoded.split('/');
  const out: string[] = [];
  for (let i = 1; i < segments.length; i++) {
    const seg = segments[i] as string;
    const last = i === segments.length - 1;
    if (seg === '.') {
      if (last) out.push('');
      continue;
    }
    if (seg === '..') {
      if (out.length === 0) return null;
      out.pop();
      if (last) out.push('');
      continue;
    }
    if (seg === '' && mergeSlashes && !last) continue;
    out.push(seg);
  }
  return { requestUri: target, uri: `/${out.join('/')}`, args, hasArgs: q >= 0 };
}
