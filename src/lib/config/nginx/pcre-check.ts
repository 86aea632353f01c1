/**
 * Which regexes PCRE2 (nginx's regex library) refuses to compile, with PCRE2's message and error offset, so the
 * virtual nginx reports `pcre2_compile() failed: ...` where nginx does. Hand-written: the browser has no PCRE2,
 * and JavaScript's RegExp accepts and refuses different patterns (a lone `]`, `{`, `(?<1>`…), so it cannot
 * decide alone. Covers the mistakes a hand-typed location makes; the wording is PCRE2 10.42's (Debian 12).
 */

export interface PcreProblem {
  message: string;
  /** Where PCRE2 stopped, as an index into the pattern (nginx prints the rest after `at`). */
  offset: number;
}

const QUANTIFIER = /^(\*|\+|\?|\{\d+(,\d*)?\})/;

export function checkPcre(pattern: string): PcreProblem | null {
  const problem = (message: string, offset: number): PcreProblem => ({ message, offset });
  const open: number[] = [];
  const names = new Set<string>();
  const references: Array<{ name: string; offset: number }> = [];
  // Whether the previous item can take a quantifier, and whether it already has one (a second is an error,
  // except the possessive `+` and lazy `?` suffixes).
  let repeatable = false;
  let quantified = false;
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i] as string;
    if (ch === '\\') {
      if (i + 1 >= pattern.length) return problem('\\ at end of pattern', pattern.length);
      const named = /^\\k(?:<([^>]*)>|\{([^}]*)\}|'([^']*)')/.exec(pattern.slice(i));
      if (named) {
        references.push({ name: named[1] ?? named[2] ?? named[3] ?? '', offset: i + 3 });
        i += named[0].length;
      } else i += 2;
      repeatable = true;
      quantified = false;
      continue;
    }
    if (ch === '[') {
      let j = i + 1;
      if (pattern[j] === '^') j++;
      if (pattern[j] === ']') j++;
      let previous: string | null = null;
      for (; j < pattern.length && pattern[j] !== ']'; j++) {
        let c = pattern[j] as string;
        if (c === '[' && /^\[:[a-z]+:\]/.test(pattern.slice(j))) {
          j = pattern.indexOf(':]', j) + 1;
          previous = null;
          continue;
        }
        if (c === '\\') {
          c = pattern[j + 1] ?? '';
          j++;
          previous = /[a-zA-Z]/.test(c) ? null : c;
          continue;
        }
        if (c === '-' && previous !== null && pattern[j + 1] !== undefined && pattern[j + 1] !== ']') {
          const end = pattern[j + 1] as string;
          if (end !== '\\' && end < previous) return problem('range out of order in character class', j + 1);
          j++;
          previous = null;
          continue;
        }
        previous = c;
      }
      if (j >= pattern.length) return problem('missing terminating ] for character class', pattern.length);
      i = j + 1;
      repeatable = true;
      quantified = false;
      continue;
    }
    if (ch === '(') {
      const rest = pattern.slice(i);
      if (rest.startsWith('(?#')) {
        const end = pattern.indexOf(')', i);
        if (end < 0) return problem('missing ) after (?# comment', pattern.length);
        i = end + 1;
        continue;
      }
      if (rest.startsWith('(?')) {
        const name = /^\(\?P?<(?![=!])|^\(\?'/.exec(rest);
        if (name) {
          const start = i + name[0].length;
          const terminator = rest.startsWith("(?'") ? "'" : '>';
          const text = /^[A-Za-z0-9_]*/.exec(pattern.slice(start))?.[0] ?? '';
          if (/^\d/.test(text)) return problem('subpattern name must start with a non-digit', start);
          if (pattern[start + text.length] !== terminator) {
            return problem(
              'syntax error in subpattern name (missing terminator?)',
              Math.min(start + text.length, pattern.length),
            );
          }
          if (names.has(text)) {
            return problem(
              'two named subpatterns have the same name (PCRE2_DUPNAMES not set)',
              start + text.length + 1,
            );
          }
          names.add(text);
          open.push(i);
          i = start + text.length + 1;
          repeatable = false;
          continue;
        }
        const kind = /^\(\?(:|=|!|<=|<!|>|\||[imsxnU-]*[:)])/.exec(rest);
        if (!kind) return problem('unrecognized character after (? or (?-', i + 2);
        if (kind[1]?.endsWith(')') && kind[1] !== ')') {
          i += kind[0].length;
          continue;
        }
        open.push(i);
        i += kind[0].length;
        repeatable = false;
        continue;
      }
      open.push(i);
      i++;
      repeatable = false;
      continue;
    }
    if (ch === ')') {
      if (open.length === 0) return problem('unmatched closing parenthesis', i);
      open.pop();
      i++;
      repeatable = true;
      quantified = false;
      continue;
    }
    const quantifier = QUANTIFIER.exec(pattern.slice(i));
    if (quantifier) {
      const length = quantifier[0].length;
      if (quantified && (ch === '+' || ch === '?') && length === 1) {
        // a possessive or lazy suffix: `a*+`, `a*?`
        i++;
        quantified = false;
        repeatable = false;
        continue;
      }
      if (!repeatable) return problem('quantifier does not follow a repeatable item', i);
      const range = /^\{(\d+),(\d+)\}$/.exec(quantifier[0]);
      if (range && Number(range[2]) < Number(range[1])) {
        return problem('numbers out of order in {} quantifier', i + length - 1);
      }
      i += length;
      quantified = true;
      repeatable = false;
      continue;
    }
    if (quantified && (ch === '*' || ch === '+' || ch === '?')) {
      return problem('quantifier does not follow a repeatable item', i);
    }
    repeatable = ch !== '^' && ch !== '$' && ch !== '|';
    quantified = false;
    i++;
  }
  if (open.length > 0) return problem('missing closing parenthesis', pattern.length);
  for (const reference of references) {
    if (!names.has(reference.name)) return problem('reference to non-existent subpattern', reference.offset);
  }
  return null;
}
