import { describe, expect, it, vi } from 'vitest';
import type { HttpResponse, ServingInfo, WorkspaceFiles } from '../../runtime/protocol';
import { FakeRuntime, okResponse } from './fake-runtime';
import { Shell, shellQuote, toTerminalText, wrapText, type ShellDeps } from './shell';
import { planRequest, sendPlanned } from './site-route';

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

/** Gunicorn bound where the lesson 05 starter's nginx proxies to. */
const SERVING: ServingInfo = {
  server: 'gunicorn',
  host: '127.0.0.1',
  port: 8000,
  debug: false,
  debugger: false,
  console: false,
  pinDisabled: false,
  reloader: false,
  calledFrom: null,
  settings: {},
};

const NGINX_CONF = `server {
    listen 80;
    server_name shop.example;
    location / {
        proxy_pass http://127.0.0.1:8000;
    }
}
`;

/** A shell over the real routing, with a fake Python; `files` decide whether nginx is in front. */
function setup(response?: Partial<HttpResponse>, files: WorkspaceFiles = {}, serving: ServingInfo | null = SERVING) {
  let screen = '';
  const env: Record<string, string> = { FLASK_DEBUG: '1' };
  const runtime = new FakeRuntime();
  runtime.answer = () => okResponse(response);
  const deps: ShellDeps = {
    write: (text) => {
      screen += text;
    },
    clearScreen: vi.fn(() => {
      screen = '';
    }),
    run: vi.fn(async () => {}),
    runCommand: vi.fn(async () => {}),
    files: () => ({ 'app.py': 'print("hi")\n', ...files }),
    columns: () => 80,
    stop: vi.fn(async () => {}),
    interrupt: vi.fn(async () => {}),
    planCurl: (request) => planRequest(files, request),
    sendCurl: (plan) => sendPlanned(runtime, 'terminal', serving, plan),
    env: () => ({ ...env }),
    setEnv: (name, value) => {
      env[name] = value;
    },
    unsetEnv: (name) => {
      delete env[name];
    },
    serving: () => serving !== null,
  };
  const shell = new Shell(deps);
  shell.start('welcome\n');
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  const requests = () => runtime.requests.map((r) => r.request);
  return { shell, deps, env, runtime, requests, settle, screen: () => render(screen) };
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
    expect(requests()).toEqual([{ method: 'GET', path: '/orders/42', headers: [['X-Forwarded-For', '1.2.3.4']] }]);
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
    const { shell, deps, runtime, settle, screen } = setup();
    runtime.answer = () => new Promise<HttpResponse>((resolve) => (finish = resolve));
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

  it('keeps what was typed while a request ran and puts it at the next prompt', async () => {
    let finish: (r: HttpResponse) => void = () => {};
    const { shell, runtime, settle, screen } = setup();
    runtime.answer = () => new Promise<HttpResponse>((resolve) => (finish = resolve));
    shell.input('curl /slow\r');
    shell.input('curl /ne');
    shell.input('xt');
    finish(okResponse({ body: 'done\n' }));
    await settle();
    expect(screen().endsWith('done\n$ curl /next')).toBe(true);
  });

  it('runs each line of a paste in order, each after the one before has finished', async () => {
    const finishes: Array<(r: HttpResponse) => void> = [];
    const { shell, deps, runtime, requests, settle, screen } = setup();
    runtime.answer = () => new Promise<HttpResponse>((resolve) => finishes.push(resolve));
    shell.input('curl /one\r\ncurl /two\rexport A=1\ncurl /three\r\n');
    expect(requests().map((r) => r.path)).toEqual(['/one']);
    finishes.shift()!(okResponse({ body: 'first\n' }));
    await settle();
    expect(requests().map((r) => r.path)).toEqual(['/one', '/two']);
    finishes.shift()!(okResponse({ body: 'second\n' }));
    await settle();
    expect(deps.env()).toMatchObject({ A: '1' });
    expect(requests().map((r) => r.path)).toEqual(['/one', '/two', '/three']);
    finishes.shift()!(okResponse({ body: 'third\n' }));
    await settle();
    const shown = screen();
    expect(shown.indexOf('$ curl /one')).toBeLessThan(shown.indexOf('first'));
    expect(shown.indexOf('first')).toBeLessThan(shown.indexOf('$ curl /two'));
    expect(shown.indexOf('$ export A=1')).toBeLessThan(shown.indexOf('$ curl /three'));
    expect(shown.endsWith('third\n$ ')).toBe(true);
    // No empty command between a \r and its \n: four lines, four prompts before the last one.
    expect(shown.match(/\$ /g)).toHaveLength(5);
  });

  it('keeps keys typed during a pasted line for after the paste', async () => {
    const finishes: Array<(r: HttpResponse) => void> = [];
    const { shell, runtime, requests, settle, screen } = setup();
    runtime.answer = () => new Promise<HttpResponse>((resolve) => finishes.push(resolve));
    shell.input('curl /one\ncurl /two\n');
    shell.input('curl /la');
    finishes.shift()!(okResponse({ body: 'first\n' }));
    await settle();
    finishes.shift()!(okResponse({ body: 'second\n' }));
    await settle();
    expect(requests().map((r) => r.path)).toEqual(['/one', '/two']);
    expect(screen().endsWith('second\n$ curl /la')).toBe(true);
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
    const { shell, runtime, settle, screen } = setup();
    runtime.answer = () => {
      throw new Error('nothing is being served');
    };
    shell.input('curl /\r');
    await settle();
    expect(screen()).toContain('nothing is being served (type run first)');
  });
});

