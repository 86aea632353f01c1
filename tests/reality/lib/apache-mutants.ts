/**
 * Seeded mutants of an Apache site config, of the kinds people get wrong: a misspelled directive, one from a
 * module that is not enabled, a directive in the wrong section, an argument dropped or added, a section left
 * open or closed twice, a `>` missing, a bad ProxyPass URL, a bad flag, a bad value, a duplicate Listen,
 * reordered ProxyPass lines, a line continuation, an unclosed quote, an <IfModule> around the rest. Each is
 * one edit of the text, so the line an error is reported on is meaningful.
 */
import { random as prng } from './nginx-mutants';

export interface Mutant {
  kind: string;
  text: string;
}

type Lines = string[];
const pick = <T>(random: () => number, items: readonly T[]): T | undefined =>
  items.length === 0 ? undefined : items[Math.floor(random() * items.length)];

const isDirective = (line: string) => /^\s*[A-Za-z]/.test(line);
const isOpen = (line: string) => /^\s*<[A-Za-z]/.test(line);
const isClose = (line: string) => /^\s*<\//.test(line);
const indices = (lines: Lines, test: (line: string) => boolean) => lines.flatMap((line, i) => (test(line) ? [i] : []));
const indent = (line: string) => /^\s*/.exec(line)?.[0] ?? '';

/** Directives of modules Debian ships but the proxy site does not enable (each would need a2enmod). */
const OTHER_MODULES = [
  'ExpiresActive On',
  'RemoteIPHeader X-Forwarded-For',
  'ProxyHTMLEnable On',
  'Session On',
  'LuaRoot /tmp',
  'CacheEnable disk /',
  'AddOutputFilterByType DEFLATE text/html',
  'SecRuleEngine On',
];
/** Directives with each place and kind of argument. */
const EXTRA_LINES = [
  'ServerTokens Prod',
  'ServerTokens Full',
  'ServerTokens Sometimes',
  'ServerSignature Off',
  'ServerSignature Maybe',
  'ProxyRequests Off',
  'ProxyRequests Yes',
  'ProxyPreserveHost On',
  'ProxyPass /static !',
  'ProxyPass /api http://127.0.0.1:8001/',
  'ProxyPass / 127.0.0.1:8000',
  'ProxyPass / http://127.0.0.1:99999/',
  'ProxyPass / http://127.0.0.1:8000/ retry=0',
  'ProxyPass / http://127.0.0.1:8000/ retry',
  'ProxyPass http://127.0.0.1:8000/',
  'ProxyPassReverse / http://127.0.0.1:8000/',
  'RequestHeader set X-Forwarded-Proto "https"',
  'RequestHeader sett X-Forwarded-Proto https',
  'RequestHeader unset Proxy',
  'Header always set X-Frame-Options DENY',
  'Header allways set X-Frame-Options DENY',
  'Header set X-Frame-Options',
  'Header onsuccess unset X-Powered-By',
  'Header always set X a b c',
  'SSLProtocol -all +TLSv1.2 +TLSv1.3',
  'SSLProtocol -all +TLSv1.4',
  'SSLProtocol +SSLv3',
  'SSLProtocol all -SSLv2 -SSLv3',
  'SSLProtocol SSLv2',
  'SSLProtocol TLSv1.1 TLSv1.2',
  'SSLCipherSuite TLSv1.3 TLS_AES_256_GCM_SHA384',
  'SSLCipherSuite HIGH:!aNULL:!3DES',
  'RewriteRule ^ https://%{SERVER_NAME}%{REQUEST_URI} [END,NE,R=permanent]',
  'SSLEngine on',
  'SSLHonorCipherOrder maybe',
  'Redirect permanent / https://shop.example/',
  'Redirect 301 /old',
  'Redirect sometimes / https://shop.example/',
  'Redirect / shop.example',
  'RewriteEngine On',
  'RewriteCond %{HTTPS} !=on',
  'RewriteCond %{HTTPS} !=on [NC,X]',
  'RewriteRule ^ https://%{HTTP_HOST}%{REQUEST_URI} [R=301,L]',
  'RewriteRule ^ https://%{HTTP_HOST}%{REQUEST_URI} [R=301,L,Q]',
  'RewriteRule ^(.*$ /x',
  'RewriteRule ^ /x [R=700]',
  'Listen 80',
  'Listen 8443',
  'ServerName shop.example',
  'ServerName shop.example www.shop.example',
  'ServerAlias www.shop.example',
  'Require all denied',
  'Require all granted',
  'Options -Indexes',
  'Options Sideways',
  'AllowOverride None',
  'LogLevel warn',
  'Timeout 60',
  'Timeout',
  'KeepAlive Maybe',
  'ServerLimit 16',
  'Alias /static/ /srv/shop/static/',
  'ErrorDocument 404 /404.html',
  'ServerAdmin',
];
const SECTIONS = [
  ['<Location />', '</Location>'],
  ['<Location /static/>', '</Location>'],
  ['<LocationMatch "^/(admin|api)">', '</LocationMatch>'],
  ['<LocationMatch "^/(admin">', '</LocationMatch>'],
  ['<Directory /srv/shop/static>', '</Directory>'],
  ['<VirtualHost *:80>', '</VirtualHost>'],
  ['<IfModule ssl_module>', '</IfModule>'],
  ['<IfModule mod_expires.c>', '</IfModule>'],
  ['<IfModule !headers_module>', '</IfModule>'],
  ['<If "%{HTTPS} != \'on\'">', '</If>'],
  ['<Files "*.bak">', '</Files>'],
  ['<Proxy *>', '</Proxy>'],
] as const;

