/** The page's keyboard shortcuts. Pure, so the key logic is testable. */

type Keys = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;

/** Ctrl+Enter, or Cmd+Enter on a Mac. */
export function isRunShortcut(event: Keys): boolean {
  return event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey;
}

/** Ctrl+Shift+Enter, or Cmd+Shift+Enter on a Mac. */
export function isCheckShortcut(event: Keys): boolean {
  return event.key === 'Enter' && (event.ctrlKey || event.metaKey) && event.shiftKey && !event.altKey;
}

export const SHORTCUTS: Array<[keys: string, action: string]> = [
  ['Ctrl/Cmd + Enter', 'Run the app'],
  ['Ctrl/Cmd + Shift + Enter', 'Check the lesson'],
  ['Ctrl + C (terminal)', 'Cancel the line, or stop a request'],
  ['Ctrl + L (terminal)', 'Clear the terminal'],
  ['Up / Down (terminal)', 'Command history'],
  [
    'Ctrl + M (editor; Ctrl + Shift + M on a Mac)',
    'Switch what Tab does in the editor: indent, or move the focus on. Coming in by keyboard, Tab moves on; after a click, it indents',
  ],
  ['Ctrl/Cmd + F (editor)', 'Find'],
  ['Ctrl/Cmd + / (editor)', 'Toggle comment'],
];
