#!/usr/bin/env node
// Generates the data the virtual Apache needs to be as strict as the httpd it emulates, from that
// httpd itself rather than typed by hand (a hand list drifts and misses directives):
//
//   src/lib/config/apache/data/directives.generated.ts  every directive of every module Debian ships:
//       its module (the source file `apache2 -L` names), where it is allowed (`-L`'s "Allowed in"
//       line), how many arguments it takes, and whether it refuses <VirtualHost>. The argument kind is
//       asked of the binary: `apache2 -t` on the directive with no arguments answers in
//       server/config.c's own words ("takes one argument", "requires at least two arguments", "must be
//       On or Off"…), one argument more tells "takes no arguments" apart from the free-form ones.
//   src/lib/config/apache/data/modules.generated.ts  each loadable module: its identifier (proxy_module),
//       source file (mod_proxy.c) and .so path, from Debian's mods-available/*.load, plus the modules
//       compiled into the binary (`apache2 -l`).
//   src/lib/config/apache/data/debian-etc.generated.ts  Debian's stock /etc/apache2 (apache2.conf,
//       ports.conf, the enabled mods/conf files and the ones a proxy site needs), so the browser can
//       wrap a site the way Debian does.
//
// Usage: node scripts/generate-apache-data.js [--binary /usr/sbin/apache2] [--etc /etc/apache2]
// Run on Debian 12 with the apache2 package installed; it starts no server (only `apache2 -t` / `-L`
// on configs of its own in a temporary directory).
// Why probe the binary and not read httpd's sources: Debian's 2.4.71 carries its own patches and
// module set; the binary is the thing `apachectl -t` runs, so what it answers is the fact.

import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'src/lib/config/apache/data');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : fallback;
};
const binary = option('--binary', '/usr/sbin/apache2');
const etc = option('--etc', '/etc/apache2');
if (!fs.existsSync(binary)) {
  console.error(`no ${binary}: install Debian's apache2 (apt-get install apache2)`);
  process.exit(2);
}

const version = /Apache\/(\S+)/.exec(execFileSync(binary, ['-v'], { encoding: 'utf8' }))[1];
let debianVersion = 'unknown';
try {
  debianVersion = execFileSync('dpkg-query', ['-W', '-f=${Version}', 'apache2'], { encoding: 'utf8' });
} catch {
  // not a dpkg system: the header says so
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'apache-data-'));
const BASE = [
  `ServerRoot ${work}`,
  `DefaultRuntimeDir ${work}`,
  `PidFile ${work}/pid`,
  `ErrorLog ${work}/error.log`,
  'ServerName probe.invalid',
];

/** `apache2 -t` (or -L) on `lines`: what it prints, stdout and stderr together. */
function run(lines, flag = '-t') {
  const file = path.join(work, 'probe.conf');
  fs.writeFileSync(file, lines.join('\n') + '\n');
  const result = spawnSync(binary, [flag, '-d', work, '-f', file], { encoding: 'utf8', env: { LANG: 'C' } });
  return `${result.stdout}${result.stderr}`;
}

// Modules: every LoadModule line of mods-available, and the MPMs (only one may load at a time).
const loadLines = new Map();
for (const name of fs.readdirSync(path.join(etc, 'mods-available')).sort()) {
  if (!name.endsWith('.load')) continue;
  for (const line of fs.readFileSync(path.join(etc, 'mods-available', name), 'utf8').split('\n')) {
    const match = /^\s*LoadModule\s+(\S+)\s+(\S+)/.exec(line);
    if (match) loadLines.set(match[1], match[2]);
  }
}
const MPM = 'mpm_event_module';
const others = [...loadLines.keys()].filter((id) => !id.startsWith('mpm_'));
const loadAll = [
  `LoadModule ${MPM} ${loadLines.get(MPM)}`,
  ...others.map((id) => `LoadModule ${id} ${loadLines.get(id)}`),
];

