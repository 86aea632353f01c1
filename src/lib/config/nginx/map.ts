/**
 * `map` blocks as variables (ngx_http_map_module): exact strings first (compared case-insensitively), then
 * regexes (`~`, `~*`) in config order, then `default`. The value may itself hold variables and the regex's
 * captures. Maps are evaluated lazily, when a variable is read, as nginx does.
 */
import { blocks, type Scope } from './query';
import { pcreToRegExp } from './regex';
import type { Directive } from './types';
import { evaluate, type VariableContext } from './variables';

export interface MapDefinition {
  source: string;
  block: Directive;
}

/** The variables defined by `map` blocks in a scope (the http block), by name without `$`. */
export function mapDefinitions(http: Scope): Map<string, MapDefinition> {
  const out = new Map<string, MapDefinition>();
  for (const block of blocks(http, 'map')) {
    const [source = '', target = ''] = block.args;
    out.set(target.replace(/^\$/, ''), { source, block });
  }
  return out;
}

const FLAGS = new Set(['default', 'hostnames', 'volatile']);

/** Evaluates one map for a request; `unknown` collects variables nginx would not know. */
export function evaluateMap(definition: MapDefinition, context: VariableContext, unknown: string[] = []): string {
  const run = (template: string, ctx: VariableContext): string => {
    const r = evaluate(template, ctx);
    unknown.push(...r.unknown);
    return r.value;
  };
  const input = run(definition.source, context);
  const entries = (definition.block.block ?? []).filter((e) => !FLAGS.has(e.name) || e.args.length === 0);
  for (const e of entries) {
    const key = e.name.replace(/^\\/, '');
    if (!e.name.startsWith('~') && key.toLowerCase() === input.toLowerCase()) return run(e.args[0] ?? '', context);
  }
  for (const e of entries) {
    if (!e.name.startsWith('~')) continue;
    const caseless = e.name.startsWith('~*');
    const m = pcreToRegExp(e.name.slice(caseless ? 2 : 1), caseless).exec(input);
    if (!m) continue;
    const named: Record<string, string> = { ...context.named };
    for (const [k, v] of Object.entries(m.groups ?? {})) named[k] = v ?? '';
    return run(e.args[0] ?? '', { ...context, captures: Array.from(m, (c) => c ?? ''), named });
  }
  const fallback = (definition.block.block ?? []).find((e) => e.name === 'default' && e.args.length > 0);
  return fallback ? run(fallback.args[0] ?? '', context) : '';
}

/** A resolver for VariableContext.resolve that answers map variables. */
export function mapResolver(
  http: Scope,
  unknown: string[] = [],
): (name: string, context: VariableContext) => string | undefined {
  const maps = mapDefinitions(http);
  return (name, context) => {
    const definition = maps.get(name);
    return definition ? evaluateMap(definition, context, unknown) : undefined;
  };
}
