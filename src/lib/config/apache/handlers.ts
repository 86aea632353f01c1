/**
 * What the handlers of the directives a proxy site uses refuse at `apachectl -t`, in their own words (httpd 2.4:
 * mod_proxy.c add_pass/add_pass_reverse, mod_headers.c header_cmd, core.c set_signature_flag/set_serv_tokens,
 * mod_ssl ssl_cmd_SSLProtocol, mod_alias.c add_redirect_internal, mod_rewrite.c cmd_rewriterule/cond, listen.c).
 * Each message was read off Debian's apache2 2.4.71; tests/reality/apache-differential.test.ts holds them to it.
 * Not judged: whether files exist (certificates, log directories) and host names resolve — the browser has no
 * file system or network; the virtual server assumes they are there.
 */
import type { ApacheConfig, ApacheDirective } from './types';
import { compiles, type WalkContext } from './validate';

export interface WalkState {
  config: ApacheConfig;
  /** Listen addresses so far ("*:80", "127.0.0.1:8080"). */
  listens: Set<string>;
}

type Handler = (d: ApacheDirective, context: WalkContext, state: WalkState) => string | null;

const HEADER_ACTIONS = ['add', 'set', 'setifempty', 'append', 'merge', 'unset', 'echo', 'note', 'edit', 'edit*'];
const BAD_ACTION = `first argument must be ${HEADER_ACTIONS.slice(0, -1)
  .map((a) => `'${a}'`)
  .join(', ')}, or 'edit*'.`;

/** mod_headers header_cmd: [always|onsuccess] action header [value [replacement]] [early|env=…|expr=…]. */
function header(d: ApacheDirective): string | null {
  const w = [...d.args];
  if (d.name === 'Header' && /^(always|onsuccess)$/i.test(w[0] ?? '')) w.shift();
  const action = (w[0] ?? '').toLowerCase();
  if (!HEADER_ACTIONS.includes(action)) return BAD_ACTION;
  const rest = w.slice(1);
  if (rest.length === 0) return 'Header requires three arguments';
  const needsValue = !['unset', 'echo'].includes(action);
  const needsReplacement = action === 'edit' || action === 'edit*';
  const fixed = 1 + (needsValue ? 1 : 0) + (needsReplacement ? 1 : 0);
  if (rest.length < fixed)
    return needsReplacement ? 'Header edit requires a match and a substitution' : 'Header requires three arguments';
  const extra = rest.slice(fixed);
  if (extra.length > 1) return 'Too many arguments to directive';
  const condition = extra[0];
  if (condition !== undefined && !/^(early$|env=|expr=)/i.test(condition)) return `Unknown parameter: ${condition}`;
  return null;
}

const PROTOCOLS = ['all', 'sslv2', 'sslv3', 'tlsv1', 'tlsv1.1', 'tlsv1.2', 'tlsv1.3'];

/**
 * mod_alias add_alias: with a target, add_alias_internal refuses any per-directory section (NOT_IN_DIR_CONTEXT:
 * "cannot occur within directory context", <Location> and <Proxy> too); the one-argument form, for <Location>,
 * refuses <Directory>, <Files> and <If> (NOT_IN_DIRECTORY|NOT_IN_FILES, core.c names the section). Read off
 * apache2 2.4.71.
 */
function alias(d: ApacheDirective, context: WalkContext): string | null {
  const section = context.dirSection?.name ?? null;
  if (d.args.length >= 2 || d.name !== 'Alias') {
    return section === null ? null : `${d.name} cannot occur within directory context`;
  }
  if (section === null) return 'Alias must have two arguments when used globally';
  return /^<(Directory|DirectoryMatch|Files|FilesMatch|If|ElseIf|Else)$/.test(section)
    ? `${d.name} cannot occur within ${section}> section`
    : null;
}

