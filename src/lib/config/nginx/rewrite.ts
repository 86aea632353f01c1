/**
 * The rewrite module's directives, run in order as nginx's script engine runs them at the server and location
 * rewrite phases: `set`, `if`, `return`, `rewrite`, `break`. `if` is also a config switch: inside a location, a
 * true `if` makes its block the request's configuration ("if is evil": its proxy_pass and headers apply).
 */
import { ifCondition } from './query';
import { pcreToRegExp } from './regex';
import type { Directive } from './types';
import { evaluate, type VariableContext } from './variables';

/** The mutable part of a request while rewrite directives run. */
export interface RewriteState {
  context: VariableContext;
  vars: Map<string, string>;
  /** Set when a rewrite changed $uri. */
  uriChanged: boolean;
  unknown: string[];
}

export type RewriteOutcome =
  | { kind: 'continue'; ifBlocks: Directive[] }
  | { kind: 'break'; ifBlocks: Directive[] }
  | { kind: 'last'; ifBlocks: Directive[] }
  | { kind: 'return'; status: number; text?: string; ifBlocks: Directive[] };

export interface RewriteOptions {
  /** Answers `-f`, `-d`, `-e`, `-x` tests; everything is absent without it. */
  fileExists?: (path: string, test: 'f' | 'd' | 'e' | 'x') => boolean;
}

function expand(state: RewriteState, template: string): string {
  const result = evaluate(template, { ...state.context, vars: state.vars });
  state.unknown.push(...result.unknown);
  return result.value;
}

function setCaptures(state: RewriteState, m: RegExpExecArray): void {
  const named: Record<string, string> = { ...state.context.named };
  for (const [k, v] of Object.entries(m.groups ?? {})) named[k] = v ?? '';
  state.context = { ...state.context, captures: Array.from(m, (c) => c ?? ''), named };
}

function condition(d: Directive, state: RewriteState, options: RewriteOptions): boolean {
  const args = ifCondition(d);
  const [a = '', op, b = ''] = args;
  if (args.length === 1) {
    const v = expand(state, a);
    return v !== '' && v !== '0';
  }
  if (args.length === 2 && op !== undefined) {
    const test = a.replace(/^!/, '').replace(/^-/, '') as 'f' | 'd' | 'e' | 'x';
    const result = options.fileExists?.(expand(state, op), test) ?? false;
    return a.startsWith('!') ? !result : result;
  }
  const left = expand(state, a);
  switch (op) {
    case '=':
      return left === expand(state, b);
    case '!=':
      return left !== expand(state, b);
    case '~':
    case '~*':
    case '!~':
    case '!~*': {
      const m = pcreToRegExp(b, op.endsWith('*')).exec(left);
      if (m && !op.startsWith('!')) setCaptures(state, m);
      return op.startsWith('!') ? !m : m !== null;
    }
  }
  return false;
}

function applyRewrite(
  d: Directive,
  state: RewriteState,
): RewriteOutcome['kind'] | 'redirect301' | 'redirect302' | null {
  const [pattern = '', replacement = '', flag] = d.args;
  const m = pcreToRegExp(pattern).exec(state.context.uri);
  if (!m) return null;
  setCaptures(state, m);
  let target = expand(state, replacement);
  const isUrl = /^(https?:\/\/|\$scheme)/.test(replacement);
  // A replacement with `?` sets the arguments; the original ones follow unless it ends with `?`.
  let args = state.context.args;
  let hasArgs = state.context.hasArgs;
  const q = target.indexOf('?');
  if (q >= 0) {
    const own = target.slice(q + 1);
    args = own === '' ? '' : state.context.args ? `${own}&${state.context.args}` : own;
    hasArgs = args !== '';
    target = target.slice(0, q);
  }
  if (isUrl || flag === 'redirect' || flag === 'permanent') {
    const location = args ? `${target}?${args}` : target;
    state.context = { ...state.context, uri: location };
    return flag === 'permanent' ? 'redirect301' : 'redirect302';
  }
  state.context = { ...state.context, uri: target, args, hasArgs };
  state.uriChanged = true;
  if (flag === 'last') return 'last';
  if (flag === 'break') return 'break';
  return 'continue';
}

/** Runs the rewrite directives of one block (server or location); nested `if` blocks run when true. */
export function runRewrites(
  block: readonly Directive[],
  state: RewriteState,
  options: RewriteOptions = {},
): RewriteOutcome {
  const ifBlocks: Directive[] = [];
  const run = (directives: readonly Directive[]): RewriteOutcome | null => {
    for (const d of directives) {
      switch (d.name) {
        case 'set': {
          const [name = '', value = ''] = d.args;
          state.vars.set(name.replace(/^\$/, ''), expand(state, value));
          break;
        }
        case 'break':
          return { kind: 'break', ifBlocks };
        case 'return': {
          const [first = '', second] = d.args;
          if (/^\d+$/.test(first)) {
            const status = Number(first);
            const text = second === undefined ? undefined : expand(state, second);
            return { kind: 'return', status, text, ifBlocks };
          }
          // `return URL;` is a 302 redirect.
          return { kind: 'return', status: 302, text: expand(state, first), ifBlocks };
        }
        case 'rewrite': {
          const outcome = applyRewrite(d, state);
          if (outcome === 'redirect301' || outcome === 'redirect302') {
            return { kind: 'return', status: outcome === 'redirect301' ? 301 : 302, text: state.context.uri, ifBlocks };
          }
          if (outcome === 'last' || outcome === 'break') return { kind: outcome, ifBlocks };
          break;
        }
        case 'if':
          if (d.block && condition(d, state, options)) {
            ifBlocks.push(d);
            const inner = run(d.block);
            if (inner) return inner;
          }
          break;
      }
    }
    return null;
  };
  return run(block) ?? { kind: 'continue', ifBlocks };
}
