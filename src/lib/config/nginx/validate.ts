/**
 * What `nginx -t` refuses beyond the tokenizer: each directive checked as ngx_conf_handler does it (known name,
 * allowed context, block or not, argument count), then as its handler does it (the generic ngx_conf_set_*_slot
 * handlers from the directive table, and by hand the handlers of the directives sites use: listen, location,
 * return, proxy_pass, add_header, root/alias, ...), then what nginx checks once the http block is read
 * (duplicate locations, TLS servers without a certificate, unknown variables). Messages are nginx's own
 * (nginx 1.22.1 sources, src/core/ngx_conf_file.c and the modules named beside each check).
 *
 * The parser calls `enter` for each directive in file order, so the first error is the one nginx reports.
 */
import { DIRECTIVES, type DirectiveRow } from './data/directives.generated';
import { CIPHER_KEYWORDS, CIPHER_NAMES, GROUP_NAMES } from './data/openssl.generated';
import { VARIABLES, VARIABLE_PREFIXES } from './data/variables.generated';
import { parseCidr } from './access-rules';
import { parseListen } from './query';
import { checkPcre } from './pcre-check';
import { NginxSyntaxError, type Directive } from './types';

// ngx_command_t.type bits (src/core/ngx_conf_file.h, src/http/ngx_http_config.h)
const NOARGS = 0x1;
const TAKE = [NOARGS, 0x2, 0x4, 0x8, 0x10, 0x20, 0x40, 0x80];
const BLOCK = 0x100;
const FLAG = 0x200;
const ANY = 0x400;
const ONE_MORE = 0x800;
const TWO_MORE = 0x1000;
const MAX_ARGS = 8;
const MAIN = 0x01000000;
const HTTP_MAIN = 0x02000000;
const EVENT = 0x02000000;
const SRV = 0x04000000;
const LOC = 0x08000000;
const UPS = 0x10000000;
const SIF = 0x20000000;
const LIF = 0x40000000;
const LMT = 0x80000000;

type Kind = 'main' | 'events' | 'http' | 'server' | 'location' | 'if' | 'limit_except' | 'upstream' | 'data';

export interface Scope {
  kind: Kind;
  moduleType: string;
  mask: number;
  /** Handler-slot directives already set in this block, for "is duplicate". */
  seen: Set<string>;
  directive: Directive | null;
  parent: Scope | null;
  /** Locations only: how its name is matched, to check nesting and proxy_pass. */
  location?: { modifier: string; name: string };
}

/**
 * nginx reports a directive's error at the line where its statement ended (the `;` or `{`: ngx_conf_log_error
 * uses the tokenizer's current line), which is not the directive's first line when a `;` is missing.
 */
const statementEnds = new WeakMap<Directive, number>();

const fail = (d: Directive, reason: string): never => {
  throw new NginxSyntaxError(reason, d.file, statementEnds.get(d) ?? d.line, d.column);
};

/** ngx_conf_set_*_slot handlers that refuse a second value in the same block ("is duplicate"). */
const DUPLICATE_SLOTS = new Set([
  'ngx_conf_set_flag_slot',
  'ngx_conf_set_str_slot',
  'ngx_conf_set_num_slot',
  'ngx_conf_set_size_slot',
  'ngx_conf_set_off_slot',
  'ngx_conf_set_msec_slot',
  'ngx_conf_set_sec_slot',
  'ngx_conf_set_bufs_slot',
  'ngx_conf_set_enum_slot',
  'ngx_conf_set_path_slot',
  'ngx_conf_set_access_slot',
]);
/** Hand-written handlers that also answer "is duplicate" (proxy_pass, try_files, expires, ...). */
const DUPLICATE_HANDLERS = new Set([
  'ngx_http_proxy_pass',
  'ngx_http_fastcgi_pass',
  'ngx_http_uwsgi_pass',
  'ngx_http_scgi_pass',
  'ngx_http_grpc_pass',
  'ngx_http_memcached_pass',
  'ngx_http_try_files',
  'ngx_http_headers_expires',
]);

/** ngx_parse_size / ngx_parse_offset: digits and one optional unit. */
const SIZE = /^\d+[kKmM]?$/;
const OFFSET = /^\d+[kKmMgG]?$/;
/** ngx_parse_time: groups of digits and a unit, each unit at most once, in order; a bare number is seconds/ms. */
function parseTime(value: string, isSec: boolean): boolean {
  if (/^\d+$/.test(value)) return true;
  const units = isSec ? ['y', 'M', 'w', 'd', 'h', 'm', 's'] : ['y', 'M', 'w', 'd', 'h', 'm', 's', 'ms'];
  let rest = value;
  let last = -1;
  while (rest.length > 0) {
    const match = /^(\d+)(ms|[yMwdhms])?/.exec(rest);
    if (!match) return false;
    const unit = match[2] ?? (isSec ? 's' : 'ms');
    const index = units.indexOf(unit);
    if (index <= last) return false;
    last = index;
    rest = rest.slice(match[0].length);
    if (!match[2] && rest.length > 0) return false;
  }
  return true;
}