/** `-L`'s listing: directive name → { source, allowed, override }. */
function listing(lines) {
  const out = new Map();
  let current = null;
  for (const line of run([...BASE, ...lines], '-L').split('\n')) {
    const head = /^(<?[A-Za-z][\w.-]*) \(([\w.-]+\.c)\)$/.exec(line);
    if (head) {
      current = { name: head[1], source: head[2], allowed: '', override: '', description: null };
      out.set(current.name, current);
    } else if (current && current.description === null && /^\t/.test(line)) current.description = line.slice(1);
    else if (current && /^\tAllowed in /.test(line)) current.allowed = line.trim();
    else if (current && /^\twhen AllowOverride /.test(line)) current.override = line.trim();
  }
  return out;
}

// `apache2 -l`: the modules compiled into the binary.
const compiledIn = execFileSync(binary, ['-l'], { encoding: 'utf8' })
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line.endsWith('.c'));
// Which source file each module identifier is: load it alone (beside the MPM) and see which sources appear; a
// module without directives is named after its .so, as httpd's sources name them (mod_asis.so: mod_asis.c).
const mpmSources = new Set(
  [...listing([`LoadModule ${MPM} ${loadLines.get(MPM)}`]).values()]
    .map((d) => d.source)
    .filter((s) => !compiledIn.includes(s)),
);
const modules = {};
for (const id of [...loadLines.keys()].sort()) {
  const lines = id.startsWith('mpm_')
    ? [`LoadModule ${id} ${loadLines.get(id)}`]
    : [`LoadModule ${MPM} ${loadLines.get(MPM)}`, `LoadModule ${id} ${loadLines.get(id)}`];
  const sources = new Set([...listing(lines).values()].map((d) => d.source).filter((s) => !compiledIn.includes(s)));
  if (!id.startsWith('mpm_')) for (const s of mpmSources) sources.delete(s);
  const so = loadLines.get(id);
  const source = sources.size === 1 ? [...sources][0] : `${path.basename(so, '.so')}.c`;
  modules[id] = { source, file: so };
}

// The compiled-in modules' identifiers, as <IfModule> knows them (core.c is core_module, …).
const COMPILED_IDS = {
  'core.c': 'core_module', 'mod_so.c': 'so_module', 'mod_watchdog.c': 'watchdog_module', 'http_core.c': 'http_module',
  'mod_log_config.c': 'log_config_module', 'mod_logio.c': 'logio_module', 'mod_version.c': 'version_module',
  'mod_unixd.c': 'unixd_module',
}; // prettier-ignore
const builtin = {};
for (const source of compiledIn) {
  const id = COMPILED_IDS[source];
  if (!id) throw new Error(`a compiled-in module this script does not know: ${source}`);
  // Checked against the binary: <IfModule id> must hold for it.
  const answer = run([
    ...BASE,
    `LoadModule ${MPM} ${loadLines.get(MPM)}`,
    `<IfModule !${id}>`,
    'NotADirective',
    '</IfModule>',
  ]);
  if (!/Syntax OK/.test(answer)) throw new Error(`${id} is not ${source}'s identifier: ${answer}`);
  builtin[id] = { source };
}

// Directives of every module loaded at once.
const all = listing(loadAll);
const KINDS = [
  [/ takes no arguments/, 'NO_ARGS'],
  [/ takes one argument/, 'TAKE1'],
  [/ takes two arguments/, 'TAKE2'],
  [/ takes 1-2 arguments/, 'TAKE12'],
  [/ takes three arguments/, 'TAKE3'],
  [/ takes two or three arguments/, 'TAKE23'],
  [/ takes one, two or three arguments/, 'TAKE123'],
  [/ takes one or three arguments/, 'TAKE13'],
  [/ requires at least one argument/, 'ITERATE'],
  [/ requires at least two arguments/, 'ITERATE2'],
  [/ must be On or Off/, 'FLAG'],
];
// The walk phase prints the message on a line of its own; directives run while reading (EXEC_ON_READ) print it after
// "Syntax error on line N of FILE: ".
const lineOf = (answer, name) =>
  answer.split('\n').find((l) => l.startsWith(`${name} `) || l.includes(`.conf: ${name} `)) ?? '';
