/**
 * The request headers the upstream receives (ngx_http_proxy_create_request): the effective proxy_set_header list
 * (inherited only when the location defines none) followed by nginx's defaults not overridden, each evaluated and
 * dropped when empty; then the client's own headers except those named in that list. So without any
 * proxy_set_header a client's forged X-Forwarded-For passes straight through.
 */
import { effectiveArrayDirective, effectiveDirective, type Scope } from './query';
import { evaluate, type HeaderList, type VariableContext } from './variables';

/** ngx_http_proxy_headers, for proxy_http_version 1.0 (the default). */
function defaultHeaders(bodyLength: number | null): [string, string][] {
  return [
    ['Host', '$proxy_host'],
    ['Connection', 'close'],
    ['Content-Length', bodyLength === null ? '' : String(bodyLength)],
    ['Transfer-Encoding', ''],
    ['TE', ''],
    ['Keep-Alive', ''],
    ['Expect', ''],
    ['Upgrade', ''],
  ];
}

export interface UpstreamHeaders {
  headers: [string, string][];
  /** proxy_set_header directives that applied (empty when nginx's defaults alone applied). */
  configured: { name: string; value: string; file: string; line: number }[];
  unknown: string[];
}

export function upstreamHeaders(
  chain: readonly Scope[],
  clientHeaders: HeaderList,
  context: VariableContext,
  bodyLength: number | null,
): UpstreamHeaders {
  const set = effectiveArrayDirective(chain, 'proxy_set_header');
  const configured = set.map((d) => ({ name: d.args[0] ?? '', value: d.args[1] ?? '', file: d.file, line: d.line }));
  const names = new Set(configured.map((c) => c.name.toLowerCase()));
  const all: [string, string][] = configured.map((c) => [c.name, c.value]);
  for (const [name, value] of defaultHeaders(bodyLength)) {
    if (!names.has(name.toLowerCase())) {
      all.push([name, value]);
      names.add(name.toLowerCase());
    }
  }
  const unknown: string[] = [];
  const headers: [string, string][] = [];
  for (const [name, template] of all) {
    const evaluated = evaluate(template, context);
    unknown.push(...evaluated.unknown);
    if (evaluated.value !== '') headers.push([name, evaluated.value]);
  }
  if (effectiveDirective(chain, 'proxy_pass_request_headers')?.args[0] !== 'off') {
    for (const [name, value] of clientHeaders) {
      if (!names.has(name.toLowerCase())) headers.push([name, value]);
    }
  }
  return { headers, configured, unknown };
}