function checkSlot(d: Directive, row: DirectiveRow): void {
  const value = d.args[0] ?? '';
  switch (row.handler) {
    case 'ngx_conf_set_flag_slot':
      if (value.toLowerCase() !== 'on' && value.toLowerCase() !== 'off') {
        fail(d, `invalid value "${value}" in "${d.name}" directive, it must be "on" or "off"`);
      }
      return;
    case 'ngx_conf_set_num_slot':
      if (!/^\d+$/.test(value)) fail(d, `"${d.name}" directive invalid number`);
      return;
    case 'ngx_conf_set_size_slot':
      if (!SIZE.test(value)) fail(d, `"${d.name}" directive invalid value`);
      return;
    case 'ngx_conf_set_off_slot':
      if (!OFFSET.test(value)) fail(d, `"${d.name}" directive invalid value`);
      return;
    case 'ngx_conf_set_msec_slot':
    case 'ngx_conf_set_sec_slot':
      if (!parseTime(value, row.handler === 'ngx_conf_set_sec_slot')) fail(d, `"${d.name}" directive invalid value`);
      return;
    case 'ngx_conf_set_enum_slot':
      if (!row.values?.some((v) => v.toLowerCase() === value.toLowerCase())) fail(d, `invalid value "${value}"`);
      return;
    case 'ngx_conf_set_bitmask_slot':
      for (const arg of d.args) {
        if (!row.values?.some((v) => v.toLowerCase() === arg.toLowerCase())) fail(d, `invalid value "${arg}"`);
      }
      return;
  }
}

/** The settings ngx_http_ssl_merge_srv_conf hands to OpenSSL, remembered per level for the end of http. */
const TLS_SETTINGS = new Set([
  'ssl_certificate',
  'ssl_certificate_key',
  'ssl_ciphers',
  'ssl_ecdh_curve',
  'ssl_reject_handshake',
]);

/**
 * SSL_CTX_set_cipher_list fails only when no element of the list selects a cipher: unknown names beside a good
 * one are ignored, `!x`, `-x`, `+x` and `@...` select nothing.
 */
function selectsNoCipher(list: string): boolean {
  return !list.split(/[:, ]+/).some((element) => {
    if (!element || /^[!+@-]/.test(element)) return false;
    return CIPHER_NAMES.includes(element) || element.split('+').every((part) => CIPHER_KEYWORDS.includes(part));
  });
}

/** `listen` parameters (ngx_http_core_listen, Linux build). */
const LISTEN_FLAGS = new Set(['default_server', 'default', 'bind', 'deferred', 'reuseport', 'ssl', 'http2', 'spdy']);
const LISTEN_OPTIONS = /^(backlog|rcvbuf|sndbuf|fastopen|so_keepalive|ipv6only|accept_filter|setfib)=/;
const LISTEN_SETS =
  /^(backlog|rcvbuf|sndbuf|fastopen|so_keepalive|ipv6only|accept_filter|setfib)=|^(bind|deferred|reuseport)$/;

function listenAddress(d: Directive): string {
  const target = d.args[0] ?? '';
  if (target.startsWith('unix:')) return target;
  const listen = parseListen(d);
  if (!Number.isInteger(listen.port) || listen.port < 1 || listen.port > 65535) {
    fail(d, `invalid port in "${target}" of the "listen" directive`);
  }
  if (/^\d+$/.test(target) || listen.address === '*') return `0.0.0.0:${listen.port}`;
  if (listen.address.startsWith('[')) return `${listen.address}:${listen.port}`;
  if (listen.address === 'localhost') return `127.0.0.1:${listen.port}`;
  // ngx_parse_inet_url (src/core/ngx_inet.c): a `/` is a URI part, which a listen address may not have.
  if (target.includes('/')) fail(d, `invalid host in "${target}" of the "listen" directive`);
  if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(listen.address)) {
    fail(d, `host not found in "${target}" of the "listen" directive`);
  }
  return `${listen.address}:${listen.port}`;
}

/** `$name` and `${name}` in a value nginx compiles as a script; `$1`..`$9` are captures, not variables. */
export function referencedVariables(value: string): string[] {
  const found: string[] = [];
  for (const match of value.matchAll(/\$(?:\{([A-Za-z0-9_]+)\}|([A-Za-z0-9_]+))/g)) {
    const name = match[1] ?? match[2] ?? '';
    if (!/^\d+$/.test(name)) found.push(name.toLowerCase());
  }
  return found;
}