/** mod_alias: Redirect [status] URL-path URL; in a <Location> (or <Directory>) the URL-path is the section's. */
function redirect(d: ApacheDirective, context: WalkContext): string | null {
  const words = [...d.args];
  const statuses: Record<string, number> = { permanent: 301, temp: 302, seeother: 303, gone: 410 };
  let status = 302;
  const first = (words[0] ?? '').toLowerCase();
  if (first in statuses) {
    status = statuses[first] as number;
    words.shift();
  } else if (/^\d+$/.test(first)) {
    status = Number(first);
    words.shift();
  } else if (words.length > 2) return 'Redirect: invalid first argument (of three)';
  // In a section with a single word left, that word is the URL (cmd->path is the URL-path).
  const to = context.dirSection !== null && words.length === 1 ? words[0] : words[1];
  const redirectStatus = status >= 300 && status < 400;
  if (redirectStatus && to === undefined) return 'URL to redirect to is missing';
  if (!redirectStatus && to !== undefined) return 'Redirect URL not valid for this status';
  if (to !== undefined && !/^[a-z][a-z0-9+.-]*:/i.test(to) && !to.startsWith('/')) return 'Redirect to non-URL';
  return null;
}

const REWRITE_FLAGS =
  /^(b|backrefnoplus|bnp|bctls|bne|chain|c|cookie|co|discardpath|dpi|env|e|end|forbidden|f|gone|g|handler|h|last|l|next|n|nocase|nc|noescape|ne|nosubreq|ns|proxy|p|passthrough|pt|qsappend|qsa|qsdiscard|qsd|qslast|qsl|redirect|r|skip|s|type|t|unsafeallow3f|unsafeprefixstat|unsafe)$/i;

/** mod_rewrite cmd_rewriterule: pattern, substitution, [flags]. */
function rewriteRule(d: ApacheDirective): string | null {
  const w = d.args;
  // mod_rewrite's parseargline reads a pattern, a substitution and flags; words after those are ignored.
  if (w.length < 2) return `RewriteRule: bad argument line '${d.raw}'`;
  const [pattern = '', , flags] = w;
  if (!compiles(pattern.replace(/^!/, ''))) return `RewriteRule: cannot compile regular expression '${pattern}'`;
  if (flags !== undefined) {
    if (!flags.startsWith('[') || !flags.endsWith(']')) return 'RewriteRule: bad flag delimiters';
    for (const flag of flags.slice(1, -1).split(',')) {
      const [key = '', value] = flag.split('=');
      if (!REWRITE_FLAGS.test(key)) return `RewriteRule: unknown flag '${flag}'`;
      if (/^(r|redirect)$/i.test(key) && value !== undefined && /^\d+$/.test(value)) {
        const code = Number(value);
        if (code < 300 || code > 399) return `RewriteRule: invalid HTTP response code '${value}' for flag 'R'`;
      }
    }
  }
  return null;
}

function rewriteCond(d: ApacheDirective): string | null {
  const w = d.args;
  if (w.length < 2 || w.length > 3) return `RewriteCond: bad argument line '${d.raw}'`;
  const flags = w[2];
  if (flags !== undefined) {
    if (!flags.startsWith('[') || !flags.endsWith(']')) return 'RewriteCond: bad flag delimiters';
    for (const flag of flags.slice(1, -1).split(',')) {
      if (!/^(nocase|nc|ornext|or|novary|nv)$/i.test(flag)) return `RewriteCond: unknown flag '${flag}'`;
    }
  }
  return null;
}

/** mod_proxy refuses <Directory>, <Files>, <If>: its per-directory form is for <Location> only. */
function outsideLocation(d: ApacheDirective, context: WalkContext): string | null {
  const section = context.dirSection?.name;
  if (section === undefined || section === '<Location' || section === '<LocationMatch') return null;
  return `${d.name} cannot occur within ${section}> section`;
}

/** mod_proxy add_pass: [path] url|! [key=value…]; a path outside <Location>, none inside. */
function proxyPass(d: ApacheDirective, context: WalkContext): string | null {
  const misplaced = outsideLocation(d, context);
  if (misplaced) return misplaced;
  const w = d.args;
  const inLocation = context.dirSection !== null;
  const positional = w.filter((a, i) => i < 2 && !/^[^/!][^=]*=/.test(a));
  const options = w.slice(positional.length);
  const path = inLocation ? null : (positional[0] ?? null);
  const url = inLocation ? positional[0] : positional[1];
  if (inLocation && positional.length > 1)
    return 'ProxyPass|ProxyPassMatch can not have a path when defined in a location.';
  if (!inLocation && (path === null || url === undefined))
    return 'ProxyPass|ProxyPassMatch needs a path when not defined in a location';
  if (url === undefined) return 'ProxyPass|ProxyPassMatch needs a path when not defined in a location';
  for (const option of options) {
    if (!option.includes('='))
      return "Invalid ProxyPass|ProxyPassMatch parameter. Parameter must be in the form 'key=value'.";
  }
  if (d.name === 'ProxyPassMatch' && path !== null && !compiles(path))
    return 'Regular expression could not be compiled.';
  if (url === '!') return null;
  if (!url.includes('://')) return `ProxyPass URL must be absolute!: ${url}`;
  if (!parsesAsUrl(url)) return `ProxyPass Unable to parse URL: ${url}`;
  return null;
}

