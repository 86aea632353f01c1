/** The line editor's redraws on a real xterm (the headless build of the same engine), at a width the line wraps at. */
import { Terminal } from '@xterm/headless';
import { describe, expect, it } from 'vitest';
import { LineEditor, type EditorAction } from './line-editor';

const COLUMNS = 10;
const LEFT = '\x1b[D';

function setup() {
  const terminal = new Terminal({ cols: COLUMNS, rows: 8, allowProposedApi: true });
  const editor = new LineEditor('$ ', () => terminal.cols);
  const write = (data: string) => new Promise<void>((resolve) => terminal.write(data, resolve));
  const type = async (keys: string): Promise<EditorAction[]> => {
    const actions = editor.feed(keys);
    for (const action of actions) if (action.type === 'write') await write(action.data);
    return actions;
  };
  const screen = () => {
    const rows: string[] = [];
    for (let y = 0; y < terminal.rows; y++) rows.push(terminal.buffer.active.getLine(y)!.translateToString(true));
    while (rows.length > 0 && rows[rows.length - 1] === '') rows.pop();
    return rows;
  };
  const cursor = () => [terminal.buffer.active.cursorY, terminal.buffer.active.cursorX];
  return { terminal, editor, write, type, screen, cursor };
}

describe('LineEditor on a terminal narrower than the line', () => {
  it('types a line that wraps key by key without repeating its rows', async () => {
    const t = setup();
    await t.write(t.editor.renderFresh());
    for (const key of 'curl -i /orders/1001') await t.type(key);
    expect(t.screen()).toEqual(['$ curl -i ', '/orders/10', '01']);
    expect(t.cursor()).toEqual([2, 2]);
  });

  it('moves the cursor across the wrap and inserts there', async () => {
    const t = setup();
    await t.write(t.editor.renderFresh());
    await t.type('abcdefghijkl');
    await t.type(LEFT.repeat(6));
    // "$ abcdef|ghijkl": the cursor is on the first row, after "f".
    expect(t.cursor()).toEqual([0, 8]);
    await t.type('XYZ');
    expect(t.screen()).toEqual(['$ abcdefXY', 'Zghijkl']);
    expect(t.cursor()).toEqual([1, 1]);
  });

  it('clears the rows a shorter line no longer uses', async () => {
    const t = setup();
    await t.write(t.editor.renderFresh());
    await t.type('abcdefghijklmnop');
    await t.type('\x7f'.repeat(12));
    expect(t.screen()).toEqual(['$ abcd']);
    expect(t.cursor()).toEqual([0, 6]);
  });

  it('stands on the next row when the line fills its last row exactly', async () => {
    const t = setup();
    await t.write(t.editor.renderFresh());
    await t.type('abcdefgh');
    expect(t.cursor()).toEqual([1, 0]);
    await t.type('i');
    expect(t.screen()).toEqual(['$ abcdefgh', 'i']);
  });

  it('ends a submitted line below its last row, whatever the cursor', async () => {
    const t = setup();
    await t.write(t.editor.renderFresh());
    await t.type('abcdefghijkl');
    await t.type(LEFT.repeat(10));
    const actions = await t.type('\r');
    expect(actions.filter((a) => a.type === 'submit')).toEqual([{ type: 'submit', line: 'abcdefghijkl' }]);
    await t.write(t.editor.renderFresh());
    expect(t.screen()).toEqual(['$ abcdefgh', 'ijkl', '$ ']);
    expect(t.cursor()).toEqual([2, 2]);
  });

  it('submits a line that filled its last row without a blank row after it', async () => {
    const t = setup();
    await t.write(t.editor.renderFresh());
    await t.type('abcdefgh\r');
    await t.write(t.editor.renderFresh());
    expect(t.screen()).toEqual(['$ abcdefgh', '$ ']);
  });
});