/** Arguments nginx compiles as scripts (ngx_http_script_compile / complex values), by directive. */
function scriptArguments(d: Directive): string[] {
  const a = d.args;
  switch (d.name) {
    case 'add_header':
    case 'add_trailer':
    case 'proxy_set_header':
    case 'fastcgi_param':
    case 'uwsgi_param':
    case 'scgi_param':
    case 'grpc_set_header':
    case 'set':
      return a.slice(1, 2);
    case 'return':
      return /^\d+$/.test(a[0] ?? '') ? a.slice(1) : a.slice(0, 1);
    case 'rewrite':
      return a.slice(1, 2);
    case 'proxy_pass':
    case 'fastcgi_pass':
    case 'uwsgi_pass':
    case 'scgi_pass':
    case 'grpc_pass':
    case 'root':
    case 'alias':
    case 'proxy_redirect':
    case 'auth_request_set':
      return d.name === 'auth_request_set' ? a.slice(1) : a;
    case 'try_files':
    case 'index':
      return a;
    case 'access_log':
      return a.slice(0, 1).concat(a.filter((arg) => arg.startsWith('if=')));
    case 'log_format':
      return a.slice(1);
    case 'error_page':
      return a.slice(-1);
    case 'if':
      return a.slice(0, 1);
    case 'map':
      return a.slice(0, 1);
    default:
      return [];
  }
}

/** ngx_atoi: decimal digits only, at least one. */
const atoi = (text: string): number => (/^\d+$/.test(text) ? Number(text) : -1);

/** ngx_parse_size: digits and an optional k or m; -1 when nginx refuses it. */
function parseSize(text: string): number {
  const match = /^(\d+)([kKmM]?)$/.exec(text);
  if (!match) return -1;
  return Number(match[1]) * ({ '': 1, k: 1024, m: 1024 * 1024 }[(match[2] as string).toLowerCase()] ?? 1);
}

/** 8 × the page size (4096 on Linux): the smallest limit_req zone (ngx_http_limit_req_zone). */
const MIN_ZONE = 8 * 4096;

/** Directives whose number is bounded by ngx_conf_check_num_bounds (limit_req_status, limit_conn_status). */
const STATUS_BOUNDS = new Set(['limit_req_status', 'limit_conn_status']);

interface SharedZone {
  tag: string;
  size: number;
  /** The key a limit_req_zone bound it to. */
  key?: string;
  /** Where it was first named (a limit_req before its zone is defined). */
  first: Directive;
}

export class Validator {
  private readonly defaults = new Map<string, true>();
  /** log_format names in order, `combined` predefined (ngx_http_log_module). */
  private readonly logFormats = ['combined'];
  /** Shared memory zones by name (ngx_shared_memory_add, src/core/ngx_cycle.c). */
  private readonly zones = new Map<string, SharedZone>();
  /** limit_req directives seen per block, for "is duplicate" on one zone twice. */
  private readonly limitsPerBlock = new WeakMap<Scope, Set<string>>();
  private readonly listened = new Map<string, Scope>();
  private readonly defined = new Set<string>();
  private readonly used: Array<{ name: string; directive: Directive }> = [];
  private readonly servers: Array<{ scope: Scope; listens: Directive[]; sets: Map<string, Directive[]> }> = [];
  private readonly httpSets = new Map<string, Directive[]>();

  root(): Scope {
    return { kind: 'main', moduleType: 'core', mask: MAIN, seen: new Set(), directive: null, parent: null };
  }

  /** Checks one directive in its block; returns the scope of its own block when it opens one. */
  enter(d: Directive, end: ';' | '{', scope: Scope, endLine = d.line): Scope | null {
    statementEnds.set(d, endLine);
    // Blocks read by a handler of their own (types, map, geo...): ngx_conf_parse refuses any block inside.
    if (scope.kind === 'data') return end === '{' ? fail(d, 'unexpected "{"') : null;
    const rows = DIRECTIVES[d.name];
    if (!rows) fail(d, `unknown directive "${d.name}"`);
    const row = (rows as DirectiveRow[]).find(
      (r) => (r.type === 'conf' || r.type === scope.moduleType) && (r.mask & scope.mask) !== 0,
    );
    if (!row) fail(d, `"${d.name}" directive is not allowed here`);
    const { mask } = row as DirectiveRow;
    if (!(mask & BLOCK) && end !== ';') fail(d, `directive "${d.name}" is not terminated by ";"`);
    if (mask & BLOCK && end !== '{') fail(d, `directive "${d.name}" has no opening "{"`);
    const n = d.args.length;
    if (!(mask & ANY)) {
      const invalid =
        mask & FLAG
          ? n !== 1
          : mask & ONE_MORE
            ? n < 1
            : mask & TWO_MORE
              ? n < 2
              : n + 1 > MAX_ARGS || !(mask & (TAKE[n] ?? 0));
      if (invalid) fail(d, `invalid number of arguments in "${d.name}" directive`);
    }
    return this.handle(d, row as DirectiveRow, scope);
  }

  private child(kind: Kind, scope: Scope, d: Directive, mask = 0, moduleType = scope.moduleType): Scope {
    return { kind, moduleType, mask, seen: new Set(), directive: d, parent: scope };
  }

