import { describe, expect, it, vi } from 'vitest';
import type { HttpRequest, HttpResponse } from '../../runtime/protocol';
import { Shell, shellQuote, toTerminalText, type ShellDeps } from './shell';

/** A tiny terminal: carriage return, line feed, erase to end of line, cursor left; colours dropped. */
function render(written: string): string {
  const lines = [''];
  let row = 0;
  let col = 0;
  for (let i = 0; i < written.length; i++) {
    const ch = written[i]!;
    // eslint-disable-next-line no-control-regex -- ANSI and terminal escapes are what this matches
    const esc = /^\x1b\[(\d*)([A-Za-z])/.exec(written.slice(i));
    if (esc) {
      if (esc[2] === 'K') lines[row] = lines[row]!.slice(0, col);
      if (esc[2] === 'D') col = Math.max(0, col - Number(esc[1] || 1));
      i += esc[0].length - 1;
    } else if (ch === '\r') col = 0;
    else if (ch === '\n') {
      row++;
      lines[row] ??= '';
    } else {
      const line = lines[row]!.padEnd(col);
      lines[row] = line.slice(0, col) + ch + line.slice(col + 1);
      col++;
    }
  }
  return lines.join('\n');
}

function setup(response?: Partial<HttpResponse>) {
  let screen = '';
  const env: Record<string, string> = { FLASK_DEBUG: '1' };
  const requests: HttpRequest[] = [];
  const deps: ShellDeps = {
    write: (text) => {
      screen += text;
    },
    clearScreen: vi.fn(() => {
      screen = '';
    }),
    run: vi.fn(async () => {}),
    stop: vi.fn(async () => {}),
    interrupt: vi.fn(async () => {}),
    request: vi.fn(async (request: HttpRequest): Promise<HttpResponse> => {
      requests.push(request);
      return {
        status: 200,
        reason: 'OK',
        headers: [['Content-Type', 'text/plain']],
        body: 'hi',
        log: '',
        interrupted: false,
        ...response,
      };
    }),
    env: () => ({ ...env }),
    setEnv: (name, value) => {
      env[name] = value;
    },
    unsetEnv: (name) => {
      delete env[name];
    },
  };
  const shell = new Shell(deps);
  shell.start('welcome\n');
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { shell, deps, env, requests, settle, screen: () => render(screen) };
}

describe('Shell', () => {
  it('shows a banner and a prompt', () => {
    const { screen } = setup();
    expect(screen()).toBe('welcome\n$ ');
  });

  it('sends curl requests and prints the response like curl -i', async () => {
    const { shell, requests, settle, screen } = setup();
    shell.input("curl -i -H 'X-Forwarded-For: 1.2.3.4' /orders/42\r");
    await settle();
    expect(requests).toEqual([{ method: 'GET', path: '/orders/42', headers: [['X-Forwarded-For', '1.2.3.4']] }]);
    expect(screen()).toContain('HTTP/1.1 200 OK\nContent-Type: text/plain\n\nhi\n$ ');
  });

  it('prints parse errors and a new prompt', async () => {
    const { shell, settle, screen } = setup();
    shell.input('curl -v /\r');
    await settle();
    expect(screen()).toContain('curl: unknown option -v');
    expect(screen().endsWith('$ ')).toBe(true);
  });

  it('edits the environment with export, unset and env', async () => {
    const { shell, env, settle, screen } = setup();
    shell.input("export SECRET_KEY='a b' FLASK_DEBUG=0\r");
    await settle();
    expect(env).toEqual({ FLASK_DEBUG: '0', SECRET_KEY: 'a b' });
    shell.input('unset FLASK_DEBUG\r');
    await settle();
    shell.input('env\r');
    await settle();
    expect(screen()).toContain("SECRET_KEY='a b'\n");
    expect(env).toEqual({ SECRET_KEY: 'a b' });
  });

  it('runs and stops through its actions', async () => {
    const { shell, deps, settle } = setup();
    shell.input('run\r');
    await settle();
    shell.input('stop\r');
    await settle();
    expect(deps.run).toHaveBeenCalledOnce();
    expect(deps.stop).toHaveBeenCalledOnce();
  });

  it('interrupts a running request on Ctrl+C and ignores other keys meanwhile', async () => {
    let finish: (r: HttpResponse) => void = () => {};
    const { shell, deps, settle, screen } = setup();
    deps.request = vi.fn(() => new Promise<HttpResponse>((resolve) => (finish = resolve)));
    shell.input('curl /slow\r');
    expect(shell.running).toBe(true);
    shell.input('typed ahead');
    shell.input('\x03');
    expect(deps.interrupt).toHaveBeenCalledOnce();
    finish({ status: 0, reason: '', headers: [], body: '', log: '', interrupted: true });
    await settle();
    expect(screen()).toContain('^C');
    expect(screen()).toContain('stopped before the app answered');
    expect(screen()).not.toContain('typed ahead');
    expect(shell.running).toBe(false);
  });

  it('prints program output above the prompt and keeps the typed line', () => {
    const { shell, screen } = setup();
    shell.input('curl');
    shell.output('GET / 200\n');
    expect(screen().endsWith('GET / 200\n$ curl')).toBe(true);
  });

  it('cancels a typed line with Ctrl+C', () => {
    const { shell, screen } = setup();
    shell.input('curl /x\x03');
    expect(screen().endsWith('$ curl /x^C\n$ ')).toBe(true);
  });

  it('clears the screen on Ctrl+L and with clear', async () => {
    const { shell, deps, settle, screen } = setup();
    shell.input('abc\x0c');
    expect(screen()).toBe('$ abc');
    shell.input('\x15clear\r');
    await settle();
    expect(deps.clearScreen).toHaveBeenCalledTimes(2);
    expect(screen().endsWith('$ ')).toBe(true);
  });

  it('shows a failing request as an error line', async () => {
    const { shell, deps, settle, screen } = setup();
    deps.request = vi.fn(async () => {
      throw new Error('nothing is being served');
    });
    shell.input('curl /\r');
    await settle();
    expect(screen()).toContain('nothing is being served (type run first)');
  });
});

describe('helpers', () => {
  it('converts line ends for xterm', () => {
    expect(toTerminalText('a\nb\r\nc')).toBe('a\r\nb\r\nc');
  });

  it('quotes values for display', () => {
    expect(shellQuote('abc')).toBe('abc');
    expect(shellQuote('a b')).toBe("'a b'");
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote('')).toBe("''");
  });
});
