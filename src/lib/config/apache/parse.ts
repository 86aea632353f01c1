/**
 * httpd's configuration reader, in its two phases (server/config.c):
 *
 * 1. reading (ap_build_config): files become a tree of directives and sections; what runs while reading
 *    (Include, IncludeOptional, Define, LoadModule, <IfModule>, <IfDefine>…) runs now, so a section left open or
 *    closed twice is refused before anything else is checked;
 * 2. walking (ap_walk_config): each directive, in order, is looked up among the loaded modules and checked where
 *    it stands (validate.ts), so the first error is the one `apachectl -t` reports, at its file and line.
 *
 * Hand-written: no maintained JavaScript parser for httpd's configuration exists (see lexer.ts).
 */
import { DIRECTIVES, type DirectiveRow } from './data/directives.generated';
import { COMPILED_IN, LOADABLE } from './data/modules.generated';
import { argumentCountError, lookupDirective, SOURCE_TO_ID } from './directives';
import { getWord, logicalLines, resolveVariables, words, type LogicalLine } from './lexer';
import { ApacheSyntaxError, type ApacheConfig, type ApacheDirective } from './types';
import { walkConfig } from './validate';

export interface ParseOptions {
  /** The text of a file by absolute path; undefined when there is none. */
  readFile: (path: string) => string | undefined;
  /** Every file there is (for Include wildcards and directories), absolute paths. */
  files: readonly string[];
  /** ServerRoot: relative Include paths start here. */
  serverRoot: string;
  /** Variables httpd starts with (Debian's envvars). */
  environment?: Readonly<Record<string, string>>;
}

interface Reader {
  options: ParseOptions;
  config: ApacheConfig;
}

/** Reads `text` (file `file`) as httpd's main config file, then checks it as `apachectl -t` does. */
export function parseApache(text: string, file: string, options: ParseOptions): ApacheConfig {
  const defines = new Map(Object.entries(options.environment ?? {}));
  const config: ApacheConfig = {
    directives: [],
    files: [],
    modules: new Set(Object.keys(COMPILED_IN)),
    defines,
    fileExists: (path) => options.readFile(path) !== undefined,
    directoryExists: (path) => options.files.some((f) => f.startsWith(`${path}/`)),
  };
  const reader: Reader = { options, config };
  config.directives = readFile(reader, text, file);
  walkConfig(config);
  return config;
}

/** ap_build_config for one file: its sections must close in it. */
function readFile(reader: Reader, text: string, file: string): ApacheDirective[] {
  reader.config.files.push(file);
  return readBlock(reader, file, logicalLines(text), { index: 0 }, null, null);
}

/**
 * Reads lines into directives and sections until the end of the file, or (for a conditional section's body, as
 * ap_build_cont_config does) until `end` (`</ifmodule>`) is met with no section of the body's own open. Sections
 * must close in the block that opened them; at the end of a file httpd lists every open one, innermost first,
 * and reports the outermost one's line. A body that reaches the end of the file ends there without complaint.
 */
function readBlock(
  reader: Reader,
  file: string,
  lines: LogicalLine[],
  state: { index: number },
  parent: ApacheDirective | null,
  end: string | null,
): ApacheDirective[] {
  const top: ApacheDirective[] = [];
  const open: ApacheDirective[] = [];
  const add = (directive: ApacheDirective) => (open.at(-1)?.children ?? top).push(directive);
  while (state.index < lines.length) {
    const { text, line } = lines[state.index++] as LogicalLine;
    if (end !== null && open.length === 0 && text.toLowerCase() === end) return top;
    const item = readLine(reader, text, line, file, lines, state, open.at(-1) ?? parent);
    if (item === null) continue;
    if (item.kind === 'spliced') item.directives.forEach(add);
    else if (item.kind === 'open') {
      add(item.directive);
      open.push(item.directive);
    } else if (item.kind === 'close') {
      const inner = open.at(-1);
      const fail = (reason: string): never => {
        throw new ApacheSyntaxError(reason, file, line);
      };
      if (!inner) fail(`${item.written} without matching <${item.written.slice(2)} section`);
      if (!item.written.endsWith('>')) fail(`${item.written}> directive missing closing '>'`);
      const name = (inner as ApacheDirective).name.slice(1);
      if (item.written.slice(2, -1).toLowerCase() !== name.toLowerCase()) fail(`Expected </${name}> but saw ${item.written}`); // prettier-ignore
      open.pop();
    } else add(item.directive);
  }
  if (open.length > 0) {
    const message = [...open]
      .reverse()
      .map((d) => `${d.file}:${d.line}: ${d.name}> was not closed.`)
      .join('\n');
    throw new ApacheSyntaxError(message, file, (open[0] as ApacheDirective).line);
  }
  return top;
}