  private duplicate(d: Directive, row: DirectiveRow, scope: Scope): void {
    if (!DUPLICATE_SLOTS.has(row.handler) && !DUPLICATE_HANDLERS.has(row.handler)) return;
    if (scope.seen.has(d.name)) fail(d, `"${d.name}" directive is duplicate`);
    scope.seen.add(d.name);
  }

  private handle(d: Directive, row: DirectiveRow, scope: Scope): Scope | null {
    this.duplicate(d, row, scope);
    checkSlot(d, row);
    if (STATUS_BOUNDS.has(d.name)) {
      const code = Number(d.args[0]);
      if (code < 400 || code > 599) fail(d, 'value must be between 400 and 599');
    }
    for (const arg of scriptArguments(d)) {
      for (const name of referencedVariables(arg)) this.used.push({ name, directive: d });
    }
    this.record(d, scope);
    switch (row.handler) {
      case 'ngx_events_block':
        return this.child('events', scope, d, EVENT, 'event');
      case 'ngx_http_block':
        return this.child('http', scope, d, HTTP_MAIN, 'http');
      case 'ngx_http_core_server':
        return this.server(d, scope);
      case 'ngx_http_core_location':
        return this.location(d, scope);
      case 'ngx_http_rewrite_if':
        return this.ifBlock(d, scope);
      case 'ngx_http_core_limit_except':
        return this.child('limit_except', scope, d, LMT);
      case 'ngx_http_upstream':
        return this.child('upstream', scope, d, UPS);
      case 'ngx_http_core_listen':
        this.listen(d, scope);
        return null;
      case 'ngx_http_rewrite_return':
        this.returnCode(d);
        return null;
      case 'ngx_http_proxy_pass':
        this.proxyPass(d, scope);
        return null;
      case 'ngx_http_headers_add':
        if (d.args.length === 3 && d.args[2] !== 'always') fail(d, `invalid parameter "${d.args[2]}"`);
        return null;
      case 'ngx_http_headers_expires':
        this.expires(d);
        return null;
      case 'ngx_http_core_root':
        this.root_(d, scope);
        return null;
      case 'ngx_http_ssl_session_cache':
        this.sessionCache(d);
        return null;
      case 'ngx_http_log_set_format':
        this.logFormat(d);
        return null;
      case 'ngx_http_log_set_log':
        this.accessLog(d);
        return null;
      case 'ngx_http_limit_req_zone':
        this.limitReqZone(d);
        return null;
      case 'ngx_http_limit_req':
        this.limitReq(d, scope);
        return null;
      case 'ngx_http_access_rule': {
        const target = d.args[0] ?? '';
        if (target !== 'all' && target !== 'unix:' && !parseCidr(target)) fail(d, `invalid parameter "${target}"`);
        return null;
      }
      case 'ngx_http_rewrite':
        this.regex(d, d.args[0] ?? '');
        if (d.args.length === 3 && !['last', 'break', 'redirect', 'permanent'].includes(d.args[2] as string)) {
          fail(d, `invalid parameter "${d.args[2]}"`);
        }
        return null;
      case 'ngx_http_core_server_name':
        // `~regex` names are compiled (their named captures become variables); other names only warn.
        for (const name of d.args) if (name.startsWith('~')) this.regex(d, name.slice(1));
        return null;
      case 'ngx_http_rewrite_set':
        if (!(d.args[0] ?? '').startsWith('$')) fail(d, `invalid variable name "${d.args[0]}"`);
        this.defined.add((d.args[0] as string).slice(1).toLowerCase());
        return null;
      case 'ngx_http_map_block':
      case 'ngx_http_geo_block':
      case 'ngx_conf_split_clients_block': {
        const target = d.name === 'geo' && d.args.length === 2 ? d.args[1] : d.args[d.name === 'map' ? 1 : 1];
        const variable = d.name === 'geo' && d.args.length === 1 ? d.args[0] : target;
        if (variable?.startsWith('$')) this.defined.add(variable.slice(1).toLowerCase());
        return { ...this.child('data', scope, d), mask: 0 };
      }
      default:
        return row.mask & BLOCK ? { ...this.child('data', scope, d), mask: 0 } : null;
    }
  }

  /** Remembers the TLS settings the end-of-http checks need, per server or at http level. */
  private record(d: Directive, scope: Scope): void {
    if (!TLS_SETTINGS.has(d.name)) return;
    const sets = scope.kind === 'http' ? this.httpSets : this.servers.find((s) => s.scope === scope)?.sets;
    if (!sets) return;
    sets.set(d.name, [...(sets.get(d.name) ?? []), d]);
  }

  private server(d: Directive, scope: Scope): Scope {
    const inner = this.child('server', scope, d, SRV);
    this.servers.push({ scope: inner, listens: [], sets: new Map() });
    return inner;
  }