function parsesAsUrl(url: string): boolean {
  const match = /^[a-z][a-z0-9+.-]*:\/\/(\[[^\]]*\]|[^/:[\]]*)(:(\d*))?(\/.*)?$/i.exec(url);
  if (!match) return /^unix:/i.test(url);
  return true;
}

function listen(d: ApacheDirective, _context: WalkContext, state: WalkState): string | null {
  const [address = ''] = d.args;
  const match = /^(?:(\[[^\]]+\]|[^:]+):)?(\d+)$/.exec(address);
  if (!match) return `Invalid address or port`;
  const port = Number(match[2]);
  if (port < 1 || port > 65535) return 'Port must be specified';
  const host = match[1] ?? '*';
  const key = `${host === '0.0.0.0' || host === '[::]' ? '*' : host}:${port}`;
  const clash = state.listens.has(key) || (host !== '*' && state.listens.has(`*:${port}`));
  if (clash) return 'Cannot define multiple Listeners on the same IP:port';
  state.listens.add(key);
  return null;
}

const OPTIONS = ['none', 'all', 'indexes', 'includes', 'includesnoexec', 'followsymlinks', 'symlinksifownermatch', 'execcgi', 'multiviews']; // prettier-ignore

/** core.c set_options: known names, all with + or - or none with it, no ±None. */
function options(d: ApacheDirective): string | null {
  const signed = d.args.map((w) => /^[+-]/.test(w));
  for (const word of d.args) {
    const name = word.replace(/^[+-]/, '');
    if (!OPTIONS.includes(name.toLowerCase())) return `Illegal option ${name}`;
    if (name.toLowerCase() === 'none' && word !== name) return "You may not use 'Options +None' or 'Options -None'.";
  }
  if (signed.some(Boolean) && !signed.every(Boolean))
    return 'Either all Options must start with + or -, or no Option may.';
  return null;
}

/** mod_authz_core: `Require [not] provider args`, for the providers Debian enables (mod_authz_core/host/user). */
function require(d: ApacheDirective): string | null {
  const words = d.args[0]?.toLowerCase() === 'not' ? d.args.slice(1) : d.args;
  const [provider = '', ...rest] = words;
  const known = ['all', 'env', 'method', 'expr', 'ip', 'host', 'forward-dns', 'local', 'user', 'group', 'valid-user'];
  if (!known.includes(provider.toLowerCase())) return `Unknown Authz provider: ${provider}`;
  // mod_authz_core hands a provider the rest of the line as written (quotes and all): `all` compares it whole.
  const line = d.raw.replace(/^\s*(not\s+)?\S+\s*/i, '').trim();
  if (provider.toLowerCase() === 'all' && !/^(granted|denied)$/i.test(line)) {
    return "Argument for 'Require all' must be 'granted' or 'denied'";
  }
  if (['ip', 'host', 'env', 'method', 'forward-dns'].includes(provider.toLowerCase()) && rest.length === 0) {
    return `'require ${provider.toLowerCase()}' requires an argument`;
  }
  return null;
}

/** mod_proxy add_pass_reverse: `path url` outside <Location>, `url` inside. */
function proxyPassReverse(d: ApacheDirective, context: WalkContext): string | null {
  const misplaced = outsideLocation(d, context);
  if (misplaced) return misplaced;
  const inLocation = context.dirSection !== null;
  const positional = d.args.filter((a) => !/^interpolate$/i.test(a));
  if (!inLocation && positional.length < 2) return 'ProxyPassReverse needs a path when not defined in a location';
  if (inLocation && positional.length > 1) return 'ProxyPassReverse can not have a path when defined in a location';
  return null;
}

const SSL_OPTIONS = ['stdenvvars', 'exportcertdata', 'fakebasicauth', 'strictrequire', 'optrenegotiate', 'legacydnstringformat']; // prettier-ignore

