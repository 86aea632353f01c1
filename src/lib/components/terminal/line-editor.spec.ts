import { describe, expect, it } from 'vitest';
import { LineEditor, type EditorAction } from './line-editor';

const LEFT = '\x1b[D';
const RIGHT = '\x1b[C';
const UP = '\x1b[A';
const DOWN = '\x1b[B';

function submitted(actions: EditorAction[]): string[] {
  return actions.flatMap((a) => (a.type === 'submit' ? [a.line] : []));
}

describe('LineEditor', () => {
  it('submits typed text on Enter and starts a fresh line', () => {
    const editor = new LineEditor();
    expect(submitted(editor.feed('curl /\r'))).toEqual(['curl /']);
    expect(editor.line).toBe('');
  });

  it('edits with backspace, left, right and delete', () => {
    const editor = new LineEditor();
    editor.feed('curl /x');
    editor.feed('\x7f');
    editor.feed(`${LEFT}${LEFT}-i ${RIGHT}`);
    expect(editor.line).toBe('curl-i  /');
    editor.feed('\x1b[H\x1b[3~');
    expect(editor.line).toBe('url-i  /');
  });

  it('redraws the line with the cursor in place', () => {
    const editor = new LineEditor('$ ');
    const actions = editor.feed(`ab${LEFT}`);
    expect(actions).toEqual([{ type: 'write', data: '\r\x1b[K$ ab\x1b[1D' }]);
  });

  it('walks history with up and down, keeping the draft', () => {
    const editor = new LineEditor();
    editor.feed('one\rtwo\rtwo\r');
    expect(editor.entries).toEqual(['one', 'two']);
    editor.feed('dra');
    editor.feed(UP);
    expect(editor.line).toBe('two');
    editor.feed(UP + UP + UP);
    expect(editor.line).toBe('one');
    editor.feed(DOWN + DOWN);
    expect(editor.line).toBe('dra');
  });

  it('cancels the line on Ctrl+C', () => {
    const editor = new LineEditor();
    const actions = editor.feed('curl /\x03');
    expect(actions.slice(-2)).toEqual([{ type: 'write', data: '^C\r\n' }, { type: 'interrupt' }]);
    expect(editor.line).toBe('');
    expect(editor.entries).toEqual([]);
  });

  it('asks to clear on Ctrl+L and keeps the line', () => {
    const editor = new LineEditor();
    editor.feed('abc');
    expect(editor.feed('\x0c')).toEqual([{ type: 'clear' }]);
    expect(editor.line).toBe('abc');
  });

  it('kills to the start with Ctrl+U and moves with Ctrl+A / Ctrl+E', () => {
    const editor = new LineEditor();
    editor.feed(`hello world${LEFT.repeat(5)}\x15`);
    expect(editor.line).toBe('world');
    editor.feed('\x01>\x05<');
    expect(editor.line).toBe('>world<');
  });

  it('submits each line of a paste', () => {
    const editor = new LineEditor();
    expect(submitted(editor.feed('help\r\nenv\rcur'))).toEqual(['help', 'env']);
    expect(editor.line).toBe('cur');
  });

  it('ignores keys it does not know', () => {
    const editor = new LineEditor();
    expect(editor.feed('\x1b[15~\x07')).toEqual([]);
    expect(editor.feed(LEFT)).toEqual([]);
  });
});
