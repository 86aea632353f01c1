/**
 * The walk (server/config.c ap_walk_config): each directive in order, looked up among the loaded modules, its
 * place checked against `-L`'s "Allowed in" (the override mask), its arguments counted as config.c counts them,
 * then the checks of its handler (handlers.ts). The first error, at its file and line, is `apachectl -t`'s.
 */
import type { DirectiveRow } from './data/directives.generated';
import { handlerError, type WalkState } from './handlers';
import { argumentCountError, invalidCommand, lookupDirective } from './directives';
import { ApacheSyntaxError, type ApacheConfig, type ApacheDirective } from './types';

export interface WalkContext {
  /** server: the main server; vhost: inside <VirtualHost>; dir: inside <Directory>/<Location>/<Files>/<If>. */
  level: 'server' | 'vhost' | 'dir';
  /** The section the directive sits in (`<VirtualHost`), null at the top. */
  parent: ApacheDirective | null;
  inVirtualHost: boolean;
  /** The innermost <Location>/<Directory>/… the directive sits in. */
  dirSection: ApacheDirective | null;
}

/** Sections whose body is per-directory configuration. */
const DIR_SECTIONS = new Set([
  '<Directory',
  '<DirectoryMatch',
  '<Location',
  '<LocationMatch',
  '<Files',
  '<FilesMatch',
  '<Proxy',
  '<ProxyMatch',
  '<If',
  '<ElseIf',
  '<Else',
]);

export function walkConfig(config: ApacheConfig): void {
  const state: WalkState = { config, listens: new Set() };
  walk(config.directives, { level: 'server', parent: null, inVirtualHost: false, dirSection: null }, state);
}

function walk(directives: readonly ApacheDirective[], context: WalkContext, state: WalkState): void {
  let previous: ApacheDirective | null = null;
  for (const d of directives) {
    const error = check(d, context, state, previous);
    if (error) throw new ApacheSyntaxError(error, d.file, d.line);
    if (d.children) walk(d.children, inner(d, context), state);
    previous = d;
  }
}

function inner(d: ApacheDirective, context: WalkContext): WalkContext {
  if (d.name === '<VirtualHost') return { level: 'vhost', parent: d, inVirtualHost: true, dirSection: null };
  // <Limit>, <LimitExcept>, <IfVersion>…: the parent's level, narrowed by method or version only.
  if (!DIR_SECTIONS.has(d.name)) return { ...context, parent: d };
  return { level: 'dir', parent: d, inVirtualHost: context.inVirtualHost, dirSection: d };
}

function check(
  d: ApacheDirective,
  context: WalkContext,
  state: WalkState,
  previous: ApacheDirective | null,
): string | null {
  const found = lookupDirective(d.name, state.config.modules);
  if (!found) return invalidCommand(d.name);
  const { name, row } = found;
  const placeError = wrongPlace(name, row, context);
  if (placeError) return placeError;
  if (row.section) return sectionError(d, context, previous);
  const countError = argumentCountError(name, row, d.raw);
  if (countError) return countError;
  if (row.notInVirtualHost && context.inVirtualHost) return `${name} cannot occur within <VirtualHost> section`;
  return handlerError(d, context, state);
}

/** The override mask: where `-L` says the directive is allowed. */
function wrongPlace(name: string, row: DirectiveRow, context: WalkContext): string | null {
  const allowed = row.context === 'anywhere' || (row.context === 'server') === (context.level !== 'dir');
  if (allowed) return null;
  return context.parent ? `${name} not allowed in ${context.parent.name}> context` : `${name} not allowed here`;
}

/** The checks the section handlers (core.c) make before walking their body. */
function sectionError(d: ApacheDirective, context: WalkContext, previous: ApacheDirective | null): string | null {
  const end = d.raw.lastIndexOf('>');
  if (d.name === '<VirtualHost' && context.inVirtualHost)
    return '<VirtualHost> cannot occur within <VirtualHost> section';
  if ((d.name === '<Else' || d.name === '<ElseIf') && !(previous?.name === '<If' || previous?.name === '<ElseIf')) {
    return '<Else> or <ElseIf> section without previous <If> or <ElseIf> section in same scope';
  }
  // core.c filesection: ap_check_cmd_context(cmd, NOT_IN_LOCATION | NOT_IN_LIMIT).
  const location = context.dirSection?.name;
  if ((d.name === '<Files' || d.name === '<FilesMatch') && (location === '<Location' || location === '<LocationMatch'))
    return `${d.name}> cannot occur within ${location}> section`;
  if (end < 0) return `${d.name}> directive missing closing '>'`;
  const argument = d.raw.slice(0, end).trim();
  if (d.name === '<Else') return argument === '' ? null : '<Else> does not take an argument';
  if (argument === '') return `${d.name}> directive requires additional arguments`;
  const regex = d.name.endsWith('Match') ? d.args[0] : d.args[0] === '~' ? d.args[1] : undefined;
  if (regex !== undefined && !compiles(regex)) return 'Regex could not be compiled';
  return null;
}

/** Whether a PCRE pattern compiles, as far as JavaScript's RegExp can tell (the same for the usual patterns). */
export function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    try {
      new RegExp(pattern);
      return true;
    } catch {
      return false;
    }
  }
}
