/**
 * Line editing for the xterm prompt: insert, backspace, delete, left/right, home/end, history
 * up/down, Ctrl+C, Ctrl+L, Ctrl+U. Pure: it takes what xterm's onData delivers and answers with
 * what to write and what the line means. Redraws the whole line each time (prompt lines are short).
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

  constructor(readonly prompt = '$ ') {}

  get line(): string {
    return this.buffer;
  }

  get entries(): readonly string[] {
    return this.history;
  }

  /** The prompt and the current line, with the cursor in place, from the start of the row. */
  render(): string {
    const back = this.buffer.length - this.cursor;
    return `\r\x1b[K${this.prompt}${this.buffer}${back > 0 ? `\x1b[${back}D` : ''}`;
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
        this.remember(line);
        this.buffer = '';
        this.cursor = 0;
        actions.push({ type: 'write', data: '\r\n' }, { type: 'submit', line });
      } else if (ch === '\x7f' || ch === '\b') {
        if (this.cursor > 0) {
          this.buffer = this.buffer.slice(0, this.cursor - 1) + this.buffer.slice(this.cursor);
          this.cursor--;
          changed = true;
        }
      } else if (ch === '\x03') {
        flush();
        this.buffer = '';
        this.cursor = 0;
        this.historyIndex = this.history.length;
        actions.push({ type: 'write', data: '^C\r\n' }, { type: 'interrupt' });
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