describe('Shell with nginx in the workspace', () => {
  const files = { 'nginx/shop.conf': NGINX_CONF, 'app.py': '' };

  it('sends curl through nginx and prints the response, then the nginx hop, then the app hop', async () => {
    const { shell, runtime, settle, screen } = setup({ status: 500, reason: 'INTERNAL SERVER ERROR' }, files);
    const appLog = 'Traceback (most recent call last):\nValueError: abc\n127.0.0.1 - - "GET /orders/abc" 500\n';
    runtime.answer = () => okResponse({ status: 500, reason: 'INTERNAL SERVER ERROR', body: 'oops', log: appLog });
    // The worker streams the log before it answers; the shell shows it once, as the app hop.
    runtime.onRequest = () => shell.output(appLog);
    shell.input('curl -i /orders/abc\r');
    await settle();
    const text = screen();
    expect(text).toContain('* GET http://shop.example/orders/abc through nginx (no TLS server on port 443');
    expect(text).toContain('HTTP/1.1 500 INTERNAL SERVER ERROR\n');
    expect(text).toMatch(
      /oops\nnginx {2}│ 198\.51\.100\.23 - - \[[^\]]+\] "GET \/orders\/abc HTTP\/1\.1" 500 4 "-" "curl\/8\.11\.1"\n/,
    );
    expect(text).toContain('app    │ Traceback (most recent call last):\napp    │ ValueError: abc\napp    │ 127.0.0.1');
    expect(text.split('ValueError').length - 1).toBe(1);
    expect(text.endsWith('$ ')).toBe(true);
    expect(runtime.requests[0]!.session).toBe('terminal');
  });

  it('passes -H headers to nginx, which passes what its config says', async () => {
    const { shell, requests, settle, screen } = setup({}, files);
    shell.input("curl -H 'X-Forwarded-For: 10.6.6.6' http://shop.example/\r");
    await settle();
    // The starter-like config sets no X-Forwarded-For, so nginx passes the client's forgery as is.
    expect(requests()[0]!.headers).toContainEqual(['X-Forwarded-For', '10.6.6.6']);
    expect(requests()[0]!.client).toBe('127.0.0.1');
    expect(screen()).toContain('* GET http://shop.example/ through nginx\n');
  });

  it('prints nginx -t style errors and sends nothing when the config does not parse', async () => {
    const broken = { 'nginx/shop.conf': 'server {\n    listen 80\n}\n' };
    const { shell, requests, settle, screen } = setup({}, broken);
    shell.input('curl -i /\r');
    await settle();
    expect(screen()).toMatch(/nginx: \[emerg\] .+ in nginx\/shop\.conf:\d+/);
    expect(requests()).toEqual([]);
  });

  it('shows a 502 with the nginx hops and a hint when nothing runs', async () => {
    const { shell, requests, settle, screen } = setup({}, files, null);
    shell.input('curl -i /\r');
    await settle();
    expect(requests()).toEqual([]);
    expect(screen()).toContain('HTTP/1.1 502 Bad Gateway');
    expect(screen()).toContain('nginx  │ connect() failed (111: Connection refused)');
    expect(screen()).not.toContain('app    │');
    expect(screen()).toContain('type run to start the app server');
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

describe('Shell: server commands, ls and cat, a refused connection', () => {
  it('starts the typed server command as Run would, and lists and prints files', async () => {
    const { shell, deps, settle, screen } = setup();
    shell.input('gunicorn --workers 2 app:app\r');
    await settle();
    expect(deps.runCommand).toHaveBeenCalledWith('gunicorn --workers 2 app:app');
    shell.input('ls\r');
    await settle();
    shell.input('cat app.py nope.txt\r');
    await settle();
    expect(screen()).toContain('app.py\n$ cat app.py nope.txt\nprint("hi")\ncat: nope.txt: No such file or directory');
  });

  it('says what curl says when nothing listens', async () => {
    const { shell, settle, screen } = setup({ status: 0, reason: 'Connection refused' });
    shell.input('curl -i /\r');
    await settle();
    await settle();
    expect(screen()).toContain(
      "curl: (7) Failed to connect to localhost port 5000 after 0 ms: Couldn't connect to server",
    );
    expect(screen()).not.toContain('HTTP/1.1 0');
  });
});

describe('wrapText', () => {
  it('wraps at word boundaries under the description column, and leaves short lines alone', () => {
    const text = '  run                      run the app the way production starts it (also Ctrl/Cmd+Enter)\nshort';
    const wrapped = wrapText(text, 60).split('\n');
    expect(wrapped[0]).toBe('  run                      run the app the way production');
    expect(wrapped[1]).toBe(`${' '.repeat(27)}starts it (also Ctrl/Cmd+Enter)`);
    expect(wrapped.at(-1)).toBe('short');
    expect(wrapped.every((l) => l.length <= 60)).toBe(true);
    // No word is cut.
    expect(wrapped.join(' ').replace(/\s+/g, ' ')).toBe(text.replace(/\s+/g, ' '));
  });
});