/**
 * mod_ssl checks at `apachectl -t` that the files and directories it names exist. The virtual server knows one
 * file system only, Debian's /etc/apache2 (and the workspace beside the site): a path there that is not in it is
 * refused as httpd refuses it; any other path is assumed to be there (the learner's server has its certificates).
 */
function sslPath(kind: 'file' | 'directory'): Handler {
  return (d, _context, state) => {
    const path = d.args[0] ?? '';
    if (!path.startsWith('/etc/apache2/')) return null;
    const exists =
      kind === 'file'
        ? state.config.fileExists(path)
        : state.config.fileExists(path) || state.config.directoryExists(path.replace(/\/$/, ''));
    if (exists) return null;
    return kind === 'file'
      ? `${d.name}: file '${path}' does not exist or is empty`
      : `${d.name}: directory '${path}' does not exist`;
  };
}

const HANDLERS: Record<string, Handler> = {
  SSLCertificateFile: sslPath('file'),
  SSLCertificateKeyFile: sslPath('file'),
  SSLCertificateChainFile: sslPath('file'),
  SSLCACertificateFile: sslPath('file'),
  SSLCARevocationFile: sslPath('file'),
  SSLCACertificatePath: sslPath('directory'),
  SSLCARevocationPath: sslPath('directory'),
  // ssl_cmd_SSLCipherSuite compares the protocol with strcmp: "SSL" and "TLSv1.3" exactly.
  SSLCipherSuite: (d, context) => {
    if (d.args.length < 2 || d.args[0] === 'SSL') return null;
    if (d.args[0] !== 'TLSv1.3') return `protocol '${d.args[0]}' not supported`;
    return context.dirSection ? 'TLSv1.3 ciphers cannot be set inside a directory context' : null;
  },
  ProxyVia: (d) => (/^(off|on|full|block)$/i.test(d.args[0] ?? '') ? null : 'ProxyVia must be one of: off | on | full | block'), // prettier-ignore
  // mod_log_config: a third argument is a condition, env=… or expr=….
  CustomLog: (d) => (d.args[2] !== undefined && !/^(env|expr)=/i.test(d.args[2]) ? 'error in condition clause' : null),
  SSLOptions: (d) => {
    const bad = d.args.find((w) => !SSL_OPTIONS.includes(w.replace(/^[+-]/, '').toLowerCase()));
    return bad === undefined ? null : `SSLOptions: Illegal option '${bad.replace(/^[+-]/, '')}'`;
  },
  Alias: alias,
  ScriptAlias: alias,
  Options: options,
  Require: require,
  ProxyPassReverse: proxyPassReverse,
  ServerTokens: (d) =>
    /^(prod|productonly|major|minor|min|minimal|os|full)$/i.test(d.args[0] ?? '')
      ? null
      : "ServerTokens takes 1 argument: 'Prod(uctOnly)', 'Major', 'Minor', 'Min(imal)', 'OS', or 'Full'",
  ServerSignature: (d) =>
    /^(on|off|email)$/i.test(d.args[0] ?? '') ? null : 'ServerSignature: use one of: off | on | email',
  ServerAlias: (_d, context) => (context.inVirtualHost ? null : 'ServerAlias only used in <VirtualHost>'),
  Header: header,
  RequestHeader: header,
  SSLProtocol: (d) => {
    for (const word of d.args) {
      const name = word.replace(/^[+-]/, '').toLowerCase();
      const removed = word.startsWith('-');
      // ssl_cmd_protocol_parse: SSLv2 and (OpenSSL built without it, as Debian's is) SSLv3 may only be removed.
      if (name === 'sslv2' && !removed) return 'SSLProtocol: SSLv2 is no longer supported';
      if (name === 'sslv3' && !removed) return 'SSLv3 not supported by this version of OpenSSL';
      if (!PROTOCOLS.includes(name)) return `SSLProtocol: Illegal protocol '${word.replace(/^[+-]/, '')}'`;
    }
    return null;
  },
  SSLEngine: (d) => (/^(on|off|optional|addr)$/i.test(d.args[0] ?? '') ? null : 'Argument must be On or Off'),
  Redirect: redirect,
  RewriteRule: rewriteRule,
  RewriteCond: rewriteCond,
  ProxyPass: proxyPass,
  ProxyPassMatch: proxyPass,
  Listen: listen,
};

export function handlerError(d: ApacheDirective, context: WalkContext, state: WalkState): string | null {
  return HANDLERS[d.name]?.(d, context, state) ?? null;
}