const MUTATIONS: Array<[string, (lines: Lines, random: () => number) => Lines | null]> = [
  [
    'misspelled directive',
    (lines, random) => {
      const i = pick(random, indices(lines, isDirective));
      if (i === undefined) return null;
      const line = lines[i] as string;
      const at = line.search(/[A-Za-z]/) + 1 + Math.floor(random() * 3);
      lines[i] = line.slice(0, at) + line.slice(at + 1);
      return lines;
    },
  ],
  [
    'directive of a module not enabled',
    (lines, random) => insertAt(lines, random, pick(random, OTHER_MODULES) as string),
  ],
  ['directive added', (lines, random) => insertAt(lines, random, pick(random, EXTRA_LINES) as string)],
  [
    'section added',
    (lines, random) => {
      const [open, close] = pick(random, SECTIONS) as readonly [string, string];
      const body = pick(random, EXTRA_LINES) as string;
      const i = Math.floor(random() * (lines.length + 1));
      lines.splice(i, 0, open, `    ${body}`, close);
      return lines;
    },
  ],
  [
    'argument dropped',
    (lines, random) => {
      const i = pick(
        random,
        indices(lines, (l) => isDirective(l) && /\S+\s+\S/.test(l.trim())),
      );
      if (i === undefined) return null;
      lines[i] = (lines[i] as string).replace(/\s+\S+\s*$/, '');
      return lines;
    },
  ],
  [
    'argument added',
    (lines, random) => {
      const i = pick(random, indices(lines, isDirective));
      if (i === undefined) return null;
      lines[i] = `${lines[i]} ${pick(random, ['extra', 'on', '/', 'http://127.0.0.1:8000/', '"two words"'])}`;
      return lines;
    },
  ],
  [
    'closing tag deleted',
    (lines, random) => {
      const i = pick(random, indices(lines, isClose));
      if (i === undefined) return null;
      lines.splice(i, 1);
      return lines;
    },
  ],
  [
    'opening tag deleted',
    (lines, random) => {
      const i = pick(random, indices(lines, isOpen));
      if (i === undefined) return null;
      lines.splice(i, 1);
      return lines;
    },
  ],
  [
    'closing tag renamed',
    (lines, random) => {
      const i = pick(random, indices(lines, isClose));
      if (i === undefined) return null;
      lines[i] =
        `${indent(lines[i] as string)}${pick(random, ['</Location>', '</VirtualHost>', '</Directory>', '</IfModule>'])}`;
      return lines;
    },
  ],
  [
    "'>' missing",
    (lines, random) => {
      const i = pick(
        random,
        indices(lines, (l) => isOpen(l) || isClose(l)),
      );
      if (i === undefined) return null;
      lines[i] = (lines[i] as string).replace(/>\s*$/, '');
      return lines;
    },
  ],
  [
    'directive moved into a section',
    (lines, random) => {
      const from = pick(
        random,
        indices(lines, (l) => isDirective(l) && !/^\s/.test(l)),
      );
      const into = pick(random, indices(lines, isOpen));
      if (from === undefined || into === undefined) return null;
      const [moved] = lines.splice(from, 1);
      const at = into > from ? into : into + 1;
      lines.splice(at, 0, `    ${(moved as string).trim()}`);
      return lines;
    },
  ],
  [
    'directive moved out of its section',
    (lines, random) => {
      const from = pick(
        random,
        indices(lines, (l) => isDirective(l) && /^\s/.test(l)),
      );
      if (from === undefined) return null;
      const [moved] = lines.splice(from, 1);
      lines.splice(0, 0, (moved as string).trim());
      return lines;
    },
  ],
  [
    'ProxyPass lines swapped',
    (lines, random) => {
      const found = indices(lines, (l) => /^\s*ProxyPass\s/.test(l));
      if (found.length < 2) return null;
      const a = pick(random, found) as number;
      const b = pick(random, found) as number;
      [lines[a], lines[b]] = [lines[b] as string, lines[a] as string];
      return lines;
    },
  ],
  [
    'directive doubled',
    (lines, random) => {
      const i = pick(random, indices(lines, isDirective));
      if (i === undefined) return null;
      lines.splice(i, 0, lines[i] as string);
      return lines;
    },
  ],
  [
    'on/off changed',
    (lines, random) => {
      const i = pick(
        random,
        indices(lines, (l) => /\s(On|Off|on|off)\s*$/.test(l)),
      );
      if (i === undefined) return null;
      lines[i] = (lines[i] as string).replace(
        /\s(On|Off|on|off)\s*$/,
        ` ${pick(random, ['Yes', 'off', 'ON', '1', ''])}`,
      );
      return lines;
    },
  ],
  [
    'line continued',
    (lines, random) => {
      const i = pick(
        random,
        indices(lines, (l) => isDirective(l) && /\S\s+\S/.test(l.trim())),
      );
      if (i === undefined) return null;
      const line = lines[i] as string;
      const space = line.trimEnd().lastIndexOf(' ');
      lines.splice(i, 1, `${line.slice(0, space)} \\`, `    ${line.slice(space + 1)}`);
      return lines;
    },
  ],
  [
    'quote left open',
    (lines, random) => {
      const i = pick(
        random,
        indices(lines, (l) => isDirective(l) && /\S\s+\S/.test(l.trim())),
      );
      if (i === undefined) return null;
      lines[i] = (lines[i] as string).replace(/(\s)(\S+)\s*$/, '$1"$2');
      return lines;
    },
  ],
  [
    'comment turned into text',
    (lines, random) => {
      const i = pick(
        random,
        indices(lines, (l) => /^\s*#/.test(l)),
      );
      if (i === undefined) return null;
      lines[i] = (lines[i] as string).replace('#', '');
      return lines;
    },
  ],
];

function insertAt(lines: Lines, random: () => number, line: string): Lines {
  const i = Math.floor(random() * (lines.length + 1));
  const inside = lines.slice(0, i).filter(isOpen).length > lines.slice(0, i).filter(isClose).length;
  lines.splice(i, 0, `${inside ? '    ' : ''}${line}`);
  return lines;
}

/** `count` mutants of `text`, from `seed`: one mutation each (two for one in five). */
export function mutate(text: string, count: number, seed: number): Mutant[] {
  const random = prng(seed);
  const out: Mutant[] = [];
  let guard = 0;
  while (out.length < count && guard++ < count * 20) {
    let lines = text.split('\n');
    const kinds: string[] = [];
    const rounds = random() < 0.2 ? 2 : 1;
    for (let r = 0; r < rounds; r++) {
      const [kind, mutation] = pick(random, MUTATIONS) as (typeof MUTATIONS)[number];
      const next = mutation([...lines], random);
      if (next === null) continue;
      lines = next;
      kinds.push(kind);
    }
    const mutated = lines.join('\n');
    if (kinds.length === 0 || mutated === text) continue;
    out.push({ kind: kinds.join(' + '), text: mutated });
  }
  return out;
}
