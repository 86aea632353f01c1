#!/usr/bin/env node
// Generates the data the virtual nginx needs to be as strict as the nginx it emulates, from the
// sources of that nginx rather than typed by hand (a hand list drifts and misses directives):
//
//   src/lib/config/nginx/data/directives.generated.ts  the directive table: every directive of every
//       module compiled into the binary, with nginx's own context/argument flags, its handler and, for
//       enum/bitmask slots, the accepted values. Read from the `ngx_command_t` arrays of nginx's C
//       sources at the emulated release; a module counts when its name is in the binary's module
//       list, a directive when its name string is in the binary (that drops the ones `#if`-ed out).
//   src/lib/config/nginx/data/debian-etc.generated.ts  Debian's stock /etc/nginx (nginx.conf and the
//       files it or a site commonly includes), so the browser can wrap a site the way Debian does.
//   src/lib/config/nginx/data/variables.generated.ts  the built-in variable names (and prefixes).
//
// Usage: node scripts/generate-nginx-data.js NGINX_SOURCE_DIR [--binary /usr/sbin/nginx] [--etc /etc/nginx]
//   NGINX_SOURCE_DIR: nginx's source at the emulated release, e.g.
//     git clone https://github.com/nginx/nginx && git -C nginx archive release-1.22.1 | tar -x -C src-1.22.1
// Run on a machine with Debian's nginx package installed (its binary and /etc/nginx are read).
// crossplane's analyzer table was the other candidate; it is one table for every nginx version and
// NGINX Plus, while the emulated server is exactly one release with Debian's module set.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'src/lib/config/nginx/data');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : fallback;
};
const binary = option('--binary', '/usr/sbin/nginx');
const etc = option('--etc', '/etc/nginx');
const source = args[0];
if (!source || !fs.existsSync(path.join(source, 'src/core/nginx.h'))) {
  console.error('usage: node scripts/generate-nginx-data.js NGINX_SOURCE_DIR [--binary PATH] [--etc DIR]');
  process.exit(2);
}

const nginxH = fs.readFileSync(path.join(source, 'src/core/nginx.h'), 'utf8');
const sourceVersion = /#define NGINX_VERSION\s+"([^"]+)"/.exec(nginxH)[1];
const versionOutput = execFileSync(binary, ['-v'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) || '';
const binaryVersion = /nginx\/(\S+)/.exec(
  versionOutput || execFileSync('sh', ['-c', `${binary} -v 2>&1`], { encoding: 'utf8' }),
)[1];
if (binaryVersion !== sourceVersion) {
  console.error(`the source is nginx ${sourceVersion}, the binary nginx ${binaryVersion}: use the same release`);
  process.exit(1);
}
let debianVersion = 'unknown';
try {
  debianVersion = execFileSync('dpkg-query', ['-W', '-f=${Version}', 'nginx'], { encoding: 'utf8' });
} catch {
  // not a dpkg system: the header says so
}

// Printable strings of the binary (as `strings` does): module names and directive names are among them.
const bytes = fs.readFileSync(binary);
const strings = new Set();
let current = '';
for (const byte of bytes) {
  if (byte >= 0x20 && byte < 0x7f) current += String.fromCharCode(byte);
  else {
    if (current.length >= 2) strings.add(current);
    current = '';
  }
}

// The linker merges a string literal into the tail of a longer one ("server" may live at the end of
// "upstream server"), so a name is in the binary when some string ends with it.
const tails = new Set();
for (const s of strings) for (let i = 0; i < s.length; i++) tails.add(s.slice(i));
const inBinary = (name) => tails.has(name);

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : entry.name.endsWith('.c') ? [full] : [];
  });
}