const kindOf = (answer, name) => KINDS.find(([pattern]) => pattern.test(lineOf(answer, name)))?.[1];
const ARGS_FOR = { NO_ARGS: 0, TAKE1: 1, TAKE2: 2, TAKE12: 1, TAKE3: 3, TAKE23: 2, TAKE123: 1, TAKE13: 1, ITERATE: 1, ITERATE2: 2, FLAG: 1 }; // prettier-ignore
const CONTEXTS = {
  'Allowed in *.conf anywhere': 'anywhere',
  'Allowed in *.conf anywhere and in .htaccess': 'anywhere',
  'Allowed in *.conf anywhere [no per-dir config] and in .htaccess': 'anywhere',
  'Allowed in *.conf only inside <Directory>, <Files>, <Location>, or <If>': 'directory',
  'Allowed in *.conf only inside <Directory>, <Files>, <Location>, or <If> and in .htaccess': 'directory',
  'Allowed in *.conf only outside <Directory>, <Files>, <Location>, or <If>': 'server',
};
const directives = {};
for (const d of [...all.values()].sort((a, b) => a.name.localeCompare(b.name))) {
  const context = CONTEXTS[d.allowed];
  if (context === undefined) throw new Error(`${d.name}: an "Allowed in" line this script does not know: ${d.allowed}`);
  // config.c appends the description to its argument-count messages ("takes one argument, <description>").
  const row = { module: d.source, context, description: d.description ?? '' };
  if (d.name.startsWith('<')) {
    row.section = true;
    // A section run while reading (<IfModule>, <IfDefine>…) refuses a missing argument before the walk does.
    const bare = run([...BASE, ...loadAll, `${d.name}>`, `</${d.name.slice(1)}>`]);
    if (lineOf(bare, `${d.name}>`).includes('.conf: ')) row.onRead = true;
    directives[d.name] = row;
    continue;
  }
  const wrap = (lines) => (context === 'directory' ? ['<Location />', ...lines, '</Location>'] : lines);
  const none = run([...BASE, ...loadAll, ...wrap([d.name])]);
  let kind = kindOf(none, d.name);
  // Run while the file is read (Include, Define, LoadModule…): their errors come before any other directive's.
  if (lineOf(none, d.name).includes('.conf: ')) row.onRead = true;
  if (kind === undefined) {
    const one = run([...BASE, ...loadAll, ...wrap([`${d.name} probe`])]);
    kind = kindOf(one, d.name) === 'NO_ARGS' ? 'NO_ARGS' : 'RAW';
  }
  row.args = kind;
  // Handlers that refuse <VirtualHost> (ap_check_cmd_context with NOT_IN_VIRTUALHOST) say so whatever the arguments.
  if (context !== 'directory') {
    const count = ARGS_FOR[kind] ?? 1;
    const probeArgs = kind === 'FLAG' ? ['On'] : Array.from({ length: count }, () => 'probe');
    const inVhost = run([
      ...BASE,
      ...loadAll,
      '<VirtualHost *:80>',
      [d.name, ...probeArgs].join(' '),
      '</VirtualHost>',
    ]);
    if (inVhost.includes(`${d.name} cannot occur within <VirtualHost> section`)) row.notInVirtualHost = true;
  }
  directives[d.name] = row;
}

fs.rmSync(work, { recursive: true, force: true });

// Debian's stock /etc/apache2: the main file, ports, envvars, every mods-available file (the site's modules are
// enabled from these, as a2enmod would), the enabled conf files and the default sites.
const etcFiles = {};
const add = (rel) => (etcFiles[rel] = fs.readFileSync(path.join(etc, rel), 'utf8'));
for (const rel of ['apache2.conf', 'ports.conf', 'envvars']) add(rel);
for (const name of fs.readdirSync(path.join(etc, 'mods-available')).sort()) add(`mods-available/${name}`);
const ownedByApache = (rel) => {
  try {
    return execFileSync('dpkg-query', ['-S', path.join(etc, rel)], { encoding: 'utf8' }).startsWith('apache2');
  } catch {
    return false;
  }
};
for (const name of fs.readdirSync(path.join(etc, 'conf-available')).sort()) {
  if (ownedByApache(`conf-available/${name}`)) add(`conf-available/${name}`);
}
for (const name of fs.readdirSync(path.join(etc, 'sites-available')).sort()) add(`sites-available/${name}`);
const enabled = (dir) =>
  fs
    .readdirSync(path.join(etc, dir))
    .filter((name) => name.endsWith('.load') || name.endsWith('.conf'))
    .sort();