  private listen(d: Directive, scope: Scope): void {
    const flags = d.args.slice(1);
    for (const flag of flags) {
      if (!LISTEN_FLAGS.has(flag) && !LISTEN_OPTIONS.test(flag) && flag !== 'proxy_protocol') {
        fail(d, `invalid parameter "${flag}"`);
      }
    }
    const address = listenAddress(d);
    const server = this.servers.find((s) => s.scope === scope);
    server?.listens.push(d);
    // ngx_http_add_listen (src/http/ngx_http.c): one server twice on an address, two defaults, two option sets.
    const key = `${address}`;
    const others = this.servers.filter((s) => s.scope !== scope && s.listens.some((l) => listenAddress(l) === key));
    const same = server?.listens.filter((l) => l !== d && listenAddress(l) === key) ?? [];
    if (same.length > 0) fail(d, `a duplicate listen ${address}`);
    const sets = (l: Directive) => l.args.slice(1).some((f) => LISTEN_SETS.test(f));
    if (sets(d) && others.some((s) => s.listens.some((l) => listenAddress(l) === key && sets(l)))) {
      fail(d, `duplicate listen options for ${address}`);
    }
    if (flags.includes('default_server') || flags.includes('default')) {
      if (this.defaults.has(key)) fail(d, `a duplicate default server for ${address}`);
      this.defaults.set(key, true);
    }
    this.listened.set(key, scope);
  }

  private location(d: Directive, scope: Scope): Scope {
    const [first = '', second] = d.args;
    let modifier = '';
    let name = first;
    if (d.args.length === 2) {
      if (!['=', '~', '~*', '^~'].includes(first)) fail(d, `invalid location modifier "${first}"`);
      modifier = first;
      name = second as string;
    } else if (first.startsWith('=')) {
      modifier = '=';
      name = first.slice(1);
    } else if (first.startsWith('^~')) {
      modifier = '^~';
      name = first.slice(2);
    } else if (first.startsWith('~*')) {
      modifier = '~*';
      name = first.slice(2);
    } else if (first.startsWith('~')) {
      modifier = '~';
      name = first.slice(1);
    }
    if (modifier === '~' || modifier === '~*') this.regex(d, name);
    const outer = scope.kind === 'location' ? scope.location : undefined;
    if (outer) {
      const inner = name;
      if (outer.name.startsWith('@'))
        fail(d, `location "${inner}" cannot be inside the named location "${outer.name}"`);
      if (outer.modifier === '=') fail(d, `location "${inner}" cannot be inside the exact location "${outer.name}"`);
      if (name.startsWith('@')) fail(d, `named location "${name}" can be on the server level only`);
      const regexOuter = outer.modifier === '~' || outer.modifier === '~*';
      const regexInner = modifier === '~' || modifier === '~*';
      if (!regexOuter && !regexInner && !name.startsWith(outer.name)) {
        fail(d, `location "${name}" is outside location "${outer.name}"`);
      }
    } else if (name.startsWith('@') && scope.kind !== 'server') {
      fail(d, `named location "${name}" can be on the server level only`);
    }
    const inner = this.child('location', scope, d, LOC);
    inner.location = { modifier, name };
    return inner;
  }