const FLAG_NAMES = {
  NGX_CONF_NOARGS: 0x1, NGX_CONF_TAKE1: 0x2, NGX_CONF_TAKE2: 0x4, NGX_CONF_TAKE3: 0x8, NGX_CONF_TAKE4: 0x10,
  NGX_CONF_TAKE5: 0x20, NGX_CONF_TAKE6: 0x40, NGX_CONF_TAKE7: 0x80, NGX_CONF_TAKE12: 0x6, NGX_CONF_TAKE13: 0xa,
  NGX_CONF_TAKE23: 0xc, NGX_CONF_TAKE123: 0xe, NGX_CONF_TAKE1234: 0x1e, NGX_CONF_BLOCK: 0x100,
  NGX_CONF_FLAG: 0x200, NGX_CONF_ANY: 0x400, NGX_CONF_1MORE: 0x800, NGX_CONF_2MORE: 0x1000,
  NGX_DIRECT_CONF: 0x10000, NGX_MAIN_CONF: 0x1000000, NGX_ANY_CONF: 0xff000000,
  NGX_HTTP_MAIN_CONF: 0x2000000, NGX_HTTP_SRV_CONF: 0x4000000, NGX_HTTP_LOC_CONF: 0x8000000,
  NGX_HTTP_UPS_CONF: 0x10000000, NGX_HTTP_SIF_CONF: 0x20000000, NGX_HTTP_LIF_CONF: 0x40000000,
  NGX_HTTP_LMT_CONF: 0x80000000, NGX_EVENT_CONF: 0x2000000,
  NGX_MAIL_MAIN_CONF: 0x2000000, NGX_MAIL_SRV_CONF: 0x4000000,
  NGX_STREAM_MAIN_CONF: 0x2000000, NGX_STREAM_SRV_CONF: 0x4000000, NGX_STREAM_UPS_CONF: 0x8000000,
}; // prettier-ignore
const MODULE_TYPES = {
  NGX_CORE_MODULE: 'core',
  NGX_CONF_MODULE: 'conf',
  NGX_EVENT_MODULE: 'event',
  NGX_HTTP_MODULE: 'http',
  NGX_MAIL_MODULE: 'mail',
  NGX_STREAM_MODULE: 'stream',
};

/** Top-level `{ ... }` entries of an array initializer, each split at its top-level commas. */
function entries(body) {
  const out = [];
  let depth = 0;
  let field = '';
  let fields = [];
  for (const ch of body) {
    if (ch === '{' || ch === '(') depth++;
    if (ch === '}' || ch === ')') depth--;
    if (depth === 0 && ch === '}') {
      fields.push(field.trim());
      out.push(fields.filter((f) => f !== ''));
      fields = [];
      field = '';
    } else if (depth === 1 && ch === '{') {
      fields = [];
      field = '';
    } else if (depth === 1 && ch === ',') {
      fields.push(field.trim());
      field = '';
    } else if (depth >= 1) field += ch;
  }
  return out;
}

const stringName = (field) => /^ngx_string\("([^"]*)"\)$/.exec(field)?.[1];

function flags(expression) {
  let mask = 0;
  for (const name of expression.split('|').map((s) => s.trim())) {
    if (!(name in FLAG_NAMES)) throw new Error(`unknown flag ${name}`);
    mask |= FLAG_NAMES[name];
  }
  return mask >>> 0;
}

