/**
 * parseNginx: builds the directive tree, following ngx_conf_parse. `include` is expanded in place (its
 * directives carry their own file), as nginx does before any module sees them.
 */
import { Lexer, type Statement } from './lexer';
import { dirname, expandGlob, isGlob, resolvePath } from './paths';
import { NginxSyntaxError, type Directive, type NginxConfig } from './types';
import { Validator, type Scope } from './validate';

export interface ParseOptions {
  /** Returns a file's text, or undefined when it does not exist. Without it, any `include` is an error. */
  readFile?: (path: string) => string | undefined;
  /** Paths a glob include can match (nginx asks the file system; we ask this list). */
  files?: readonly string[];
  /** nginx's configuration prefix for relative includes; defaults to the main file's directory. */
  prefix?: string;
  /**
   * Refuse what the emulated nginx's `nginx -t` refuses (unknown directives, wrong contexts and argument counts,
   * invalid values, duplicates, unknown variables...). Only for a complete nginx.conf: the checks need to know
   * the block each directive is in, from the top.
   */
  strict?: boolean;
}

/** Directives nginx only accepts with a block; a `;` after one of them is an error nginx -t reports. */
const BLOCK_DIRECTIVES = new Set([
  'events',
  'http',
  'server',
  'location',
  'upstream',
  'map',
  'if',
  'types',
  'geo',
  'split_clients',
  'limit_except',
  'stream',
  'mail',
  'match',
]);

interface Context {
  options: ParseOptions;
  prefix: string;
  /** Files being parsed right now, outermost first, to report include cycles. */
  stack: string[];
  files: string[];
  validator: Validator | null;
}

function checkShape(statement: Statement, name: string, file: string, parent: string | null): void {
  const first = statement.tokens[0];
  if (!first) return;
  if (statement.end === '{' && name === 'include') {
    throw new NginxSyntaxError(`directive "${name}" is not terminated by ";"`, file, statement.line, statement.column);
  }
  // Inside `upstream`, `server` names a backend and is a plain directive.
  if (statement.end === ';' && BLOCK_DIRECTIVES.has(name) && !(name === 'server' && parent === 'upstream')) {
    throw new NginxSyntaxError(`directive "${name}" has no opening "{"`, file, statement.line, statement.column);
  }
}

function include(directive: Directive, context: Context, parent: string | null, scope: Scope | null): Directive[] {
  const { file, line, column } = directive;
  if (directive.args.length !== 1) {
    throw new NginxSyntaxError('invalid number of arguments in "include" directive', file, line, column);
  }
  const target = resolvePath(context.prefix, directive.args[0] as string);
  const readFile = context.options.readFile;
  if (!readFile) {
    throw new NginxSyntaxError(`open() "${target}" failed (no files available to include)`, file, line, column);
  }
  const targets = isGlob(target) ? expandGlob(target, context.options.files ?? []) : [target];
  const out: Directive[] = [];
  for (const path of targets) {
    if (context.stack.includes(path)) {
      const cycle = [...context.stack.slice(context.stack.indexOf(path)), path].join(' -> ');
      throw new NginxSyntaxError(`include cycle: ${cycle}`, file, line, column);
    }
    const text = readFile(path);
    if (text === undefined) {
      throw new NginxSyntaxError(`open() "${path}" failed (2: No such file or directory)`, file, line, column);
    }
    out.push(...parseFile(text, path, context, parent, scope));
  }
  return out;
}

function parseFile(
  text: string,
  file: string,
  context: Context,
  parent: string | null,
  scope: Scope | null,
): Directive[] {
  context.stack.push(file);
  context.files.push(file);
  const directives = parseBlock(new Lexer(text, file), file, context, parent, false, scope);
  context.stack.pop();
  return directives;
}

/** Blocks whose entries are data (pairs, not directives): nginx's shape rules do not apply to them. */
const DATA_BLOCKS = new Set(['map', 'geo', 'split_clients', 'types', 'match']);

/** `parent` is the enclosing block's name (kept across includes); `inBlock` says whether a `}` may close it here. */
function parseBlock(
  lexer: Lexer,
  file: string,
  context: Context,
  parent: string | null,
  inBlock: boolean,
  scope: Scope | null,
): Directive[] {
  const directives: Directive[] = [];
  for (;;) {
    const statement = lexer.next();
    if (statement.end === 'eof') {
      if (inBlock) {
        throw new NginxSyntaxError('unexpected end of file, expecting "}"', file, statement.line, statement.column);
      }
      return directives;
    }
    if (statement.end === '}') {
      if (!inBlock) throw new NginxSyntaxError('unexpected "}"', file, statement.line, statement.column);
      return directives;
    }
    const [head, ...rest] = statement.tokens;
    if (!head) continue; // the lexer never returns an empty ';' or '{' statement; kept for the type checker
    if (!context.validator && !DATA_BLOCKS.has(parent ?? '')) checkShape(statement, head.value, file, parent);
    const directive: Directive = {
      name: head.value,
      args: rest.map((t) => t.value),
      quoted: rest.map((t) => t.quoted),
      block: null,
      file,
      line: head.line,
      column: head.column,
    };
    const inner =
      scope && context.validator ? context.validator.enter(directive, statement.end, scope, statement.line) : null;
    if (statement.end === '{') {
      directive.block = parseBlock(lexer, file, context, directive.name, true, inner);
      if (inner) context.validator?.leave(inner);
      directives.push(directive);
    } else if (directive.name === 'include') {
      directives.push(...include(directive, context, parent, scope));
    } else {
      directives.push(directive);
    }
  }
}

/** Parses nginx configuration text; throws NginxSyntaxError worded like `nginx -t`. */
export function parseNginx(text: string, file: string, options: ParseOptions = {}): NginxConfig {
  const validator = options.strict ? new Validator() : null;
  const context: Context = { options, prefix: options.prefix ?? dirname(file), stack: [], files: [], validator };
  const directives = parseFile(text, file, context, null, validator?.root() ?? null);
  validator?.finish(directives, file);
  return { directives, files: context.files };
}