const header = (what) =>
  [
    '// GENERATED by scripts/generate-apache-data.js — do not edit; run the script again instead.',
    `// ${what}`,
    `// Source: Apache httpd ${version} as Debian builds it (package apache2 ${debianVersion}: its apache2 binary and`,
    "// /etc/apache2). Licence: Apache-2.0 (httpd and Debian's packaging, per /usr/share/doc/apache2/copyright).",
    '',
  ].join('\n');

fs.mkdirSync(OUT, { recursive: true });
const rows = Object.keys(directives).map((name) => `  ${JSON.stringify(name)}: ${JSON.stringify(directives[name])},`);
fs.writeFileSync(
  path.join(OUT, 'directives.generated.ts'),
  header("Every directive: its module's source file, where it is allowed, its argument kind (server/config.c).") +
    `export const APACHE_VERSION = ${JSON.stringify(version)};\n` +
    `export const APACHE_DEBIAN_VERSION = ${JSON.stringify(debianVersion)};\n\n` +
    '/** `-L`\'s "Allowed in": anywhere; only inside <Directory>/<Location>/<Files>/<If>; only outside them. */\n' +
    "export type DirectiveContext = 'anywhere' | 'directory' | 'server';\n" +
    '/** How config.c splits the arguments (RAW: the handler reads them itself). */\n' +
    "export type ArgumentKind =\n  | 'NO_ARGS' | 'TAKE1' | 'TAKE2' | 'TAKE12' | 'TAKE3' | 'TAKE23' | 'TAKE123' | 'TAKE13'\n" +
    "  | 'ITERATE' | 'ITERATE2' | 'FLAG' | 'RAW';\n\n" +
    'export interface DirectiveRow {\n  module: string;\n  context: DirectiveContext;\n  description: string;\n  args?: ArgumentKind;\n' +
    '  section?: boolean;\n  notInVirtualHost?: boolean;\n  /** Runs while the file is read (EXEC_ON_READ), before the rest is checked. */\n  onRead?: boolean;\n}\n\n' +
    `/** Keyed by the name as httpd spells it; httpd matches names case-insensitively. */\n` +
    `export const DIRECTIVES: Record<string, DirectiveRow> = {\n${rows.join('\n')}\n};\n`,
);
fs.writeFileSync(
  path.join(OUT, 'modules.generated.ts'),
  header('The modules: identifier → source file and shared object; the ones compiled into the binary have no file.') +
    'export interface ModuleRow {\n  source: string;\n  file?: string;\n}\n\n' +
    `export const COMPILED_IN: Readonly<Record<string, ModuleRow>> = ${JSON.stringify(builtin, null, 2)};\n\n` +
    `export const LOADABLE: Readonly<Record<string, ModuleRow>> = ${JSON.stringify(modules, null, 2)};\n`,
);
fs.writeFileSync(
  path.join(OUT, 'debian-etc.generated.ts'),
  header("Debian's stock /etc/apache2 files, keyed by their path under /etc/apache2.") +
    `export const DEBIAN_ETC_APACHE: Readonly<Record<string, string>> = ${JSON.stringify(etcFiles, null, 2)};\n\n` +
    '/** What Debian enables out of the box (the symlinks in mods-enabled/ and conf-enabled/). */\n' +
    `export const DEBIAN_MODS_ENABLED: readonly string[] = ${JSON.stringify(enabled('mods-enabled'))};\n` +
    `export const DEBIAN_CONF_ENABLED: readonly string[] = ${JSON.stringify(enabled('conf-enabled'))};\n`,
);
console.log(
  `Apache ${version} (Debian ${debianVersion}): ${Object.keys(directives).length} directives, ` +
    `${Object.keys(modules).length} loadable + ${compiledIn.length} compiled-in modules, ${Object.keys(etcFiles).length} files of ${etc}`,
);