/** `static ngx_conf_enum_t name[] = { { ngx_string("a"), ... }, ... }` → their names. */
function valueLists(text) {
  const lists = {};
  const pattern = /ngx_conf_(?:enum|bitmask)_t\s+(\w+)\[\]\s*=\s*\{([\s\S]*?)\n\};/g;
  for (const match of text.matchAll(pattern)) {
    lists[match[1]] = [...match[2].matchAll(/ngx_string\("([^"]*)"\)/g)].map((m) => m[1]);
  }
  return lists;
}

const modules = [];
const table = {};
for (const file of walk(path.join(source, 'src')).sort()) {
  const text = fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const lists = valueLists(text);
  for (const module of text.matchAll(/ngx_module_t\s+(\w+)\s*=\s*\{\s*NGX_MODULE_V1,\s*[^,]+,\s*(\w+),\s*(\w+),/g)) {
    const [, name, commands, type] = module;
    if (!strings.has(name) || commands === 'NULL') continue;
    modules.push(name);
    const array = new RegExp(`ngx_command_t\\s+${commands}\\[\\]\\s*=\\s*\\{([\\s\\S]*?)\\n\\};`).exec(text);
    if (!array) throw new Error(`${file}: no command array ${commands}`);
    const seen = new Set();
    for (const [first, mask, handler, , , post] of entries(array[1])) {
      const directive = stringName(first);
      if (!directive) continue;
      if (seen.has(directive) || !inBinary(directive)) continue;
      seen.add(directive);
      const values = lists[post.replace(/^&/, '')];
      const row = { module: name, type: MODULE_TYPES[type], mask: flags(mask), handler };
      if (values) row.values = values;
      (table[directive] ??= []).push(row);
    }
  }
}

/** Variable names from `ngx_http_variable_t ...[] = { { ngx_string("host"), ..., flags }, ... }` of built-in modules. */
const variables = new Set();
const prefixes = new Set();
for (const file of walk(path.join(source, 'src/http')).sort()) {
  const text = fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const module = /ngx_module_t\s+(\w+)\s*=/.exec(text)?.[1];
  if (file.endsWith('ngx_http_variables.c') === false && (!module || !strings.has(module))) continue;
  for (const array of text.matchAll(/ngx_http_variable_t\s+\w+\[\]\s*=\s*\{([\s\S]*?)\n\};/g)) {
    for (const fields of entries(array[1])) {
      const name = stringName(fields[0]);
      if (!name || !inBinary(name)) continue;
      if ((fields[4] ?? '').includes('NGX_HTTP_VAR_PREFIX')) prefixes.add(name);
      else variables.add(name);
    }
  }
}

const header = (what, extra = []) =>
  [
    '// GENERATED by scripts/generate-nginx-data.js — do not edit; run the script again instead.',
    `// ${what}`,
    `// Source: nginx ${sourceVersion} (https://github.com/nginx/nginx, tag release-${sourceVersion}), as Debian`,
    `// builds it (package nginx ${debianVersion}; modules and directives present in its binary).`,
    "// Licence: BSD-2-Clause (nginx; Debian's packaging files under debian/ are BSD-2-Clause too).",
    ...extra.map((line) => `// ${line}`),
    '',
  ].join('\n');

const directiveLines = Object.keys(table)
  .sort()
  .map((name) => `  ${JSON.stringify(name)}: ${JSON.stringify(table[name])},`);
fs.mkdirSync(OUT, { recursive: true });
fs.writeFileSync(
  path.join(OUT, 'directives.generated.ts'),
  header("The directive table: each directive's module, module type, flag mask (ngx_command_t.type), handler.", [
    `Modules: ${modules.join(' ')}`,
  ]) +
    `export const NGINX_SOURCE_VERSION = ${JSON.stringify(sourceVersion)};\n` +
    `export const NGINX_DEBIAN_VERSION = ${JSON.stringify(debianVersion)};\n\n` +
    'export interface DirectiveRow {\n  module: string;\n  type: string;\n  mask: number;\n  handler: string;\n' +
    '  values?: string[];\n}\n\n' +
    `export const DIRECTIVES: Record<string, DirectiveRow[]> = {\n${directiveLines.join('\n')}\n};\n`,
);

fs.writeFileSync(
  path.join(OUT, 'variables.generated.ts'),
  header('Built-in http variables (ngx_http_variable_t arrays of the modules compiled in).') +
    `export const VARIABLES: readonly string[] = ${JSON.stringify([...variables].sort(), null, 2)};\n\n` +
    '/** Prefix variables ($http_NAME, $arg_NAME, ...): any name that starts with one is known. */\n' +
    `export const VARIABLE_PREFIXES: readonly string[] = ${JSON.stringify([...prefixes].sort(), null, 2)};\n`,
);

// Debian's /etc/nginx as packaged (nginx-common): what a site in sites-enabled/ is included into. The
// default site is kept in sites-available/ only: the lessons' configs replace it, as Debian's docs say.
const ETC_FILES = [
  'nginx.conf', 'mime.types', 'proxy_params', 'fastcgi.conf', 'fastcgi_params', 'scgi_params', 'uwsgi_params',
  'snippets/fastcgi-php.conf', 'snippets/snakeoil.conf', 'sites-available/default',
]; // prettier-ignore
const etcFiles = Object.fromEntries(ETC_FILES.map((name) => [name, fs.readFileSync(path.join(etc, name), 'utf8')]));
fs.writeFileSync(
  path.join(OUT, 'debian-etc.generated.ts'),
  header("Debian's stock /etc/nginx files (package nginx-common), keyed by their path under /etc/nginx.") +
    `export const DEBIAN_ETC_NGINX: Readonly<Record<string, string>> = ${JSON.stringify(etcFiles, null, 2)};\n`,
);
// What Debian's OpenSSL accepts in ssl_ciphers and ssl_ecdh_curve: nginx -t asks it (SSL_CTX_set_cipher_list,
// SSL_CTX_set1_curves_list) and refuses the config when it says no. Cipher names and the keywords that select
// at least one cipher are asked of the `openssl` command (same library, same configuration); group names are
// the curves it lists plus OpenSSL 3.0's other TLS group names (ssl/t1_lib.c), which no command lists.
const openssl = (...argv) => execFileSync('openssl', argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
const opensslVersion = openssl('version').trim();
const cipherNames = openssl('ciphers', 'ALL:COMPLEMENTOFALL')
  .trim()
  .split(':')
  .filter((name) => !name.startsWith('TLS_'));
const KEYWORDS = [
  'DEFAULT', 'COMPLEMENTOFDEFAULT', 'ALL', 'COMPLEMENTOFALL', 'HIGH', 'MEDIUM', 'LOW', 'eNULL', 'NULL', 'aNULL',
  'kRSA', 'aRSA', 'RSA', 'kDHr', 'kDHd', 'kDH', 'kDHE', 'kEDH', 'DH', 'DHE', 'EDH', 'ADH', 'kEECDH', 'kECDHE', 'ECDH',
  'ECDHE', 'EECDH', 'AECDH', 'aDSS', 'DSS', 'aDH', 'aECDSA', 'ECDSA', 'TLSv1.2', 'TLSv1.0', 'TLSv1', 'SSLv3', 'AES128',
  'AES256', 'AES', 'AESGCM', 'AESCCM', 'AESCCM8', 'ARIA128', 'ARIA256', 'ARIA', 'CAMELLIA128', 'CAMELLIA256',
  'CAMELLIA', 'CHACHA20', '3DES', 'DES', 'RC4', 'RC2', 'IDEA', 'SEED', 'MD5', 'SHA1', 'SHA', 'SHA256', 'SHA384',
  'aGOST', 'aGOST01', 'kGOST', 'GOST94', 'GOST89MAC', 'PSK', 'kPSK', 'kECDHEPSK', 'kDHEPSK', 'kRSAPSK', 'aPSK',
  'SUITEB128', 'SUITEB128ONLY', 'SUITEB192', 'CBC', 'EXP', 'EXPORT', 'aECDH', 'kECDH',
]; // prettier-ignore
const cipherKeywords = KEYWORDS.filter((keyword) => {
  try {
    return openssl('ciphers', keyword).trim().length > 0;
  } catch {
    return false;
  }
});
const curves = openssl('ecparam', '-list_curves')
  .split('\n')
  .map((line) => /^\s*([^\s:]+)\s*:/.exec(line)?.[1])
  .filter(Boolean);
const groups = [...new Set([...curves, 'X25519', 'X448', 'x25519', 'x448', 'P-256', 'P-384', 'P-521', 'ffdhe2048', 'ffdhe3072', 'ffdhe4096', 'ffdhe6144', 'ffdhe8192'])]; // prettier-ignore
fs.writeFileSync(
  path.join(OUT, 'openssl.generated.ts'),
  [
    '// GENERATED by scripts/generate-nginx-data.js — do not edit; run the script again instead.',
    `// What ${opensslVersion} (Debian's, beside nginx ${sourceVersion}) accepts in ssl_ciphers and ssl_ecdh_curve.`,
    '// Source: the `openssl` command of the machine that ran the script; licence: Apache-2.0 (OpenSSL 3).',
    '',
    `export const OPENSSL_VERSION = ${JSON.stringify(opensslVersion)};`,
    `export const CIPHER_NAMES: readonly string[] = ${JSON.stringify(cipherNames)};`,
    '/** Cipher-string keywords that select at least one cipher here (RC4 and 3DES select none in OpenSSL 3). */',
    `export const CIPHER_KEYWORDS: readonly string[] = ${JSON.stringify(cipherKeywords)};`,
    `export const GROUP_NAMES: readonly string[] = ${JSON.stringify(groups)};`,
    '',
  ].join('\n'),
);

console.log(
  `nginx ${sourceVersion} (Debian ${debianVersion}): ${modules.length} modules, ${Object.keys(table).length} directives, ` +
    `${variables.size} variables + ${prefixes.size} prefixes, ${ETC_FILES.length} files of ${etc}`,
);
