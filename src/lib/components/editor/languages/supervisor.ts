/**
 * Supervisor configuration (supervisord.org/configuration.html), read as Python's RawConfigParser reads it for
 * Supervisor: `[program:name]` sections, `key = value` or `key: value`, `;`/`#` comments on their own line or,
 * inline, after whitespace, and continuation lines by indentation. Values expand `%(ENV_X)s` and
 * `%(program_name)s`; `%%` is a literal percent. `includeLF` gives each line its `\n`, so a value ends there.
 */
import type { languages } from 'monaco-editor/editor';

export const conf: languages.LanguageConfiguration = {
  comments: { lineComment: ';' },
  brackets: [
    ['[', ']'],
    ['(', ')'],
  ],
  autoClosingPairs: [
    { open: '[', close: ']' },
    { open: '(', close: ')' },
    { open: '"', close: '"', notIn: ['string'] },
    { open: "'", close: "'", notIn: ['string'] },
  ],
  surroundingPairs: [
    { open: '[', close: ']' },
    { open: '(', close: ')' },
    { open: '"', close: '"' },
    { open: "'", close: "'" },
  ],
};

export const language: languages.IMonarchLanguage = {
  defaultToken: '',
  tokenPostfix: '.supervisor',
  includeLF: true,

  tokenizer: {
    root: [
      [/^\s*[;#].*/, 'comment'],
      // [program:web] → the kind as the header, the name as a type.
      [/^(\s*\[)([^\]:\n]+)(:)([^\]\n]*)(\])/, ['metatag', 'metatag', 'delimiter', 'type', 'metatag']],
      [/^\s*\[[^\]\n]*\]/, 'metatag'],
      [/^([^\s=:;#[][^=:\n]*?)(\s*)([=:])/, ['key', '', { token: 'delimiter', next: '@value' }]],
      // An indented line continues the previous value.
      [/^\s+(?=\S)/, { token: '', next: '@value' }],
      [/\s+/, ''],
      [/[^\s]+/, ''],
    ],

    value: [
      [/\n/, '', '@pop'],
      // Inline comments need whitespace before them; `a;b` is a value.
      [/(\s+)([;#].*)/, ['', 'comment']],
      [/\s+/, ''],
      [/%%/, 'string.escape'],
      [/%\([\w.-]+\)[sdifr]/, 'variable'],
      [/["']/, 'string', '@string.$0'],
      // Supervisor reads booleans in any case.
      [/(?:[Tt]rue|[Ff]alse|TRUE|FALSE|[Yy]es|[Nn]o|[Oo]n|[Oo]ff)(?=\s|,|$)/, 'constant'],
      [/\d+(?:\.\d+)?(?:KB|MB|GB)?(?=\s|,|$)/, 'number'],
      [/[^\s%"']+/, ''],
      [/[%"']/, ''],
    ],

    // Quotes are plain characters to the INI reader; shown as strings because Supervisor splits
    // `command=` and `environment=` like a shell. $S2 is the opening quote; the line's end closes it too.
    string: [
      [/\n/, { token: '', next: '@popall' }],
      [/%%/, 'string.escape'],
      [/%\([\w.-]+\)[sdifr]/, 'variable'],
      [/["']/, { cases: { '$#==$S2': { token: 'string', next: '@pop' }, '@default': 'string' } }],
      [/[^"'%\n]+/, 'string'],
      [/%/, 'string'],
    ],
  },
};
