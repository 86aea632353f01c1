/** Read helpers over the directive tree: blocks, server names, listen sockets and nginx's inheritance rules. */
import type { Directive, NginxConfig } from './types';

export type Scope = Directive | NginxConfig;

function children(scope: Scope): Directive[] {
  return 'directives' in scope ? scope.directives : (scope.block ?? []);
}

/** Direct children named `name`. */
export function directives(scope: Scope, name: string): Directive[] {
  return children(scope).filter((d) => d.name === name);
}

/** Direct children with any of `names`, in config order (`allow` and `deny` are one list). */
export function directivesNamed(scope: Scope, names: readonly string[]): Directive[] {
  return children(scope).filter((d) => names.includes(d.name));
}

/** The first direct child named `name` (nginx rejects most duplicates, so first and only are the same). */
export function directive(scope: Scope, name: string): Directive | undefined {
  return children(scope).find((d) => d.name === name);
}

/** Direct children that are blocks named `name`. */
export function blocks(scope: Scope, name: string): Directive[] {
  return children(scope).filter((d) => d.name === name && d.block !== null);
}

export function httpBlocks(config: NginxConfig): Directive[] {
  return blocks(config, 'http');
}

/**
 * Server blocks in config order: inside `http`, or at the top level when the file is a site snippet that
 * nginx.conf includes from its `http` block (the usual sites-enabled layout).
 */
export function serverBlocks(config: NginxConfig): Directive[] {
  const http = httpBlocks(config);
  return [...http.flatMap((h) => blocks(h, 'server')), ...blocks(config, 'server')];
}

/** The `http` context of a config: its http block, or the config itself for a site snippet. */
export function httpScope(config: NginxConfig): Scope {
  return httpBlocks(config)[0] ?? config;
}

export function serverNames(server: Directive): string[] {
  return directives(server, 'server_name').flatMap((d) => d.args);
}

export interface Listen {
  /** `*` for every address; an IPv6 address keeps its brackets, as in `[::]`. */
  address: string;
  port: number;
  /** Set for `listen unix:/path`; address and port are then meaningless. */
  unix?: string;
  ssl: boolean;
  defaultServer: boolean;
  http2: boolean;
  proxyProtocol: boolean;
  directive: Directive | null;
}

/** Parses one `listen` directive the way ngx_parse_url does for its first argument. */
export function parseListen(d: Directive): Listen {
  const [target = '', ...flags] = d.args;
  const has = (flag: string): boolean => flags.includes(flag);
  const base = {
    ssl: has('ssl'),
    // `default` is the pre-0.8.21 spelling of default_server and still accepted.
    defaultServer: has('default_server') || has('default'),
    http2: has('http2'),
    proxyProtocol: has('proxy_protocol'),
    directive: d,
  };
  if (target.startsWith('unix:')) return { ...base, address: '', port: 0, unix: target.slice(5) };
  if (/^\d+$/.test(target)) return { ...base, address: '*', port: Number(target) };
  const v6 = /^(\[[^\]]*\])(?::(\d+))?$/.exec(target);
  if (v6) return { ...base, address: v6[1] as string, port: Number(v6[2] ?? 80) };
  const colon = target.lastIndexOf(':');
  if (colon >= 0) return { ...base, address: target.slice(0, colon) || '*', port: Number(target.slice(colon + 1)) };
  return { ...base, address: target, port: 80 };
}

/** A server's sockets; nginx listens on *:80 when a server has no `listen` (as root; 8000 otherwise). */
export function listens(server: Directive): Listen[] {
  const found = directives(server, 'listen').map(parseListen);
  if (found.length > 0) return found;
  return [
    { address: '*', port: 80, ssl: false, defaultServer: false, http2: false, proxyProtocol: false, directive: null },
  ];
}

/**
 * Array-type directives (`proxy_set_header`, `add_header`, `proxy_hide_header`, ...): a level inherits the list
 * from the nearest enclosing level ONLY when it defines none itself. `chain` is outermost first:
 * [http, server, location, ...]. This is the rule behind "a location with one proxy_set_header loses the rest".
 */
export function effectiveArrayDirective(chain: readonly Scope[], name: string): Directive[] {
  for (let i = chain.length - 1; i >= 0; i--) {
    const found = directives(chain[i] as Scope, name);
    if (found.length > 0) return found;
  }
  return [];
}

/** Plain directives (`server_tokens`, `ssl_protocols`, `root`, ...): the innermost level that sets it wins. */
export function effectiveDirective(chain: readonly Scope[], name: string): Directive | undefined {
  for (let i = chain.length - 1; i >= 0; i--) {
    const found = directive(chain[i] as Scope, name);
    if (found) return found;
  }
  return undefined;
}

/** `if (cond)` arguments without the parentheses nginx's tokenizer leaves attached to the first and last token. */
export function ifCondition(d: Directive): string[] {
  const args = [...d.args];
  if (args.length === 0) return args;
  args[0] = (args[0] as string).replace(/^\(/, '');
  const last = args.length - 1;
  if (!d.quoted[last]) args[last] = (args[last] as string).replace(/\)$/, '');
  return args.filter((a, i) => a !== '' || d.quoted[i]);
}

/** Every directive in the tree, depth first, with the chain of enclosing blocks (outermost first). */
export function* walk(scope: Scope, chain: Directive[] = []): Generator<{ directive: Directive; chain: Directive[] }> {
  for (const d of children(scope)) {
    yield { directive: d, chain };
    if (d.block) yield* walk(d, [...chain, d]);
  }
}
