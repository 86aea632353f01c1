/**
 * Apache httpd configuration files (httpd 2.4, "Configuration Files"): one directive per line, `#` comments on
 * lines of their own (a `#` after a directive is an argument, not a comment), `<Section args>` … `</Section>`,
 * a trailing `\` continuing the line, "quoted" and 'quoted' arguments, `${VAR}` defines, `%{VAR}` in mod_rewrite
 * and expressions, On/Off, numbers and URLs. Monaco ships no Apache language, so this is ours.
 */
import type { languages } from 'monaco-editor/editor';

export const conf: languages.LanguageConfiguration = {
  comments: { lineComment: '#' },
  brackets: [['<', '>']],
  autoClosingPairs: [
    { open: '"', close: '"', notIn: ['string'] },
    { open: "'", close: "'", notIn: ['string'] },
  ],
  surroundingPairs: [
    { open: '"', close: '"' },
    { open: "'", close: "'" },
  ],
};

export const language: languages.IMonarchLanguage = {
  defaultToken: '',
  tokenPostfix: '.apache',
  ignoreCase: true,
  includeLF: true,

  tokenizer: {
    root: [
      [/^\s*#.*/, 'comment'],
      [/^(\s*)(<\/?)([A-Za-z]\w*)/, ['', 'delimiter.angle', { token: 'tag', next: '@section' }]],
      [/^(\s*)([A-Za-z][\w-]*)/, ['', { token: 'keyword', next: '@arguments' }]],
      [/\s+/, ''],
    ],

    section: [[/>/, 'delimiter.angle'], [/\n/, '', '@pop'], { include: '@argument' }],

    arguments: [[/\n/, '', '@pop'], { include: '@argument' }],

    argument: [
      // A trailing backslash continues the directive on the next line.
      [/\\\n/, 'keyword.flow'],
      [/\s+/, ''],
      [/"/, 'string', '@string."'],
      [/'/, 'string', "@string.'"],
      [/\$\{[\w.:-]+\}/, 'variable'],
      [/%\{[\w:-]+\}/, 'variable.predefined'],
      [/(?:on|off)(?=\s|$)/, 'constant'],
      [/[a-z][a-z0-9+.-]*:\/\/[^\s"']*/, 'string.link'],
      [/[+-]?\d+(?=\s|$)/, 'number'],
      [/[^\s"'$%>\\]+/, ''],
      [/[$%>\\]/, ''],
    ],

    string: [
      [/\\\n/, 'keyword.flow'],
      [/\\./, 'string.escape'],
      [/\$\{[\w.:-]+\}/, 'variable'],
      [/%\{[\w:-]+\}/, 'variable.predefined'],
      [/["']/, { cases: { '$#==$S2': { token: 'string', next: '@pop' }, '@default': 'string' } }],
      [/\n/, 'string'],
      [/[^\\"'$%\n]+/, 'string'],
      [/[$%]/, 'string'],
    ],
  },
};
