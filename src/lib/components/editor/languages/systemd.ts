/**
 * systemd unit files (systemd.syntax(7)): `[Section]` headers, `Key=value` entries, `#` and `;` comments on
 * lines of their own, and a value continued on the next line by a trailing `\`. In values: specifiers (`%h`,
 * `%i`, `%%`, systemd.unit(5)), `$VAR`/`${VAR}` in Exec lines, quoted strings, numbers with time units, and
 * booleans. `includeLF` gives each line its `\n`, so a value ends at the line's end unless a `\` continues it.
 */
import type { languages } from 'monaco-editor/editor';

export const conf: languages.LanguageConfiguration = {
  comments: { lineComment: '#' },
  brackets: [['[', ']']],
  autoClosingPairs: [
    { open: '[', close: ']' },
    { open: '"', close: '"', notIn: ['string'] },
  ],
  surroundingPairs: [
    { open: '[', close: ']' },
    { open: '"', close: '"' },
    { open: "'", close: "'" },
  ],
};

export const language: languages.IMonarchLanguage = {
  defaultToken: '',
  tokenPostfix: '.systemd',
  includeLF: true,

  tokenizer: {
    root: [
      [/^\s*[#;].*/, 'comment'],
      [/^\s*\[[^\]\n]*\]/, 'metatag'],
      [/^(\s*)([A-Za-z][\w.-]*)(\s*)(=)/, ['', 'key', '', { token: 'delimiter', next: '@value' }]],
      [/\s+/, ''],
      [/[^\s]+/, ''],
    ],

    value: [
      // A trailing backslash continues the value on the next line.
      [/\\\n/, 'keyword.flow'],
      [/\n/, '', '@pop'],
      [/\s+/, ''],
      [/%%/, 'string.escape'],
      [/%[a-zA-Z]/, 'variable.predefined'],
      [/\$\{\w+\}|\$\w+/, 'variable'],
      [/"/, 'string', '@string."'],
      [/'/, 'string', "@string.'"],
      [/(?:yes|no|true|false|on|off)(?=\s|$)/, 'constant'],
      // Counts and time spans: 5, 30s, 500ms, 1min, 2h, infinity.
      [/(?:\d+(?:\.\d+)?(?:us|ms|s|sec|min|m|h|d|w)?|infinity)(?=\s|$)/, 'number'],
      // Exec prefixes: - ignores failure, @ sets argv[0], : no substitution, + and ! privileges.
      [/[-@:+!]+(?=\/)/, 'keyword.flow'],
      [/[^\s%$"'\\]+/, ''],
      [/[%$\\]/, ''],
    ],

    string: [
      [/\\\n/, 'keyword.flow'],
      [/\\./, 'string.escape'],
      [/%%/, 'string.escape'],
      [/%[a-zA-Z]/, 'variable.predefined'],
      [/\$\{\w+\}|\$\w+/, 'variable'],
      [/["']/, { cases: { '$#==$S2': { token: 'string', next: '@pop' }, '@default': 'string' } }],
      // An unclosed quote ends with the value, at the end of the line.
      [/\n/, { token: '', next: '@popall' }],
      [/[^\\"'%$\n]+/, 'string'],
      [/[%$]/, 'string'],
    ],
  },
};