  private ifBlock(d: Directive, scope: Scope): Scope {
    const args = [...d.args];
    const last = args.length - 1;
    if (!(args[0] ?? '').startsWith('(') || !(args[last] ?? '').endsWith(')')) {
      fail(d, `invalid condition "${args.join(' ')}"`);
    }
    const operator = args.find((a) => a === '~' || a === '~*' || a === '!~' || a === '!~*');
    if (operator) {
      const pattern = args[args.indexOf(operator) + 1] ?? '';
      this.regex(d, pattern.replace(/\)$/, ''));
    }
    return this.child('if', scope, d, scope.kind === 'server' ? SIF : LIF);
  }

  private returnCode(d: Directive): void {
    const code = d.args[0] ?? '';
    if (/^\d+$/.test(code)) {
      if (Number(code) > 999) fail(d, `invalid return code "${code}"`);
      return;
    }
    const redirect = /^(http:\/\/|https:\/\/|\$scheme)/.test(code);
    if (d.args.length !== 1 || !redirect) fail(d, `invalid return code "${code}"`);
  }

  private proxyPass(d: Directive, scope: Scope): void {
    const url = d.args[0] ?? '';
    if (referencedVariables(url).length > 0) return;
    const match = /^(https?):\/\/(.*)$/i.exec(url);
    if (!match) fail(d, 'invalid URL prefix');
    const rest = (match as RegExpExecArray)[2] as string;
    const hasUri = !rest.startsWith('unix:') ? rest.includes('/') : /^unix:[^:]*:.+/.test(rest);
    const location = scope.location;
    const regexLocation = location && (location.modifier === '~' || location.modifier === '~*');
    if (
      hasUri &&
      (scope.kind === 'if' || scope.kind === 'limit_except' || regexLocation || location?.name.startsWith('@'))
    ) {
      fail(
        d,
        '"proxy_pass" cannot have URI part in location given by regular expression, or inside named location, ' +
          'or inside "if" statement, or inside "limit_except" block',
      );
    }
  }

  private expires(d: Directive): void {
    const args = d.args[0] === 'modified' ? d.args.slice(1) : d.args;
    if (d.args.length === 2 && d.args[0] !== 'modified') fail(d, `"${d.name}" directive invalid value`);
    const value = args[0] ?? '';
    if (['epoch', 'max', 'off'].includes(value)) return;
    const time = value.replace(/^@/, '').replace(/^[-+]/, '');
    if (!parseTime(time, true)) fail(d, `"${d.name}" directive invalid value`);
  }

  private root_(d: Directive, scope: Scope): void {
    const other = d.name === 'alias' ? 'root' : 'alias';
    if (scope.seen.has(d.name)) fail(d, `"${d.name}" directive is duplicate`);
    if (scope.seen.has(other))
      fail(d, `"${d.name}" directive is duplicate, "${other}" directive was specified earlier`);
    scope.seen.add(d.name);
  }

  private sessionCache(d: Directive): void {
    for (const value of d.args) {
      if (value === 'off' || value === 'none' || value === 'builtin') continue;
      if (/^builtin:\d+$/.test(value)) continue;
      const shared = /^shared:([^:]+):(\d+[kKmM]?)$/.exec(value);
      if (shared) {
        this.shm(d, shared[1] as string, parseSize(shared[2] as string), 'ssl');
        continue;
      }
      fail(d, `invalid session cache "${value}"`);
    }
  }

  /** ngx_shared_memory_add: one name, one use, one size. */
  private shm(d: Directive, name: string, size: number, tag: string): SharedZone {
    const zone = this.zones.get(name);
    if (!zone) {
      const added = { tag, size, first: d };
      this.zones.set(name, added);
      return added;
    }
    if (zone.tag !== tag) fail(d, `the shared memory zone "${name}" is already declared for a different use`);
    if (zone.size === 0) zone.size = size;
    if (size && size !== zone.size) {
      fail(d, `the size ${size} of shared memory zone "${name}" conflicts with already declared size ${zone.size}`);
    }
    return zone;
  }

  /** ngx_http_log_set_format: names are unique (case-sensitively), `escape=` takes three values. */
  private logFormat(d: Directive): void {
    const name = d.args[0] ?? '';
    if (this.logFormats.includes(name)) fail(d, `duplicate "log_format" name "${name}"`);
    this.logFormats.push(name);
    const escape = d.args[1];
    if (escape?.startsWith('escape=') && !['default', 'json', 'none'].includes(escape.slice(7))) {
      fail(d, `unknown log format escaping "${escape.slice(7)}"`);
    }
    for (const part of d.args.slice(escape?.startsWith('escape=') ? 2 : 1)) logFormatVariables(d, part);
  }

  /** ngx_http_log_set_log: `off` alone, a known format (looked up case-insensitively), known parameters. */
  private accessLog(d: Directive): void {
    const [target = '', format, ...params] = d.args;
    if (target === 'off') {
      if (d.args.length > 1) fail(d, `invalid parameter "${d.args[1]}"`);
      return;
    }
    const name = format ?? 'combined';
    if (!this.logFormats.some((f) => f.toLowerCase() === name.toLowerCase())) fail(d, `unknown log format "${name}"`);
    let buffer = false;
    let flush = false;
    for (const param of params) {
      if (param.startsWith('buffer=')) {
        if (parseSize(param.slice(7)) <= 0) fail(d, `invalid buffer size "${param.slice(7)}"`);
        buffer = true;
      } else if (param.startsWith('flush=')) {
        if (!parseTime(param.slice(6), false) || /^0+$/.test(param.slice(6)))
          fail(d, `invalid flush time "${param.slice(6)}"`);
        flush = true;
      } else if (param === 'gzip' || param.startsWith('gzip=')) {
        const level = param === 'gzip' ? 1 : atoi(param.slice(5));
        if (level < 1 || level > 9) fail(d, `invalid compression level "${param.slice(5)}"`);
        buffer = true;
      } else if (!param.startsWith('if=')) fail(d, `invalid parameter "${param}"`);
    }
    if (flush && !buffer) fail(d, `no buffer is defined for access_log "${target}"`);
    if (buffer && referencedVariables(target).length > 0) fail(d, 'buffered logs cannot have variables in name');
    if (buffer && target.startsWith('syslog:')) fail(d, 'logs to syslog cannot be buffered');
  }

  /** ngx_http_limit_req_zone: `zone=NAME:SIZE` (at least 32k), `rate=Nr/s` or `Nr/m`, one key per zone. */
  private limitReqZone(d: Directive): void {
    let name: string | null = null;
    let size = 0;
    for (const value of d.args.slice(1)) {
      if (value.startsWith('zone=')) {
        const colon = value.indexOf(':');
        if (colon === -1) fail(d, `invalid zone size "${value}"`);
        name = value.slice(5, colon);
        size = parseSize(value.slice(colon + 1));
        if (size < 0) fail(d, `invalid zone size "${value}"`);
        if (size < MIN_ZONE) fail(d, `zone "${value}" is too small`);
      } else if (value.startsWith('rate=')) {
        const unit = /r\/[sm]$/.test(value) ? 3 : 0;
        if (atoi(value.slice(5, value.length - unit)) <= 0) fail(d, `invalid rate "${value}"`);
      } else fail(d, `invalid parameter "${value}"`);
    }
    if (!name) fail(d, `"${d.name}" must have "zone" parameter`);
    const zone = this.shm(d, name as string, size, 'limit_req');
    if (zone.key !== undefined) fail(d, `${d.name} "${name}" is already bound to key "${zone.key}"`);
    zone.key = d.args[0] ?? '';
  }

  /** ngx_http_limit_req: a `zone=`, a positive `burst=` and `delay=`, `nodelay`; one zone once per block. */
  private limitReq(d: Directive, scope: Scope): void {
    let zone: string | null = null;
    for (const value of d.args) {
      if (value.startsWith('zone=')) {
        zone = value.slice(5);
        this.shm(d, zone, 0, 'limit_req');
      } else if (value.startsWith('burst=')) {
        if (atoi(value.slice(6)) <= 0) fail(d, `invalid burst value "${value}"`);
      } else if (value.startsWith('delay=')) {
        if (atoi(value.slice(6)) <= 0) fail(d, `invalid delay value "${value}"`);
      } else if (value !== 'nodelay') fail(d, `invalid parameter "${value}"`);
    }
    if (zone === null) fail(d, `"${d.name}" must have "zone" parameter`);
    const seen = this.limitsPerBlock.get(scope) ?? new Set<string>();
    this.limitsPerBlock.set(scope, seen);
    if (seen.has(zone as string)) fail(d, `"${d.name}" directive is duplicate`);
    seen.add(zone as string);
  }

  private regex(d: Directive, pattern: string): void {
    const problem = checkPcre(pattern);
    if (problem) {
      // ngx_regex_compile (src/core/ngx_regex.c) leaves out `at ""` when PCRE2 stopped at the end.
      const at = problem.offset < pattern.length ? ` at "${pattern.slice(problem.offset)}"` : '';
      fail(d, `pcre2_compile() failed: ${problem.message} in "${pattern}"${at}`);
    }
    for (const match of pattern.matchAll(/\(\?P?<([A-Za-z_][A-Za-z0-9_]*)>/g))
      this.defined.add((match[1] as string).toLowerCase());
  }

  /** What nginx checks once the whole configuration is read (ngx_event_init_conf, src/event/ngx_event.c). */
  finish(directives: Directive[], file: string): void {
    if (!directives.some((d) => d.name === 'events')) {
      throw new NginxSyntaxError('no "events" section in configuration', file, 0, 0);
    }
    // ngx_init_cycle: a zone only ever named by limit_req, never defined by limit_req_zone.
    for (const [name, zone] of this.zones) {
      if (zone.size === 0) fail(zone.first, `zero size shared memory zone "${name}"`);
    }
  }

  /** What nginx checks after reading the http block, in its order (ngx_http_block). */
  leave(scope: Scope): void {
    if (scope.kind !== 'http') return;
    // ngx_http_core_merge_loc_conf builds each level's types hash first (the core module merges before ssl):
    // an extension longer than a bucket holds cannot go in (ngx_hash_init, src/core/ngx_hash.c).
    typesHashFits(scope.directive?.block ?? []);
    // ngx_http_ssl_merge_srv_conf, server by server: a server with a certificate (or rejecting handshakes) gets
    // an SSL context, and OpenSSL is handed its keys, ciphers and curves.
    for (const server of this.servers) {
      const setting = (name: string) => server.sets.get(name) ?? this.httpSets.get(name) ?? [];
      const certificates = setting('ssl_certificate');
      const keys = setting('ssl_certificate_key');
      const rejects = setting('ssl_reject_handshake').at(-1)?.args[0]?.toLowerCase() === 'on';
      if (certificates.length > keys.length) {
        const last = certificates.at(-1) as Directive;
        fail(last, `no "ssl_certificate_key" is defined for certificate "${last.args[0]}"`);
      }
      if (certificates.length === 0 && !rejects) continue;
      const ciphers = setting('ssl_ciphers').at(-1);
      if (ciphers && selectsNoCipher(ciphers.args[0] ?? '')) {
        fail(
          ciphers,
          `SSL_CTX_set_cipher_list("${ciphers.args[0]}") failed (SSL: error:0A0000B9:SSL routines::no cipher match)`,
        );
      }
      const curve = setting('ssl_ecdh_curve').at(-1);
      const unknown =
        curve?.args[0] === 'auto' ? undefined : curve?.args[0]?.split(':').find((g) => !GROUP_NAMES.includes(g));
      if (curve && unknown !== undefined) {
        // OpenSSL queues no reason for a blank name, so nginx prints none.
        if (unknown.trim() === '') fail(curve, `SSL_CTX_set1_curves_list("${curve.args[0]}") failed`);
        fail(
          curve,
          `SSL_CTX_set1_curves_list("${curve.args[0]}") failed (SSL: error:0A080106:SSL routines::passed invalid argument:group '${unknown}' cannot be set)`,
        );
      }
    }
    // ngx_http_init_locations (src/http/ngx_http.c): two prefix or two exact locations with one name.
    for (const server of this.servers) duplicateLocations(server.scope.directive?.block ?? []);
    // ngx_http_ssl_init: a TLS address needs a certificate in every server on it, unless it rejects handshakes.
    for (const server of this.servers) {
      const tls = server.listens.some((l) => l.args.slice(1).includes('ssl'));
      if (!tls || !server.scope.directive) continue;
      const certificates = server.sets.get('ssl_certificate') ?? this.httpSets.get('ssl_certificate') ?? [];
      const reject = server.sets.get('ssl_reject_handshake') ?? this.httpSets.get('ssl_reject_handshake') ?? [];
      if (certificates.length === 0 && reject.at(-1)?.args[0]?.toLowerCase() !== 'on') {
        // ngx_http_ssl_init words it with the server's place, where other errors have theirs.
        fail(server.scope.directive, 'no "ssl_certificate" is defined for the "listen ... ssl" directive');
      }
    }
    // ngx_http_variables_init_vars: every variable used must be known, set, mapped or captured by name.
    for (const { name, directive } of this.used) {
      if (VARIABLES.includes(name) || this.defined.has(name)) continue;
      if (VARIABLE_PREFIXES.some((prefix) => name.startsWith(prefix))) continue;
      fail(directive, `unknown "${name}" variable`);
    }
  }
}