type LineItem =
  | { kind: 'directive'; directive: ApacheDirective }
  | { kind: 'open'; directive: ApacheDirective }
  | { kind: 'close'; written: string }
  | { kind: 'spliced'; directives: ApacheDirective[] };

/** ap_build_config_sub: one logical line. */
function readLine(
  reader: Reader,
  text: string,
  line: number,
  file: string,
  lines: LogicalLine[],
  state: { index: number },
  parent: ApacheDirective | null,
): LineItem | null {
  if (text === '' || text.startsWith('#')) return null;
  const resolved = resolveVariables(text, reader.config.defines);
  const first = getWord(resolved);
  let name = first.word;
  let raw = first.rest;
  if (name === '') return null;
  if (name.startsWith('</')) return { kind: 'close', written: name };
  if (name.endsWith('>')) name = name.slice(0, -1);
  if (name.startsWith('<') && raw === '') raw = '>';
  const known = lookupDirective(name, reader.config.modules);
  const directive: ApacheDirective = {
    name: known?.name ?? name,
    args: sectionWords(name, raw),
    raw,
    children: name.startsWith('<') ? [] : null,
    file,
    line,
  };
  if (known?.row.onRead) {
    const spliced = runOnRead(reader, directive, lines, state, parent);
    return { kind: 'spliced', directives: spliced };
  }
  return name.startsWith('<') ? { kind: 'open', directive } : { kind: 'directive', directive };
}

/** A section's words without its closing `>`; a directive's words. */
function sectionWords(name: string, raw: string): string[] {
  if (!name.startsWith('<')) return words(raw);
  const end = raw.lastIndexOf('>');
  return words(end >= 0 ? raw.slice(0, end) : raw);
}

/** Directives httpd runs while reading (EXEC_ON_READ): they return what goes into the tree in their place. */
function runOnRead(
  reader: Reader,
  d: ApacheDirective,
  lines: LogicalLine[],
  state: { index: number },
  parent: ApacheDirective | null,
): ApacheDirective[] {
  const fail = (reason: string): never => {
    throw new ApacheSyntaxError(reason, d.file, d.line);
  };
  const { config, options } = reader;
  const row = DIRECTIVES[d.name] as DirectiveRow;
  if (row.section) return conditionalSection(reader, d, lines, state, parent);
  const argumentError = argumentCountError(d.name, row, d.raw);
  if (argumentError) fail(argumentError);
  switch (d.name) {
    case 'Define': {
      const [name = '', value = ''] = d.args;
      if (name.includes(':')) fail("Variable name must not contain ':'");
      config.defines.set(name, value);
      return [];
    }
    case 'UnDefine':
      config.defines.delete(d.args[0] ?? '');
      return [];
    case 'LoadModule': {
      const [id = ''] = d.args;
      if (config.modules.has(id)) return [];
      if (!(id in LOADABLE)) fail(`Can't locate API module structure \`${id}' in file ${d.args[1]}`);
      config.modules.add(id);
      return [];
    }
    case 'Include':
    case 'IncludeOptional':
      return include(reader, d, d.name === 'IncludeOptional');
    default:
      // ServerRoot, DefaultRuntimeDir, LoadFile, Mutex…: nothing the tree needs.
      void options;
      return [];
  }
}

