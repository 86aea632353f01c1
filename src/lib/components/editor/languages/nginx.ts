/**
 * nginx configuration (nginx.org/en/docs/beginners_guide.html#conf_structure): a statement is a directive name,
 * arguments, and `;` or a `{ … }` block. The first word of a statement is the directive; `#` starts a comment only
 * where a new word starts (as in ngx_conf_read_token). Arguments: quoted strings with nginx's escapes,
 * `$var`/`${var}`, location and `if` modifiers (`= ~ ~* ^~ !~`) with the regex after `~` shown as one,
 * numbers with size and time units (`10m`, `1d`, `500ms`), and `on`/`off`. Bodies of `map`, `geo`, `types`
 * and `split_clients` hold `key value;` pairs, not directives.
 */
import type { languages } from 'monaco-editor/editor';

export const conf: languages.LanguageConfiguration = {
  comments: { lineComment: '#' },
  brackets: [
    ['{', '}'],
    ['(', ')'],
  ],
  autoClosingPairs: [
    { open: '{', close: '}' },
    { open: '(', close: ')' },
    { open: '"', close: '"', notIn: ['string'] },
    { open: "'", close: "'", notIn: ['string'] },
  ],
  surroundingPairs: [
    { open: '{', close: '}' },
    { open: '(', close: ')' },
    { open: '"', close: '"' },
    { open: "'", close: "'" },
  ],
};

export const language: languages.IMonarchLanguage = {
  defaultToken: '',
  tokenPostfix: '.nginx',

  // Directives that open a block of directives.
  blocks: [
    'events',
    'geo',
    'http',
    'if',
    'limit_except',
    'location',
    'mail',
    'map',
    'server',
    'split_clients',
    'stream',
    'types',
    'upstream',
  ],
  // Blocks whose body is `key value;` pairs.
  tables: ['geo', 'map', 'split_clients', 'types'],

  tokenizer: {
    // Between statements: the next word is a directive.
    root: [
      { include: '@whitespace' },
      [/[{}]/, 'delimiter.curly'],
      [/;/, 'delimiter'],
      [
        /[a-zA-Z_]\w*/,
        {
          cases: {
            '@tables': { token: 'keyword', next: '@tableArguments' },
            if: { token: 'keyword', next: '@condition' },
            '@blocks': { token: 'keyword', next: '@arguments' },
            '@default': { token: 'key', next: '@arguments' },
          },
        },
      ],
      // Not a directive name (a stray value): plain text up to the next statement.
      [/[^\s;{}]+/, ''],
    ],

    // A directive's arguments, up to `;` or the `{` of its block.
    arguments: [
      [/;/, 'delimiter', '@pop'],
      [/[{}]/, 'delimiter.curly', '@pop'],
      { include: '@values' },
      [/[^\s;{}"'$]+/, ''],
    ],

    // `if (…)`: only here do parentheses group; elsewhere they belong to the word (`^/(.*)$`).
    condition: [
      [/[()]/, 'delimiter.parenthesis'],
      [/;/, 'delimiter', '@pop'],
      [/[{}]/, 'delimiter.curly', '@pop'],
      { include: '@values' },
      [/[^\s;{}()"'$]+/, ''],
    ],

    tableArguments: [
      [/;/, 'delimiter', '@pop'],
      [/\{/, { token: 'delimiter.curly', switchTo: '@table' }],
      [/\}/, 'delimiter.curly', '@pop'],
      { include: '@values' },
      [/[^\s;{}"'$]+/, ''],
    ],

    // The body of a map/geo/types block: `key value;` lines, and the parameters these blocks take
    // (`default`, `hostnames`, …). `}` ends it and the directive.
    table: [
      { include: '@whitespace' },
      [/\}/, 'delimiter.curly', '@pop'],
      [/;/, 'delimiter'],
      [/~\*?(?=[^\s"'])/, 'keyword.flow', '@regex'],
      [/(~\*?)(["'])/, ['keyword.flow', { token: 'regexp', next: '@regexString.$2' }]],
      [/(?:default|hostnames|include|volatile|ranges|proxy|delete)(?=[\s;]|$)/, 'keyword'],
      { include: '@values' },
      [/[^\s;{}"'$]+/, ''],
    ],

    // What arguments have in common; each state above adds its own rule for a plain word.
    values: [
      // `#` starts a comment only where a word starts: `https://$host/#top` is one argument.
      [/^\s*#.*$/, 'comment'],
      [/(\s+)(#.*$)/, ['', 'comment']],
      [/\s+/, ''],
      // Modifiers of location and if, standing alone: the regex after ~ reads as one.
      [/!?~\*?(?=\s)/, 'keyword.flow', '@regexAfterSpace'],
      [/(?:=|\^~|!=)(?=\s)/, 'keyword.flow'],
      [/!?-[fdex](?=\s)/, 'keyword.flow'],
      [/"/, 'string', '@string."'],
      [/'/, 'string', "@string.'"],
      { include: '@variables' },
      [/\$/, ''],
      [/(?:on|off)(?=[\s;{})]|$)/, 'constant'],
      // Sizes (10m, 1k, 2g) and times (1d, 30s, 500ms, 1y), alone as an argument.
      [/\d+(?:\.\d+)?(?:ms|[kKmMgGsShdwy])?(?=[\s;{})]|$)/, 'number'],
    ],

    variables: [
      [/\$\{[a-zA-Z_]\w*\}/, 'variable'],
      [/\$[a-zA-Z_]\w*/, 'variable'],
      [/\$\d/, 'variable'],
    ],

    whitespace: [
      [/\s+/, ''],
      [/#.*$/, 'comment'],
    ],

    // The regex after `~`/`~*`, once the spaces before it are skipped.
    regexAfterSpace: [
      [/\s+/, ''],
      [/["']/, { token: 'regexp', switchTo: '@regexString.$0' }],
      [/[^\s;{}"']+/, 'regexp', '@pop'],
      // A modifier with nothing after it (`~;`): let the statement end.
      [/(?=[;{}])/, '', '@pop'],
    ],
    regex: [[/[^\s;{}"']+/, 'regexp', '@pop']],
    // A quoted regex; $S2 is the opening quote.
    regexString: [
      [/\\./, 'regexp.escape'],
      [/["']/, { cases: { '$#==$S2': { token: 'regexp', next: '@pop' }, '@default': 'regexp' } }],
      [/[^\\"']+/, 'regexp'],
    ],

    // "…" and '…'; $S2 is the opening quote. nginx expands variables in both, and resolves only
    // \" \' \\ \n \r \t (ngx_conf_read_token); any other backslash stays as written.
    string: [
      [/\\["'\\nrt]/, 'string.escape'],
      [/\\./, 'string'],
      { include: '@variables' },
      [/["']/, { cases: { '$#==$S2': { token: 'string', next: '@pop' }, '@default': 'string' } }],
      [/[^\\"'$]+/, 'string'],
      [/\$/, 'string'],
    ],
  },
};
