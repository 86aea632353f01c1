/**
 * nginx location selection (ngx_http_core_find_location): an exact `=` match wins at once; otherwise the longest
 * prefix is remembered, its nested locations are searched, and then — unless that prefix is `^~` — the regex
 * locations of the level in config order, the first match winning; failing those, the longest prefix.
 */
import { blocks, type Scope } from './query';
import { pcreToRegExp } from './regex';
import type { Directive } from './types';

export type LocationModifier = '=' | '^~' | '~' | '~*' | '@' | '';

export interface LocationSpec {
  modifier: LocationModifier;
  /** The prefix, exact URI, regex source or name (without `@`). */
  pattern: string;
}

/** Reads `location [mod] pattern`, including the glued forms nginx also accepts (`location =/x`, `location ~*\.php`). */
export function parseLocation(d: Directive): LocationSpec {
  const [first = '', second] = d.args;
  if (second !== undefined) {
    if (first === '=' || first === '^~' || first === '~' || first === '~*') return { modifier: first, pattern: second };
    throw new Error(`invalid location modifier "${first}" in ${d.file}:${d.line}`);
  }
  if (d.quoted[0]) return { modifier: '', pattern: first };
  if (first.startsWith('=')) return { modifier: '=', pattern: first.slice(1) };
  if (first.startsWith('^~')) return { modifier: '^~', pattern: first.slice(2) };
  if (first.startsWith('~*')) return { modifier: '~*', pattern: first.slice(2) };
  if (first.startsWith('~')) return { modifier: '~', pattern: first.slice(1) };
  if (first.startsWith('@')) return { modifier: '@', pattern: first.slice(1) };
  return { modifier: '', pattern: first };
}

export interface LocationMatch {
  /** The selected location, innermost. */
  location: Directive;
  spec: LocationSpec;
  /** Enclosing locations then the selected one, outermost first (for inheritance chains). */
  chain: Directive[];
  /** Regex captures: index 0 is the whole match; named groups separately. */
  captures: string[];
  named: Record<string, string>;
}

interface Found {
  match: LocationMatch | null;
  /** nginx's NGX_OK/NGX_DONE: stop searching (exact match or regex match). */
  final: boolean;
}

/** nginx is case-sensitive for prefixes on Linux; `caseless` mirrors builds that are not. */
function prefixMatches(pattern: string, uri: string): boolean {
  return uri.startsWith(pattern);
}

function regexFor(spec: LocationSpec): RegExp {
  return pcreToRegExp(spec.pattern, spec.modifier === '~*');
}

function find(scope: Scope, uri: string, chain: Directive[]): Found {
  const locations = blocks(scope, 'location').map((d) => ({ d, spec: parseLocation(d) }));
  let best: { d: Directive; spec: LocationSpec } | null = null;
  for (const l of locations) {
    if (l.spec.modifier === '=' && l.spec.pattern === uri) {
      return { match: { location: l.d, spec: l.spec, chain: [...chain, l.d], captures: [], named: {} }, final: true };
    }
    if ((l.spec.modifier === '' || l.spec.modifier === '^~') && prefixMatches(l.spec.pattern, uri)) {
      if (!best || l.spec.pattern.length > best.spec.pattern.length) best = l;
    }
  }
  let result: Found = { match: null, final: false };
  let noRegex = false;
  if (best) {
    noRegex = best.spec.modifier === '^~';
    const nested = find(best.d, uri, [...chain, best.d]);
    if (nested.final) return nested;
    result = {
      match: nested.match ?? { location: best.d, spec: best.spec, chain: [...chain, best.d], captures: [], named: {} },
      final: false,
    };
  }
  if (!noRegex) {
    for (const l of locations) {
      if (l.spec.modifier !== '~' && l.spec.modifier !== '~*') continue;
      const m = regexFor(l.spec).exec(uri);
      if (m) {
        const captures = Array.from(m, (c) => c ?? '');
        const named: Record<string, string> = {};
        for (const [k, v] of Object.entries(m.groups ?? {})) named[k] = v ?? '';
        return { match: { location: l.d, spec: l.spec, chain: [...chain, l.d], captures, named }, final: true };
      }
    }
  }
  return result;
}

/** Selects the location for a normalised URI ($uri) among a server block's locations; null when none matches. */
export function matchLocation(server: Scope, uri: string): LocationMatch | null {
  return find(server, uri, []).match;
}

/** A named location (`location @name`), the target of `try_files ... @name` and `error_page ... @name`. */
export function namedLocation(server: Scope, name: string): Directive | undefined {
  return blocks(server, 'location').find((d) => {
    const spec = parseLocation(d);
    return spec.modifier === '@' && spec.pattern === name.replace(/^@/, '');
  });
}
