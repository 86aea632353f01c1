/**
 * What nginx adds to responses: the Server header (server_tokens), add_header entries with their inheritance and
 * `always` rule, and its built-in HTML pages for redirects and errors.
 */
import { effectiveArrayDirective, effectiveDirective, type Scope } from './query';
import { EMULATED_NGINX } from './emulated';
import { evaluate, type VariableContext } from './variables';

export const NGINX_VERSION = EMULATED_NGINX.version;

/**
 * Without `always`, add_header applies only to these statuses: the `safe_status` switch of
 * ngx_http_headers_filter (src/http/modules/ngx_http_headers_filter_module.c, nginx 1.22.1). So `always`
 * matters for every other status: 4xx and 5xx, but also 202, 203, 300 and 305.
 */
export const ADD_HEADER_STATUSES: ReadonlySet<number> = new Set([200, 201, 204, 206, 301, 302, 303, 304, 307, 308]);

export const STATUS_TEXT: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  206: 'Partial Content',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  304: 'Not Modified',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Not Allowed',
  413: 'Request Entity Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
};

/** `server_tokens` (default on): `on` and `build` disclose the version, `off` only the name. */
export function serverTokens(chain: readonly Scope[]): 'on' | 'off' | 'build' {
  const value = effectiveDirective(chain, 'server_tokens')?.args[0];
  return value === 'off' || value === 'build' ? value : 'on';
}

export function serverHeader(chain: readonly Scope[]): string {
  return serverTokens(chain) === 'off' ? 'nginx' : `nginx/${NGINX_VERSION}`;
}

/** nginx's built-in page for a status (ngx_http_special_response.c), lines ending in CRLF as nginx sends them. */
export function errorPage(status: number, chain: readonly Scope[]): string {
  const title = `${status} ${STATUS_TEXT[status] ?? ''}`.trim();
  const tail = serverTokens(chain) === 'off' ? 'nginx' : `nginx/${NGINX_VERSION}`;
  return [
    '<html>',
    `<head><title>${title}</title></head>`,
    '<body>',
    `<center><h1>${title}</h1></center>`,
    `<hr><center>${tail}</center>`,
    '</body>',
    '</html>',
    '',
  ].join('\r\n');
}

export type HeaderPairs = [string, string][];

/**
 * The response headers nginx adds for a status: Server, then the effective add_header list (inherited only when
 * the innermost level has none), each sent for the "success and redirect" statuses or, with `always`, for all.
 */
export function responseHeadersFor(
  chain: readonly Scope[],
  context: VariableContext,
  unknown: string[] = [],
): (status: number) => HeaderPairs {
  const added = effectiveArrayDirective(chain, 'add_header');
  const server = serverHeader(chain);
  return (status: number): HeaderPairs => {
    const out: HeaderPairs = [['Server', server]];
    for (const d of added) {
      const [name = '', value = '', flag] = d.args;
      if (flag !== 'always' && !ADD_HEADER_STATUSES.has(status)) continue;
      const evaluated = evaluate(value, context);
      unknown.push(...evaluated.unknown);
      // An empty value adds nothing (ngx_http_add_header skips it).
      if (evaluated.value !== '') out.push([name, evaluated.value]);
    }
    return out;
  };
}
