/**
 * The harness against real Flask and Werkzeug in Pyodide (Node): the virtual development server
 * must behave like `python app.py` on a real machine, banner, reloader, debugger and all.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { NodeRuntime } from '../../cli/node-runtime';
import type { HttpRequest, RunOutcome, WorkspaceFiles } from '../runtime/protocol';

let runtime: NodeRuntime;
beforeAll(async () => {
  runtime = await NodeRuntime.start();
});

const APP = `import os
from flask import Flask, request
print("module body runs")
app = Flask(__name__)
app.config["SECRET_KEY"] = "sk_test_0123456789"

def parse(raw):
    return int(raw)

@app.route("/")
def home():
    return "home"

@app.route("/n/<raw>")
def number(raw):
    return str(parse(raw))

@app.post("/echo")
def echo():
    return request.get_data(as_text=True) + "|" + request.headers.get("X-Test", "")

@app.route("/env")
def env():
    return ",".join(sorted(os.environ))
`;

function run(files: WorkspaceFiles, env: Record<string, string> = {}, session = 'test', command = 'python app.py') {
  return runtime.call('run', { session, files, command, env });
}

function send(path: string, extra: Partial<HttpRequest> = {}, session = 'test') {
  return runtime.call('request', { session, request: { method: 'GET', path, headers: [], ...extra } });
}

const withMain = (call: string) => ({ 'app.py': `${APP}\nif __name__ == "__main__":\n    ${call}\n` });

describe('app.run(debug=True)', () => {
  let outcome: RunOutcome;
  beforeAll(async () => {
    outcome = await run(withMain('app.run(debug=True)'));
  });

  test('prints the real banner, the reloader restart and the debugger PIN', () => {
    expect(outcome.log).toContain(" * Serving Flask app 'app'");
    expect(outcome.log).toContain(' * Debug mode: on');
    expect(outcome.log).toContain('WARNING: This is a development server.');
    expect(outcome.log).toContain(' * Running on http://127.0.0.1:5000');
    expect(outcome.log).toContain(' * Restarting with stat');
    expect(outcome.log).toContain(' * Debugger is active!');
    expect(outcome.log).toMatch(/ \* Debugger PIN: \d{3}-\d{3}-\d{3}/);
  });

  test('runs the module twice, as the reloader child process does', () => {
    expect(outcome.log.match(/module body runs/g)).toHaveLength(2);
  });

  test('reports what is served and where the project asked for it', () => {
    expect(outcome.serving).toMatchObject({
      server: 'werkzeug',
      host: '127.0.0.1',
      port: 5000,
      debug: true,
      debugger: true,
      console: true,
      pinDisabled: false,
      reloader: true,
      calledFrom: { file: 'app.py', line: 27 },
    });
  });

  test("a crash answers with Werkzeug's debugger page, source lines and secret included", async () => {
    const response = await send('/n/abc');
    expect(response.status).toBe(500);
    expect(response.headers).toContainEqual(['Content-Type', 'text/html; charset=utf-8']);
    expect(response.headers.find(([name]) => name === 'Server')?.[1]).toMatch(/^Werkzeug\/3\.\d+\.\d+ Python\/3\.14/);
    expect(response.body).toContain('ValueError');
    expect(response.body).toContain('/srv/shop/app.py');
    expect(response.body).toContain('sk_test_0123456789');
    expect(response.log).toMatch(/203\.0\.113\.7 - - \[.+\] "GET \/n\/abc HTTP\/1\.1" 500 -/);
  });
});

describe('debug off', () => {
  test('a crash answers a generic 500 and logs the traceback on the server', async () => {
    await run(withMain('app.run()'));
    const response = await send('/n/abc');
    expect(response.status).toBe(500);
    expect(response.body).toContain('<h1>Internal Server Error</h1>');
    expect(response.body).not.toContain('sk_test');
    expect(response.log).toContain('ERROR in app: Exception on /n/abc [GET]');
    expect(response.log).toContain('Traceback (most recent call last)');
  });

  test('requests carry method, headers, body and the client address', async () => {
    await run(withMain('app.run()'));
    const response = await send('/echo', {
      method: 'POST',
      body: 'payload',
      headers: [['X-Test', 'yes']],
      client: '198.51.100.4',
    });
    expect(response.status).toBe(200);
    expect(response.body).toBe('payload|yes');
    expect(response.log).toContain('198.51.100.4 - - [');
  });

  test('the process sees exactly the base environment, the given one, and what run_simple adds', async () => {
    await run(withMain('app.run()'), { SECRET_KEY: 'x' });
    const response = await send('/env');
    // run_simple records its socket for the reloader in WERKZEUG_SERVER_FD, as on a real machine.
    expect(response.body).toBe('HOME,LANG,PATH,SECRET_KEY,WERKZEUG_SERVER_FD');
  });

  test('binding every interface prints the all-addresses banner', async () => {
    const outcome = await run(withMain('app.run(host="0.0.0.0", port=8000)'));
    expect(outcome.log).toContain(' * Running on all addresses (0.0.0.0)');
    expect(outcome.serving).toMatchObject({ host: '0.0.0.0', port: 8000, debug: false, reloader: false });
  });

  test('use_evalex=False keeps the debugger but not its console; WERKZEUG_DEBUG_PIN=off disables the PIN', async () => {
    const noConsole = await run(withMain('app.run(debug=True, use_evalex=False)'));
    expect(noConsole.serving).toMatchObject({ debugger: true, console: false });
    const noPin = await run(withMain('app.run(debug=True)'), { WERKZEUG_DEBUG_PIN: 'off' });
    expect(noPin.serving).toMatchObject({ console: true, pinDisabled: true });
    expect(noPin.log).toContain('Debugger PIN disabled. DEBUGGER UNSECURED!');
  });
});

describe('the debugger around app.wsgi_app', () => {
  test('is found past the Flask app, where middleware is assigned', async () => {
    const outcome = await run(
      withMain(
        'from werkzeug.debug import DebuggedApplication\n    app.wsgi_app = DebuggedApplication(app.wsgi_app, evalex=True)\n    app.run()',
      ),
    );
    expect(outcome.serving).toMatchObject({ debug: false, debugger: true, console: true });
  });
});

describe('programs that do not serve', () => {
  test('sys.exit with a message exits 1 and prints it, pointing at the line', async () => {
    const outcome = await run({ 'app.py': 'import sys\n\nsys.exit("SECRET_KEY is not set")\n' });
    expect(outcome.serving).toBeNull();
    expect(outcome.exit).toEqual({ code: 1, message: 'SECRET_KEY is not set', location: { file: 'app.py', line: 3 } });
    expect(outcome.log).toContain('SECRET_KEY is not set');
  });

  test('a crash at import prints a traceback that starts in the project', async () => {
    const outcome = await run({ 'app.py': 'import os\nKEY = os.environ["SECRET_KEY"]\n' });
    expect(outcome.exit).toMatchObject({
      code: 1,
      message: "KeyError: 'SECRET_KEY'",
      location: { file: 'app.py', line: 2 },
    });
    expect(outcome.log).toMatch(/^Traceback \(most recent call last\):\n {2}File "\/srv\/shop\/app\.py", line 2/);
    expect(outcome.log).not.toContain('runpy');
  });

  test('a syntax error prints as Python prints it: the file and line, no frames of the course', async () => {
    const outcome = await run({ 'app.py': 'x = 1\ndef broken(:\n' });
    expect(outcome.exit?.code).toBe(1);
    expect(outcome.exit?.message).toContain('SyntaxError');
    expect(outcome.log).toBe(
      '  File "/srv/shop/app.py", line 2\n    def broken(:\n               ^\nSyntaxError: invalid syntax\n',
    );
  });

  test('an indentation error (a tab saved as spaces) shows no harness or runpy frame', async () => {
    const outcome = await run({ 'app.py': 'def f():\n  x = 1\n    y = 2\n' });
    expect(outcome.exit).toMatchObject({ code: 1, location: { file: 'app.py', line: 3 } });
    expect(outcome.log).toMatch(/^ {2}File "\/srv\/shop\/app\.py", line 3\n/);
    expect(outcome.log).not.toMatch(/prodready_harness|runpy/);
  });

  test("a crash under `python -m` keeps the libraries' frames and the project's, none of the course's", async () => {
    const outcome = await run(
      { 'app.py': 'import os\nKEY = os.environ["SECRET_KEY"]\n' },
      {},
      'test',
      'python -m flask --app app run',
    );
    expect(outcome.exit).toMatchObject({ code: 1, location: { file: 'app.py', line: 2 } });
    expect(outcome.log).toMatch(/^Traceback \(most recent call last\):\n {2}File "[^"]+\/flask\/__main__\.py"/);
    expect(outcome.log).toContain('  File "/srv/shop/app.py", line 2, in <module>\n    KEY = os.environ["SECRET_KEY"]');
    expect(outcome.log).not.toMatch(/prodready_harness|runpy/);
  });

  test('a script that ends says so', async () => {
    const outcome = await run({ 'app.py': 'print("hi")\n' });
    expect(outcome.exit).toMatchObject({ code: 0 });
    expect(outcome.log).toBe('hi\n');
  });

  test('an unsupported command is refused with a message', async () => {
    const outcome = await run({ 'app.py': '' }, {}, 'test', 'node app.js');
    expect(outcome.exit).toMatchObject({ code: 2 });
    expect(outcome.exit?.message).toContain(
      'the command must be `python FILE`, `python -m MODULE`, `gunicorn …` or `waitress-serve …`',
    );
  });

  test('a request with nothing served is refused', async () => {
    await run({ 'app.py': 'print(1)\n' });
    const response = await send('/');
    expect(response).toMatchObject({ status: 0, reason: 'Connection refused' });
  });
});

describe('projects and sessions', () => {
  test('python -m runs a package, and files of an earlier run are gone', async () => {
    await run({ 'old.py': 'x = 1\n', 'app.py': '' });
    const outcome = await run(
      {
        'shop/__init__.py': '',
        'shop/__main__.py': 'import os\nprint(sorted(os.listdir(".")))\n',
      },
      {},
      'test',
      'python -m shop',
    );
    expect(outcome.log).toBe("['shop']\n");
  });

  test('a grader session does not replace what the learner serves', async () => {
    await run(withMain('app.run()'), {}, 'learner');
    await run({ 'app.py': 'print("grader")\n' }, {}, 'grader-test');
    const response = await send('/', {}, 'learner');
    expect(response.body).toBe('home');
  });

  test('facts read the live app and locate literals with ast', async () => {
    const files = withMain('app.run(debug=True)');
    await run(files, {}, 'facts');
    const facts = await runtime.call('facts', { session: 'facts', files });
    expect(facts.secretKey).toBe('sk_test_0123456789');
    expect(facts.secretLiteral).toEqual({ file: 'app.py', line: 5 });
    expect(facts.debugSettings).toEqual([{ file: 'app.py', line: 27, form: 'debug=True' }]);
    expect(facts.problems).toEqual([]);
  });

  test('facts report syntax errors with file, line and column', async () => {
    const facts = await runtime.call('facts', {
      session: 'facts',
      files: { 'ok.py': 'x = 1\n', 'bad.py': 'def f(:\n' },
    });
    expect(facts.problems).toEqual([{ file: 'bad.py', line: 1, column: 7, message: 'SyntaxError: invalid syntax' }]);
  });
});