/** <IfModule>, <IfDefine>, <IfDirective>, <IfSection>, <IfFile>, <IfVersion>: read the body when the test holds. */
function conditionalSection(
  reader: Reader,
  d: ApacheDirective,
  lines: LogicalLine[],
  state: { index: number },
  parent: ApacheDirective | null,
): ApacheDirective[] {
  const fail = (reason: string, line = d.line): never => {
    throw new ApacheSyntaxError(reason, d.file, line);
  };
  const end = d.raw.lastIndexOf('>');
  if (end < 0) fail(`${d.name}> directive missing closing '>'`);
  const argument = d.raw.slice(0, end).trim();
  if (argument === '') fail(`${d.name}> directive requires additional arguments`);
  const negated = argument.startsWith('!');
  const subject = words(negated ? argument.slice(1) : argument)[0] ?? '';
  const holds = testCondition(reader.config, d.name, subject) !== negated;
  if (!holds) {
    soakEndContainer(d.name, lines, state, d.file);
    return [];
  }
  // ap_build_cont_config: a fresh nesting inside the body.
  return readBlock(reader, d.file, lines, state, parent, `</${d.name.slice(1).toLowerCase()}>`);
}

function testCondition(config: ApacheConfig, section: string, subject: string): boolean {
  switch (section) {
    case '<IfModule':
      return config.modules.has(subject) || config.modules.has(SOURCE_TO_ID.get(subject) ?? '');
    case '<IfDefine':
      return config.defines.has(subject);
    case '<IfDirective':
      return lookupDirective(subject, config.modules) !== undefined;
    case '<IfSection':
      return lookupDirective(`<${subject}`, config.modules) !== undefined;
    case '<IfVersion':
      return true;
    default:
      // <IfFile>: the virtual server has no file system; no file is there.
      return false;
  }
}

/** ap_soak_end_container: skip a body whose test failed, keeping count of the sections in it. */
function soakEndContainer(name: string, lines: LogicalLine[], state: { index: number }, file: string): void {
  while (state.index < lines.length) {
    const { text, line } = lines[state.index++] as LogicalLine;
    const first = getWord(text);
    let word = first.word;
    if (!word.startsWith('<')) continue;
    if (word.startsWith('</')) {
      word = word.slice(0, -1);
      if (word.slice(2).toLowerCase() !== name.slice(1).toLowerCase()) {
        throw new ApacheSyntaxError(`Expected </${name.slice(1)}> but saw ${word}>`, file, line);
      }
      return;
    }
    if (first.rest === '' && word.endsWith('>')) word = word.slice(0, -1);
    soakEndContainer(word, lines, state, file);
  }
  const last = lines.at(-1)?.line ?? 0;
  throw new ApacheSyntaxError(`Expected </${name.slice(1)}> before end of configuration`, file, last);
}

/** Include/IncludeOptional: a file, a directory (every file in it) or a wildcard, relative to ServerRoot. */
function include(reader: Reader, d: ApacheDirective, optional: boolean): ApacheDirective[] {
  const { options } = reader;
  const fail = (reason: string): never => {
    throw new ApacheSyntaxError(reason, d.file, d.line);
  };
  const pattern = d.args[0] ?? '';
  const path = pattern.startsWith('/') ? pattern : `${options.serverRoot}/${pattern}`;
  const slash = path.lastIndexOf('/');
  const dir = path.slice(0, slash);
  const last = path.slice(slash + 1);
  let targets: string[];
  if (/[*?[]/.test(last)) {
    const inDir = options.files.filter((f) => f.startsWith(`${dir}/`) && !f.slice(dir.length + 1).includes('/'));
    if (inDir.length === 0 && !options.files.some((f) => f.startsWith(`${dir}/`))) {
      if (optional) return [];
      fail(`Include/IncludeOptional: Could not open directory ${dir}: No such file or directory`);
    }
    const matcher = new RegExp(`^${globToRegex(last)}$`);
    targets = inDir.filter((f) => matcher.test(f.slice(dir.length + 1))).sort();
    if (targets.length === 0 && !optional) fail(`No matches for the wildcard '${last}' in '${dir}', failing`);
  } else if (options.readFile(path) !== undefined) targets = [path];
  else if (options.files.some((f) => f.startsWith(`${path}/`))) {
    targets = options.files.filter((f) => f.startsWith(`${path}/`)).sort();
  } else {
    if (optional) return [];
    return fail(`Could not open configuration file ${path}: No such file or directory`);
  }
  return targets.flatMap((target) => readFile(reader, options.readFile(target) ?? '', target));
}

function globToRegex(glob: string): string {
  return glob
    .replace(/[.+^${}()|\\]/g, '\\$&')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]');
}
