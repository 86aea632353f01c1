/**
 * Types for the two Monaco internals the tokenizer specs run (Monaco ships no declarations for them). The
 * editor never imports these: it uses the public `monaco.languages` API. Only what the specs call is declared.
 */
declare module 'monaco-editor/editor/standalone/common/monarch/monarchCompile.js' {
  import type { languages } from 'monaco-editor/editor';
  /** Checks a Monarch definition and compiles its regexes; throws on a malformed one. */
  export function compile(languageId: string, json: languages.IMonarchLanguage): unknown;
}

declare module 'monaco-editor/editor/standalone/common/monarch/monarchLexer.js' {
  import type { languages } from 'monaco-editor/editor';
  /** Monaco's internal token (editor/common/languages.ts), not the public `languages.IToken`. */
  export interface Token {
    offset: number;
    type: string;
    language: string;
  }

  export class MonarchTokenizer {
    constructor(
      languageService: unknown,
      themeService: unknown,
      languageId: string,
      lexer: unknown,
      configurationService: {
        getValue(key: string, overrides?: unknown): unknown;
        onDidChangeConfiguration(listener: unknown): { dispose(): void };
      },
    );
    getInitialState(): languages.IState;
    tokenize(line: string, hasEOL: boolean, state: languages.IState): { tokens: Token[]; endState: languages.IState };
    dispose(): void;
  }
}
