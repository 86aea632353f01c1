/**
 * Mutants of an nginx site config: the mistakes a learner makes by hand (a misspelled directive, a missing `;`
 * or `}`, a directive in the wrong block, an argument too many or too few, an unknown variable, a bad return
 * code or regex, a second default_server, a directive set twice, a bad on/off value). Line-based: the configs
 * they start from (the lessons', deploy/) keep one directive per line. Deterministic: the same seed and input
 * give the same mutants.
 */

export interface Mutant {
  kind: string;
  /** what was changed, for the failure report */
  what: string;
  text: string;
}

/** mulberry32: a small seeded PRNG, so the mutants are the same on every run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Line {
  index: number;
  indent: string;
  /** `name args;` */
  simple?: { name: string; args: string[] };
  /** `name args {` */
  open?: { name: string; args: string[] };
  close?: boolean;
}

function classify(lines: string[]): Line[] {
  return lines.map((raw, index) => {
    const indent = /^\s*/.exec(raw)?.[0] ?? '';
    const code = raw.replace(/\s+#.*$/, '').trim();
    const simple = /^([a-z_0-9]+)((?:\s+[^;{}#]+)?);$/.exec(code);
    if (simple && !code.startsWith('#')) {
      return {
        index,
        indent,
        simple: { name: simple[1]!, args: (simple[2] ?? '').trim().split(/\s+/).filter(Boolean) },
      };
    }
    const open = /^([a-z_0-9]+)((?:\s+[^;{}#]+)?)\s*\{$/.exec(code);
    if (open)
      return { index, indent, open: { name: open[1]!, args: (open[2] ?? '').trim().split(/\s+/).filter(Boolean) } };
    if (code === '}') return { index, indent, close: true };
    return { index, indent };
  });
}

/** The line ranges of blocks (server, location, ...) and where each starts. */
function blocks(lines: Line[]): Array<{ name: string; start: number; end: number; depth: number }> {
  const out: Array<{ name: string; start: number; end: number; depth: number }> = [];
  const stack: Array<{ name: string; start: number }> = [];
  for (const line of lines) {
    if (line.open) stack.push({ name: line.open.name, start: line.index });
    if (line.close) {
      const top = stack.pop();
      if (top) out.push({ ...top, end: line.index, depth: stack.length + 1 });
    }
  }
  return out;
}

const BAD_REGEXES = [
  '^/(static',
  '^/static)',
  '^/[abc',
  '*\\.php$',
  '^/(?<1a>x)',
  '(?<n>a)(?<n>b)',
  '[z-a]',
  '^/a**',
  '(?P<x',
  '^/(?z)',
];
const GOOD_REGEXES = ['^/static/(.*)$', '\\.(css|js|png)$', '^/(?<file>[a-z]+)\\.txt$', '^/api/v[0-9]+/'];
const HTTP_DEBIAN_SETS = [
  'sendfile on;',
  'tcp_nopush on;',
  'gzip on;',
  'ssl_prefer_server_ciphers on;',
  'default_type text/plain;',
];
const FLAG_BREAKERS = ['yes', 'On', 'OFF', 'enabled', '1'];
const RETURN_CODES = [
  '3011',
  '1000',
  'abc',
  '999',
  '200',
  'http://example.com/',
  'https://$host$request_uri',
  '/moved',
];
/** Values a hand edit leaves in an argument: a typo'd unit, a word for a number, a number for a word. */
const VALUES = [
  '1x',
  'abc',
  '-1',
  '0',
  'on',
  '10m',
  '1d',
  'shared:X',
  'shared:X:1q',
  '99999',
  '443ssl',
  'TLSv1.4',
  'http//x',
  '"  "',
];
const LOCATION_HEADS = [
  'location = /exact',
  'location ^~ /static/',
  'location @named',
  'location /other/',
  'location ~ \\.txt$',
  'location x /y',
  'location /a b',
];
const OPENS_FILES =
  /^(ssl_certificate|ssl_certificate_key|ssl_trusted_certificate|ssl_client_certificate|ssl_dhparam|ssl_crl|ssl_stapling_file|ssl_password_file|access_log|error_log|include)$/;
const VARIABLES = ['$hots', '$request_url', '$remote_address', '$http_x_custom', '$arg_page', '$scheme', '$foo_bar'];

function misspell(name: string, rand: () => number): string {
  const i = Math.floor(rand() * name.length);
  switch (Math.floor(rand() * 5)) {
    case 0:
      return name.slice(0, i) + name.slice(i + 1) || `${name}x`;
    case 1:
      return name.slice(0, i) + (name[i + 1] ?? '') + (name[i] ?? '') + name.slice(i + 2);
    case 2:
      return name.slice(0, i) + (name[i] ?? '') + name.slice(i);
    case 3:
      return name.replace('_', '-') === name ? `${name}s` : name.replace('_', '-');
    default:
      return name.slice(0, i) + 'e' + name.slice(i + 1);
  }
}

/** `count` mutants of `text`, drawn with `seed`. */
export function mutate(text: string, seed: number, count: number): Mutant[] {
  const rand = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const source = text.split('\n');
  const lines = classify(source);
  const simple = lines.filter((l) => l.simple);
  const opens = lines.filter((l) => l.open);
  const closes = lines.filter((l) => l.close);
  const spans = blocks(lines);
  const listens = simple.filter((l) => l.simple!.name === 'listen');
  const withVariables = simple.filter((l) => l.simple!.args.some((a) => a.includes('$')));
  const returns = simple.filter((l) => l.simple!.name === 'return');
  const flags = simple.filter((l) => ['on', 'off'].includes(l.simple!.args[0] ?? '') && l.simple!.args.length === 1);
  const locations = opens.filter((l) => l.open!.name === 'location');
  const servers = spans.filter((s) => s.name === 'server');

  const edit = (kind: string, what: string, change: (copy: string[]) => void): Mutant => {
    const copy = [...source];
    change(copy);
    return { kind, what, text: copy.join('\n') };
  };

  const operators: Array<() => Mutant | null> = [
    () => {
      const line = pick([...simple, ...opens]);
      const name = (line.simple ?? line.open)!.name;
      const wrong = misspell(name, rand);
      return edit('misspelled directive', `${name} → ${wrong} (line ${line.index + 1})`, (c) => {
        c[line.index] = c[line.index]!.replace(name, wrong);
      });
    },
    () => {
      const line = pick(simple);
      return edit('missing ;', `line ${line.index + 1}`, (c) => {
        c[line.index] = c[line.index]!.replace(/;(\s*(#.*)?)$/, '$1');
      });
    },
    () => {
      const line = pick(closes);
      return edit('missing }', `line ${line.index + 1}`, (c) => {
        c[line.index] = c[line.index]!.replace('}', '');
      });
    },
    () => {
      const line = pick(lines);
      return edit('extra }', `after line ${line.index + 1}`, (c) => {
        c[line.index] = `${c[line.index]}\n}`;
      });
    },
    () => {
      // a directive moved to another block (or to the file's top level, the http block)
      const line = pick(simple);
      const targets = [-1, ...spans.map((s) => s.start)];
      const target = pick(targets);
      const statement = source[line.index]!.trim();
      return edit('wrong context', `line ${line.index + 1} (${line.simple!.name}) → after line ${target + 1}`, (c) => {
        c[line.index] = '';
        if (target < 0) c[0] = `${statement}\n${c[0]}`;
        else c[target] = `${c[target]}\n        ${statement}`;
      });
    },
    () => {
      const line = pick(simple);
      const more = rand() < 0.5;
      const { name, args } = line.simple!;
      const next = more ? [...args, pick(['extra', 'on', '10', 'always', '$host'])] : args.slice(0, -1);
      return edit('wrong arity', `line ${line.index + 1}: ${name} ${next.join(' ')}`, (c) => {
        c[line.index] = `${line.indent}${[name, ...next].join(' ')};`;
      });
    },
    () => {
      if (withVariables.length === 0 || rand() < 0.3) {
        const server = pick(servers);
        const variable = pick(VARIABLES);
        return edit('unknown variable', `add_header X-Test ${variable} in line ${server.start + 1}`, (c) => {
          c[server.start] = `${c[server.start]}\n    add_header X-Test ${variable};`;
        });
      }
      const line = pick(withVariables);
      const variable = pick(VARIABLES);
      return edit('unknown variable', `line ${line.index + 1}: ${variable}`, (c) => {
        c[line.index] = c[line.index]!.replace(/\$[a-z_]+/, variable);
      });
    },
    () => {
      const code = pick(RETURN_CODES);
      if (returns.length > 0 && rand() < 0.6) {
        const line = pick(returns);
        return edit('return code', `line ${line.index + 1}: return ${code}`, (c) => {
          c[line.index] = c[line.index]!.replace(/return\s+\S+/, `return ${code}`);
        });
      }
      const target = pick(locations.length ? locations : opens);
      return edit('return code', `return ${code} after line ${target.index + 1}`, (c) => {
        c[target.index] = `${c[target.index]}\n        return ${code};`;
      });
    },
    () => {
      const regex = rand() < 0.7 ? pick(BAD_REGEXES) : pick(GOOD_REGEXES);
      const modifier = pick(['~', '~*']);
      const server = pick(servers);
      return edit('regex', `location ${modifier} ${regex} in the server at line ${server.start + 1}`, (c) => {
        c[server.start] = `${c[server.start]}\n    location ${modifier} ${regex} {\n        return 404;\n    }`;
      });
    },
    () => {
      if (listens.length === 0) return null;
      const line = pick(listens);
      const { args } = line.simple!;
      const next = args.includes('default_server')
        ? args.filter((a) => a !== 'default_server')
        : [...args, 'default_server'];
      return edit('default_server', `line ${line.index + 1}: listen ${next.join(' ')}`, (c) => {
        c[line.index] = `${line.indent}listen ${next.join(' ')};`;
      });
    },
    () => {
      const line = pick(simple);
      return edit('duplicate directive', `line ${line.index + 1} twice (${line.simple!.name})`, (c) => {
        c[line.index] = `${c[line.index]}\n${c[line.index]}`;
      });
    },
    () => {
      const statement = pick(HTTP_DEBIAN_SETS);
      return edit('duplicate of Debian', `${statement} at the top`, (c) => {
        c[0] = `${statement}\n${c[0]}`;
      });
    },
    () => {
      if (flags.length === 0) return null;
      const line = pick(flags);
      const value = pick(FLAG_BREAKERS);
      return edit('flag value', `line ${line.index + 1}: ${line.simple!.name} ${value}`, (c) => {
        c[line.index] = `${line.indent}${line.simple!.name} ${value};`;
      });
    },
  ];

  operators.push(
    () => {
      // Not the paths nginx opens (certificates, logs, includes): whether they exist is the server's file
      // system, which the virtual nginx cannot see.
      const line = pick(simple.filter((l) => l.simple!.args.length > 0 && !OPENS_FILES.test(l.simple!.name)));
      const { name, args } = line.simple!;
      const at = Math.floor(rand() * args.length);
      const next = args.map((arg, i) => (i === at ? pick(VALUES) : arg));
      return edit('bad value', `line ${line.index + 1}: ${name} ${next.join(' ')}`, (c) => {
        c[line.index] = `${line.indent}${[name, ...next].join(' ')};`;
      });
    },
    () => {
      // a location added inside a server or inside another location (nesting rules, modifiers, duplicates)
      const host = pick([...locations, ...opens.filter((l) => l.open!.name === 'server')]);
      const head =
        rand() < 0.3 && locations.length ? `location ${pick(locations).open!.args.join(' ')}` : pick(LOCATION_HEADS);
      return edit('location', `${head} in line ${host.index + 1}`, (c) => {
        c[host.index] = `${c[host.index]}\n        ${head} {\n            return 204;\n        }`;
      });
    },
  );

  const out: Mutant[] = [];
  const seen = new Set<string>([text]);
  for (let tries = 0; out.length < count && tries < count * 20; tries++) {
    const mutant = pick(operators)();
    if (!mutant || seen.has(mutant.text)) continue;
    seen.add(mutant.text);
    out.push(mutant);
  }
  return out;
}
