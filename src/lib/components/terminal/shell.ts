/**
 * The terminal's shell: prompt, line editing, command execution, and program output interleaved
 * with the prompt. It knows nothing of xterm or Python: the component gives it `write` and the
 * actions, so the whole flow is testable. While a command runs, only Ctrl+C is read (it stops it).
 */
import type { PythonRuntime } from '../../grading/runtime';
import { HELP_TEXT, parseCommandLine, type Command, type CurlRequest } from './commands';
import { formatCurlOutput } from './curl-output';
import { LineEditor, type EditorAction } from './line-editor';
import { sanitizeForTerminal } from './sanitize';
import { formatHops, type Exchange, type RequestPlan } from './site-route';

export interface ShellDeps {
  /** Write to the terminal; text uses `\r\n` line ends. */
  write(text: string): void;
  clearScreen(): void;
  run(): Promise<void>;
  /** Start the app with a command line typed at the prompt (`python app.py`), as Run starts it. */
  runCommand(line: string): Promise<void>;
  /** The workspace files, for ls and cat. */
  files(): Record<string, string>;
  /** The terminal's width in columns (help wraps to it). */
  columns(): number;
  stop(): Promise<void>;
  /** Stop a request in flight (Ctrl+C). */
  interrupt(): Promise<void>;
  /** Where a curl goes: the app server, or nginx in front of it (see site-route.ts). */
  planCurl(request: CurlRequest): RequestPlan;
  sendCurl(plan: RequestPlan): Promise<Exchange>;
  env(): Record<string, string>;
  setEnv(name: string, value: string): void;
  unsetEnv(name: string): void;
  /** Whether the app is being served (for programs.ts commands). */
  serving(): boolean;
  /** The Python runtime (for programs.ts commands that read with Python's libraries). */
  python?: PythonRuntime;
}

const RED = '\x1b[31m';
const DIM = '\x1b[2m';
const RESET = '\x1b[0m';

/** xterm moves down without returning to the first column on a bare `\n`. */
export function toTerminalText(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

/**
 * Wrap text at word boundaries to a terminal's width (xterm itself cuts words anywhere). A
 * wrapped line continues under its own indentation (the help's description column).
 */
export function wrapText(text: string, width: number): string {
  if (width < 20) return text;
  return text
    .split('\n')
    .map((line) => {
      if (line.length <= width) return line;
      const indent = ' '.repeat(Math.min(/^ *(?:\S+(?: \S+)*? {2,})?/.exec(line)![0].length, width / 2));
      const out: string[] = [];
      let current = '';
      // Each word with the spaces before it, so a line that is not cut keeps its columns.
      for (const token of line.match(/ *\S+/g) ?? [line]) {
        if (current.trim() && (current + token).length > width) {
          out.push(current);
          current = indent + token.trimStart();
        } else current += token;
      }
      out.push(current);
      return out.join('\n');
    })
    .join('\n');
}

/** Shell-quote a value for display (`export` lines that can be pasted back). */
export function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]*$/.test(value) && value !== '' ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

export class Shell {
  private editor = new LineEditor('$ ', () => this.deps.columns());
  private busy = false;
  /** The cursor sits at the start of a row (nothing after the last newline). */
  private atLineStart = true;
  private promptShown = false;
  /**
   * Program output held while a request goes through nginx: it is the app's log, which then
   * shows as the app hop below the response instead of above it. Null when not holding.
   */
  private held: string | null = null;
  /** Keys typed while a command ran: they go to the next prompt, as a terminal delivers them. */
  private typedAhead = '';

  constructor(private readonly deps: ShellDeps) {}

  get running(): boolean {
    return this.busy;
  }

  start(banner: string): void {
    this.print(banner);
    this.showPrompt();
  }

  /**
   * Another lesson's screen (its banner, or what it showed when the learner left it): the line
   * being typed is dropped and the prompt drawn anew below the text. A request in flight still
   * ends with its prompt.
   */
  restart(screen: string): void {
    this.editor = new LineEditor('$ ', () => this.deps.columns());
    this.held = null;
    this.atLineStart = true;
    this.promptShown = false;
    this.deps.write(screen);
    this.atLineStart = screen === '' || screen.endsWith('\n');
    this.showPrompt();
  }

  /** Keys and pastes from the terminal. */
  input(data: string): void {
    if (this.busy) {
      if (data.includes('\x03')) {
        // As in a real terminal, Ctrl+C also throws away what was typed ahead.
        this.typedAhead = '';
        this.print('^C\n');
        void this.deps.interrupt();
      } else {
        this.typedAhead += data;
      }
      return;
    }
    // One line at a time: a paste of several lines runs each in order, as a shell reads its
    // input; what follows a line that starts a command waits, typed ahead, until it ends.
    let rest = data;
    while (rest && !this.busy) {
      const end = /\r\n?|\n/.exec(rest);
      const cut = end ? end.index + end[0].length : rest.length;
      this.apply(this.editor.feed(rest.slice(0, cut)));
      rest = rest.slice(cut);
    }
    this.typedAhead += rest;
  }

  private apply(actions: EditorAction[]): void {
    for (const action of actions) {
      if (action.type === 'write') this.deps.write(action.data);
      else if (action.type === 'clear') {
        this.deps.clearScreen();
        this.deps.write(this.editor.renderFresh());
      } else if (action.type === 'interrupt') {
        this.atLineStart = true;
        this.promptShown = false;
        this.showPrompt();
      } else if (action.type === 'submit') {
        this.atLineStart = true;
        this.promptShown = false;
        void this.execute(action.line);
      }
    }
  }

