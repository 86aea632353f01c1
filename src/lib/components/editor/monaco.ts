/**
 * Loads Monaco on demand: the core editor API (not the 14 MB `monaco-editor` entry), the few
 * editor features a learner uses, and only the languages we show. Import paths follow Monaco
 * 0.57's export map (`monaco-editor/*` → `esm/vs/*.js`), see STACK-NOTES. The deployment-file languages
 * (nginx, systemd, supervisor) are registered here too, each tokenizer fetched when a file first uses it.
 */
import type * as Monaco from 'monaco-editor/editor';
import { registerDeploymentLanguages } from './languages/register';

export type MonacoApi = typeof Monaco;

/**
 * vs-dark with comments at 5.0:1 instead of 4.2:1 on its background (#6a9955, today's VS Code
 * dark comment colour, for #608b4e): WCAG AA for normal text, as axe checks it.
 */
export const DARK_THEME = 'prodready-dark';

let loading: Promise<MonacoApi> | null = null;

export function loadMonaco(): Promise<MonacoApi> {
  loading ??= (async () => {
    const [monaco, { default: EditorWorker }] = await Promise.all([
      import('monaco-editor/editor'),
      import('monaco-editor/editor/editor.worker?worker'),
      // Hover shows marker messages; the rest are everyday editing.
      import('monaco-editor/features/hover/register'),
      import('monaco-editor/features/find/register'),
      import('monaco-editor/features/comment/register'),
      import('monaco-editor/features/bracketMatching/register'),
      import('monaco-editor/features/clipboard/register'),
      import('monaco-editor/features/contextmenu/register'),
      import('monaco-editor/features/cursorUndo/register'),
      import('monaco-editor/features/folding/register'),
      import('monaco-editor/features/gotoError/register'),
      import('monaco-editor/features/indentation/register'),
      import('monaco-editor/features/linesOperations/register'),
      import('monaco-editor/features/multicursor/register'),
      import('monaco-editor/features/wordHighlighter/register'),
      import('monaco-editor/features/wordOperations/register'),
      // Not toggleTabFocusMode: Editor.svelte binds the same keys to the editor's own option.
      // "Compare with the reference".
      import('monaco-editor/features/diffEditor/register'),
      import('monaco-editor/languages/definitions/python/register'),
      import('monaco-editor/languages/definitions/markdown/register'),
      import('monaco-editor/languages/definitions/ini/register'),
      import('monaco-editor/languages/definitions/shell/register'),
    ]);
    // Monaco's own worker (diffs, word ranges); the language workers are not loaded at all.
    self.MonacoEnvironment = { getWorker: () => new EditorWorker() };
    registerDeploymentLanguages(monaco);
    monaco.editor.defineTheme(DARK_THEME, {
      base: 'vs-dark',
      inherit: true,
      rules: [{ token: 'comment', foreground: '6a9955' }],
      colors: {},
    });
    return monaco;
  })();
  return loading;
}