/** ngx_http_log_compile_format's scan of one log_format argument: each `$` must start a variable name. */
function logFormatVariables(d: Directive, part: string): void {
  const word = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_]/.test(c);
  for (let i = 0; i < part.length; i++) {
    if (part[i] !== '$') continue;
    const from = i;
    const invalid = () => fail(d, `invalid parameter "${part.slice(from)}"`);
    if (++i === part.length) invalid();
    let bracket = part[i] === '{';
    if (bracket && ++i === part.length) invalid();
    const start = i;
    while (i < part.length && word(part[i])) i++;
    const name = part.slice(start, i);
    if (bracket && part[i] === '}') bracket = false;
    else i--;
    if (bracket) fail(d, `the closing bracket in "${name}" variable is missing`);
    if (name === '') invalid();
  }
}

/** types_hash_bucket_size's default on x86-64 (the CPU's cache line, 64 bytes). */
const TYPES_BUCKET = 64;

/** Every `types` block in the http block: each extension must fit a bucket with its pointer and length. */
function typesHashFits(block: Directive[]): void {
  const bucket = block.find((d) => d.name === 'types_hash_bucket_size');
  const size = Math.ceil(parseSize(bucket?.args[0] ?? String(TYPES_BUCKET)) / TYPES_BUCKET) * TYPES_BUCKET;
  const visit = (directives: Directive[]): void => {
    for (const d of directives) {
      if (!d.block) continue;
      if (d.name === 'types') {
        // NGX_HASH_ELT_SIZE: a pointer, then the key and its 2-byte length, pointer-aligned; plus a pointer.
        const tooLong = d.block.some((entry) =>
          entry.args.some((ext) => 8 + Math.ceil((ext.length + 2) / 8) * 8 + 8 > size),
        );
        if (tooLong) fail(d, `could not build types_hash, you should increase types_hash_bucket_size: ${size}`);
      } else visit(d.block);
    }
  };
  visit(block);
}

/** A prefix (`/a`, `^~ /a`) or exact (`= /a`) location's key; null for regex and named ones. */
function locationKey(d: Directive): string | null {
  const [first = '', second] = d.args;
  const [modifier, name] =
    d.args.length === 2 ? [first, second ?? ''] : (/^(=|\^~|~\*|~)?(.*)$/.exec(first)?.slice(1) ?? []);
  if (modifier === '~' || modifier === '~*' || (name ?? '').startsWith('@')) return null;
  return `${modifier === '=' ? '=' : ''}${name}`;
}

function duplicateLocations(block: Directive[]): void {
  const seen = new Set<string>();
  for (const d of block) {
    if (d.name !== 'location' || !d.block) continue;
    const key = locationKey(d);
    if (key !== null) {
      if (seen.has(key)) fail(d, `duplicate location "${key.replace(/^=/, '')}"`);
      seen.add(key);
    }
    duplicateLocations(d.block);
  }
}