  /** Output of the program (server log, notes): printed above the prompt, which is redrawn. */
  output(raw: string): void {
    // The app's log (and anything it prints) is hostile text; our own notes only use colours.
    const text = sanitizeForTerminal(raw, { keepColours: true });
    if (!text) return;
    if (this.held !== null) {
      this.held += text;
      return;
    }
    if (this.promptShown) {
      this.deps.write('\r\x1b[K');
      this.atLineStart = true;
    }
    this.print(text);
    if (this.promptShown) {
      this.promptShown = false;
      this.showPrompt();
    }
  }

  async execute(line: string): Promise<void> {
    const command = parseCommandLine(line);
    this.busy = true;
    try {
      switch (command.name) {
        case 'empty':
          break;
        case 'error':
          this.print(`${RED}${command.message}${RESET}\n`);
          break;
        case 'help':
          this.print(`${wrapText(HELP_TEXT, this.deps.columns())}\n`);
          break;
        case 'serve':
          await this.deps.runCommand(command.line);
          break;
        case 'ls':
          this.print(`${Object.keys(this.deps.files()).sort().join('\n')}\n`);
          break;
        case 'cat':
          for (const name of command.files) {
            const content = this.deps.files()[name.replace(/^\.\//, '')];
            // The learner's own text, but still: no escape sequence reaches xterm from a file.
            if (content === undefined) this.print(`${RED}cat: ${name}: No such file or directory${RESET}\n`);
            else this.print(sanitizeForTerminal(content) + (content.endsWith('\n') || content === '' ? '' : '\n'));
          }
          break;
        case 'clear':
          this.deps.clearScreen();
          this.atLineStart = true;
          break;
        case 'run':
          await this.deps.run();
          break;
        case 'stop':
          await this.deps.stop();
          break;
        case 'env': {
          const env = this.deps.env();
          const names = Object.keys(env).sort();
          this.print(
            names.length
              ? names.map((n) => `${n}=${shellQuote(env[n]!)}\n`).join('')
              : `${DIM}(empty environment)${RESET}\n`,
          );
          break;
        }
        case 'export':
          for (const [name, value] of command.assignments) this.deps.setEnv(name, value);
          this.print(`${DIM}takes effect at the next run${RESET}\n`);
          break;
        case 'unset':
          for (const name of command.names) this.deps.unsetEnv(name);
          this.print(`${DIM}takes effect at the next run${RESET}\n`);
          break;
        case 'curl':
          await this.curl(command);
          break;
        case 'program':
          this.print(await command.program.run(command.args, this.deps));
          break;
      }
    } catch (error) {
      this.print(`${RED}${errorText(error)}${RESET}\n`);
    } finally {
      this.flushHeld('');
      this.busy = false;
      this.showPrompt();
      const typed = this.typedAhead;
      this.typedAhead = '';
      if (typed) this.input(typed);
    }
  }

  private async curl(command: Extract<Command, { name: 'curl' }>): Promise<void> {
    const plan = this.deps.planCurl(command.request);
    if (plan.via === 'none') {
      this.print(`${RED}${plan.message}${RESET}\n`);
      return;
    }
    if (plan.via === 'nginx' || plan.via === 'apache') {
      const note = plan.note ? ` (${plan.note})` : '';
      const target = plan.request.path.startsWith('/') ? '' : ` (request target ${plan.request.path})`;
      this.print(
        `${DIM}* ${plan.request.method} ${plan.url}${target} through ${plan.via === 'nginx' ? 'nginx' : 'Apache'}${note}${RESET}\n`,
      );
      this.held = '';
    }
    const exchange = await this.deps.sendCurl(plan);
    if (exchange.response?.status === 0 && !exchange.response.interrupted) {
      // Nothing listens: the harness answers status 0; curl says it in its own words (curl 8).
      this.print(
        `${RED}curl: (7) Failed to connect to localhost port 5000 after 0 ms: Couldn't connect to server${RESET}\n`,
      );
      this.print(`${DIM}nothing is running: type run (or the server command) first${RESET}\n`);
      return;
    }
    const appLog = exchange.hops.find((hop) => hop.name === 'app')?.log ?? '';
    this.flushHeld(appLog);
    if (exchange.failure) this.print(`${RED}${sanitizeForTerminal(exchange.failure)}${RESET}\n`);
    if (exchange.response) this.print(formatCurlOutput(exchange.response, command));
    this.print(formatHops(exchange.hops, exchange.note));
  }

  /** Print held output, less the app's log that the app hop shows (anything else, e.g. a note from Stop, stays). */
  private flushHeld(appLog: string): void {
    const held = this.held;
    this.held = null;
    if (!held) return;
    const plain = stripAnsi(held);
    const rest = appLog && plain.includes(appLog) ? plain.replace(appLog, '') : held;
    if (rest.trim()) this.output(rest);
  }

  private print(text: string): void {
    if (!text) return;
    this.deps.write(toTerminalText(text));
    this.atLineStart = text.endsWith('\n');
  }

  private showPrompt(): void {
    if (this.busy || this.promptShown) return;
    if (!this.atLineStart) this.deps.write('\r\n');
    this.deps.write(this.editor.renderFresh());
    this.promptShown = true;
    this.atLineStart = false;
  }
}

// eslint-disable-next-line no-control-regex -- ANSI escapes are what this matches
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;

function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // The worker's "nothing is being served" and similar read better with the way out.
  return /not serv|no app|nothing/i.test(message) ? `${message} (type run first)` : message;
}
