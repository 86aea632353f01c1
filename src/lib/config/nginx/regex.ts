/**
 * PCRE (as nginx uses it) to JavaScript RegExp. Most location and map regexes are the common subset; what is not
 * (possessive quantifiers, atomic groups, recursion, \Q..\E, inline flags mid-pattern) is rejected with a reason
 * rather than silently matching something else.
 */

export class UnsupportedRegexError extends Error {
  constructor(
    readonly pattern: string,
    reason: string,
  ) {
    super(`cannot use the regex "${pattern}" here: ${reason}`);
    this.name = 'UnsupportedRegexError';
  }
}

const POSIX_CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z',
  digit: '0-9',
  alnum: 'a-zA-Z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\r\\n\\v\\f',
  xdigit: '0-9A-Fa-f',
  word: '\\w',
  punct: '!-\\/:-@\\[-`{-~',
};

export function pcreToRegExp(pattern: string, caseInsensitive = false): RegExp {
  const fail = (reason: string): never => {
    throw new UnsupportedRegexError(pattern, reason);
  };
  let flags = caseInsensitive ? 'i' : '';
  let src = pattern;
  // A leading (?i) or (?s) is common in maps; it applies to the whole pattern, which a JS flag expresses.
  const leading = /^\(\?([imsx]+)\)/.exec(src);
  if (leading) {
    for (const f of leading[1] as string) {
      if (f === 'x') fail('extended mode (?x) is not supported');
      if (!flags.includes(f)) flags += f;
    }
    src = src.slice(leading[0].length);
  }

  let out = '';
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i] as string;
    const rest = src.slice(i);
    if (ch === '\\') {
      const next = src[i + 1];
      if (next === undefined) fail('a trailing backslash');
      if (next === 'Q' || next === 'E') fail('\\Q...\\E quoting is not supported');
      if (next === 'A') {
        out += '^';
        i++;
        continue;
      }
      if (next === 'z' || next === 'Z') {
        out += '$';
        i++;
        continue;
      }
      if (next === 'G' || next === 'K' || next === 'R' || next === 'X' || next === 'C') {
        fail(`\\${next} has no JavaScript equivalent`);
      }
      if (next === 'h') {
        out += inClass ? ' \\t' : '[ \\t]';
        i++;
        continue;
      }
      out += ch + next;
      i++;
      continue;
    }
    if (inClass) {
      const posix = /^\[:(\^?)([a-z]+):\]/.exec(rest);
      if (posix) {
        const body = POSIX_CLASSES[posix[2] as string];
        if (body === undefined || posix[1]) fail(`the POSIX class [:${posix[1]}${posix[2]}:] is not supported`);
        out += body;
        i += posix[0].length - 1;
        continue;
      }
      if (ch === ']') inClass = false;
      out += ch;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      out += ch;
      // A `]` right after `[` or `[^` is a literal in PCRE; JS would read `[]` as an empty class.
      const negate = src[i + 1] === '^';
      if (negate) {
        out += '^';
        i++;
      }
      if (src[i + 1] === ']') {
        out += '\\]';
        i++;
      }
      continue;
    }
    if (ch === '(' && src[i + 1] === '?') {
      const named = /^\(\?(?:P?<([A-Za-z_]\w*)>|'([A-Za-z_]\w*)')/.exec(rest);
      if (named) {
        out += `(?<${named[1] ?? named[2]}>`;
        i += named[0].length - 1;
        continue;
      }
      if (/^\(\?(?::|=|!|<=|<!)/.test(rest)) {
        out += ch;
        continue;
      }
      if (rest.startsWith('(?>')) fail('atomic groups (?>...) are not supported');
      if (rest.startsWith('(?#')) {
        const close = src.indexOf(')', i);
        if (close < 0) fail('an unterminated comment');
        i = close;
        continue;
      }
      fail('inline options, recursion and conditionals are not supported');
    }
    if ((ch === '+' || ch === '*' || ch === '?' || ch === '}') && src[i + 1] === '+') {
      fail('possessive quantifiers are not supported');
    }
    out += ch;
  }
  try {
    return new RegExp(out, flags);
  } catch (e) {
    return fail(e instanceof Error ? e.message : String(e));
  }
}
