/**
 * Line editing for the xterm prompt: insert, backspace, delete, left/right, home/end, history
 * up/down, Ctrl+C, Ctrl+L, Ctrl+U. Pure: it takes what xterm's onData delivers and answers with
 * what to write and what the line means. Redraws the whole line each time, from the row it starts on:
 * a line longer than the terminal is wide wraps over several rows, and the cursor is placed by row
 * and column (one column a character: wide characters are not measured).
 */

export type EditorAction =
  { type: 'write'; data: string } | { type: 'submit'; line: string } | { type: 'interrupt' } | { type: 'clear' };

const HISTORY_LIMIT = 200;

export class LineEditor {
  private buffer = '';
  private cursor = 0;
  private history: string[] = [];
  /** Position while browsing history; history.length means "the line being typed". */
  private historyIndex = 0;
  private draft = '';
  /** The cursor's row, counted from the row the prompt starts on, after the last redraw. */
  private cursorRow = 0;
  /** Rows the last redraw used. */
  private rows = 1;

  constructor(
    readonly prompt = '$ ',
    /** The terminal's width; the line wraps at it. */
    private readonly columns: () => number = () => Number.POSITIVE_INFINITY,
  ) {}

  get line(): string {
    return this.buffer;
  }

  get entries(): readonly string[] {
    return this.history;
  }

  /** The prompt and the current line, redrawn over the last redraw, with the cursor in place. */
  render(): string {
    const width = Math.max(1, Math.floor(this.columns()));
    const text = this.prompt + this.buffer;
    const up = this.cursorRow > 0 ? `\x1b[${this.cursorRow}A` : '';
    // One row before and after: clear to the end of the row; else everything below the start too.
    const clear = this.rows > 1 || text.length >= width ? '\x1b[J' : '\x1b[K';
    // A text that fills its last row leaves xterm's cursor there, waiting to wrap: end the row
    // so the cursor stands where the next character goes.
    const filled = text.length > 0 && text.length % width === 0 ? '\r\n' : '';
    const endRow = Math.floor(text.length / width);
    const endColumn = text.length % width;
    const target = this.prompt.length + this.cursor;
    const targetRow = Math.floor(target / width);
    const targetColumn = target % width;
    let place = '';
    if (targetRow === endRow) {
      if (endColumn > targetColumn) place = `\x1b[${endColumn - targetColumn}D`;
    } else {
      place = `\x1b[${endRow - targetRow}A\r${targetColumn > 0 ? `\x1b[${targetColumn}C` : ''}`;
    }
    this.cursorRow = targetRow;
    this.rows = endRow + 1;
    return `${up}\r${clear}${text}${filled}${place}`;
  }

  /** The prompt drawn on a fresh row (after output, or a cleared screen): nothing above is the line's. */
  renderFresh(): string {
    this.cursorRow = 0;
    this.rows = 1;
    return this.render();
  }

  /** Moves the cursor to the end of the line and says how to leave it: after a redraw that filled its last row, the cursor already stands on a fresh row. */
  private leaveLine(): { write: string; end: string } {
    const atEnd = this.cursor === this.buffer.length;
    this.cursor = this.buffer.length;
    const write = atEnd ? '' : this.render();
    const width = Math.max(1, Math.floor(this.columns()));
    const text = this.prompt + this.buffer;
    const end = text.length > 0 && text.length % width === 0 ? '' : '\r\n';
    this.cursorRow = 0;
    this.rows = 1;
    return { write, end };
  }

  feed(data: string): EditorAction[] {
    const actions: EditorAction[] = [];
    let changed = false;
    const flush = () => {
      if (changed) actions.push({ type: 'write', data: this.render() });
      changed = false;
    };
    let i = 0;
    while (i < data.length) {
      const rest = data.slice(i);
      // eslint-disable-next-line no-control-regex -- ANSI and terminal escapes are what this matches
      const escape = /^\x1b(?:\[[0-9;]*[A-Za-z~]|O[A-Za-z])/.exec(rest);
      if (escape) {
        changed = this.key(escape[0]) || changed;
        i += escape[0].length;
        continue;
      }
      const ch = data[i]!;
      i++;
      if (ch === '\r' || ch === '\n') {
        // A pasted "\r\n" is one line end.
        if (ch === '\r' && data[i] === '\n') i++;
        flush();
        const line = this.buffer;
        const { write, end } = this.leaveLine();
        this.remember(line);
        this.buffer = '';
        this.cursor = 0;
        actions.push({ type: 'write', data: write + end }, { type: 'submit', line });
      } else if (ch === '\x7f' || ch === '\b') {
        if (this.cursor > 0) {
          this.buffer = this.buffer.slice(0, this.cursor - 1) + this.buffer.slice(this.cursor);
          this.cursor--;
          changed = true;
        }
      } else if (ch === '\x03') {
        flush();
        const { write } = this.leaveLine();
        this.buffer = '';
        this.cursor = 0;
        this.historyIndex = this.history.length;
        actions.push({ type: 'write', data: `${write}^C\r\n` }, { type: 'interrupt' });
      } else if (ch === '\x0c') {
        flush();
        actions.push({ type: 'clear' });
      } else if (ch === '\x01') {
        changed = this.move(0) || changed;
      } else if (ch === '\x05') {
        changed = this.move(this.buffer.length) || changed;
      } else if (ch === '\x15') {
        this.buffer = this.buffer.slice(this.cursor);
        this.cursor = 0;
        changed = true;
      } else if (ch === '\t') {
        this.insert('  ');
        changed = true;
      } else if (ch >= ' ') {
        this.insert(ch);
        changed = true;
      }
      // Other control characters are ignored.
    }
    flush();
    return actions;
  }

  private insert(text: string): void {
    this.buffer = this.buffer.slice(0, this.cursor) + text + this.buffer.slice(this.cursor);
    this.cursor += text.length;
  }

  private move(to: number): boolean {
    const next = Math.max(0, Math.min(this.buffer.length, to));
    if (next === this.cursor) return false;
    this.cursor = next;
    return true;
  }

  /** Handle one escape sequence; true when the line changed. */
  private key(sequence: string): boolean {
    switch (sequence) {
      case '\x1b[D':
      case '\x1bOD':
        return this.move(this.cursor - 1);
      case '\x1b[C':
      case '\x1bOC':
        return this.move(this.cursor + 1);
      case '\x1b[H':
      case '\x1bOH':
      case '\x1b[1~':
        return this.move(0);
      case '\x1b[F':
      case '\x1bOF':
      case '\x1b[4~':
        return this.move(this.buffer.length);
      case '\x1b[3~':
        if (this.cursor >= this.buffer.length) return false;
        this.buffer = this.buffer.slice(0, this.cursor) + this.buffer.slice(this.cursor + 1);
        return true;
      case '\x1b[A':
      case '\x1bOA':
        return this.browse(-1);
      case '\x1b[B':
      case '\x1bOB':
        return this.browse(1);
      default:
        return false;
    }
  }

  private browse(step: number): boolean {
    const next = this.historyIndex + step;
    if (next < 0 || next > this.history.length) return false;
    if (this.historyIndex === this.history.length) this.draft = this.buffer;
    this.historyIndex = next;
    this.buffer = next === this.history.length ? this.draft : this.history[next]!;
    this.cursor = this.buffer.length;
    return true;
  }

  private remember(line: string): void {
    if (line.trim() && this.history[this.history.length - 1] !== line) {
      this.history.push(line);
      if (this.history.length > HISTORY_LIMIT) this.history.shift();
    }
    this.historyIndex = this.history.length;
    this.draft = '';
  }
}
