/**
 * Waitress and Gunicorn in the harness: their own configuration code, request handling and
 * proxy-header rules, with only sockets and processes virtual.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { NodeRuntime } from '../../cli/node-runtime';
import type { HttpRequest, WorkspaceFiles } from '../runtime/protocol';

let runtime: NodeRuntime;
beforeAll(async () => {
  runtime = await NodeRuntime.start();
});

const APP = `from flask import Flask, request
app = Flask(__name__)

@app.route("/")
def home():
    return f"{request.remote_addr} {request.scheme} {request.host}"

@app.route("/boom")
def boom():
    raise ValueError("boom")
`;

const run = (files: WorkspaceFiles, command: string, env: Record<string, string> = {}) =>
  runtime.call('run', { session: 'servers', files: { 'app.py': APP, ...files }, command, env });

const send = (path: string, extra: Partial<HttpRequest> = {}) =>
  runtime.call('request', { session: 'servers', request: { method: 'GET', path, headers: [], ...extra } });

const FORWARDED: Array<[string, string]> = [
  ['X-Forwarded-For', '198.51.100.9'],
  ['X-Forwarded-Proto', 'https'],
  ['X-Forwarded-Host', 'shop.example'],
];

describe('waitress', () => {
  test("serve() takes Waitress's own defaults: every interface, port 8080, four threads", async () => {
    const outcome = await run(
      { 'serve.py': 'from waitress import serve\nfrom app import app\nserve(app)\n' },
      'python serve.py',
    );
    expect(outcome.serving).toMatchObject({
      server: 'waitress',
      host: '0.0.0.0',
      port: 8080,
      calledFrom: { file: 'serve.py', line: 3 },
      settings: { threads: 4, trusted_proxy: null, expose_tracebacks: false },
    });
  });

  test('trusts forwarded headers only from the trusted proxy', async () => {
    await run(
      {
        'serve.py':
          'from waitress import serve\nfrom app import app\n' +
          'serve(app, listen="127.0.0.1:8080", trusted_proxy="127.0.0.1",\n' +
          '      trusted_proxy_headers={"x-forwarded-for", "x-forwarded-proto", "x-forwarded-host"})\n',
      },
      'python serve.py',
    );
    expect((await send('/', { headers: FORWARDED, client: '127.0.0.1' })).body).toBe('198.51.100.9 https shop.example');
    expect((await send('/', { headers: FORWARDED, client: '203.0.113.50' })).body).toBe(
      '203.0.113.50 http localhost:8080',
    );
  });

  test("invalid settings fail with Waitress's own error, at the project's line", async () => {
    const outcome = await run(
      { 'serve.py': 'from waitress import serve\nfrom app import app\nserve(app, threads="many")\n' },
      'python serve.py',
    );
    expect(outcome.serving).toBeNull();
    expect(outcome.exit).toMatchObject({ code: 1, location: { file: 'serve.py', line: 3 } });
    expect(outcome.exit?.message).toContain('ValueError');
  });

  test('waitress-serve on the command line, and expose_tracebacks', async () => {
    const outcome = await run({}, 'waitress-serve --listen=127.0.0.1:8081 --expose-tracebacks app:app');
    expect(outcome.log).toContain('Serving on http://127.0.0.1:8081');
    expect(outcome.serving).toMatchObject({ host: '127.0.0.1', port: 8081, settings: { expose_tracebacks: true } });
    const response = await send('/boom');
    expect(response.status).toBe(500);
    // Flask catches the error itself, so Waitress has nothing to expose: a generic page.
    expect(response.body).toContain('Internal Server Error');
    expect(response.log).toContain('Exception on /boom [GET]');
  });
});

describe('gunicorn', () => {
  const CONF =
    'bind = "127.0.0.1:8000"\nworkers = 3\ntimeout = 30\naccesslog = "-"\nforwarded_allow_ips = "127.0.0.1"\n';

  test("reads gunicorn.conf.py through Gunicorn's Config and prints the arbiter's start-up lines", async () => {
    const outcome = await run({ 'gunicorn.conf.py': CONF, 'wsgi.py': 'from app import app\n' }, 'gunicorn wsgi:app');
    expect(outcome.log).toMatch(/\[INFO\] Starting gunicorn \d+\.\d+/);
    expect(outcome.log).toContain('Listening at: http://127.0.0.1:8000');
    expect(outcome.log).toContain('Using worker: sync');
    expect(outcome.serving).toMatchObject({
      server: 'gunicorn',
      host: '127.0.0.1',
      port: 8000,
      reloader: false,
      settings: { workers: 3, timeout: 30, accesslog: '-', forwarded_allow_ips: ['127.0.0.1'] },
    });
  });

  test('writes the access log and honours X-Forwarded-Proto only from allowed addresses', async () => {
    await run({ 'gunicorn.conf.py': CONF }, 'gunicorn app:app');
    const trusted = await send('/', { headers: FORWARDED, client: '127.0.0.1' });
    // Gunicorn applies X-Forwarded-Proto itself; the client address and host are ProxyFix's job.
    expect(trusted.body).toBe('127.0.0.1 https localhost:8000');
    expect(trusted.log).toMatch(/127\.0\.0\.1 - - \[.+\] "GET \/ HTTP\/1\.1" 200 \d+ "-" "curl\/8/);
    const untrusted = await send('/', { headers: FORWARDED, client: '203.0.113.50' });
    expect(untrusted.body.split(' ')[1]).toBe('http');
  });

  test('command-line options override the config file; a bad value is rejected by Gunicorn', async () => {
    const outcome = await run(
      { 'gunicorn.conf.py': CONF },
      'gunicorn --bind 0.0.0.0:9000 --workers 2 --reload app:app',
    );
    expect(outcome.serving).toMatchObject({ host: '0.0.0.0', port: 9000, reloader: true, settings: { workers: 2 } });
    const bad = await run({}, 'gunicorn --workers abc app:app');
    expect(bad.exit?.code).toBe(2);
    expect(bad.log).toContain("invalid int value: 'abc'");
  });

  test('an app that cannot be imported fails the boot, as Gunicorn reports it', async () => {
    const outcome = await run({ 'wsgi.py': 'import os\napp = os.environ["MISSING"]\n' }, 'gunicorn wsgi:app');
    expect(outcome.exit).toMatchObject({ code: 3, location: { file: 'wsgi.py', line: 2 } });
    expect(outcome.log).toContain('Exception in worker process');
    expect(outcome.log).toContain('Reason: Worker failed to boot.');
    // The traceback is Gunicorn's and the project's, never the harness's stand-in for load_wsgi.
    expect(outcome.log).toMatch(/Traceback \(most recent call last\):\n {2}File "[^"]+\/gunicorn\/app\/base\.py"/);
    expect(outcome.log).toContain('File "/srv/shop/wsgi.py", line 2, in <module>');
    expect(outcome.log).not.toContain('prodready_harness');
  });

  test("an invalid setting fails with Gunicorn's own words, at the line of gunicorn.conf.py", async () => {
    const outcome = await run(
      { 'gunicorn.conf.py': 'bind = "127.0.0.1:8000"\nworkers = "many"\n' },
      'gunicorn app:app',
    );
    expect(outcome.log).toContain('Invalid value for workers: many');
    expect(outcome.exit).toEqual({
      code: 1,
      message: "Error: invalid literal for int() with base 0: 'many'",
      location: { file: 'gunicorn.conf.py', line: 2 },
    });
  });

  test('a config file that does not parse points at its line', async () => {
    const outcome = await run({ 'gunicorn.conf.py': 'bind = "127.0.0.1:8000"\nworkers = (\n' }, 'gunicorn app:app');
    expect(outcome.log).toContain('Failed to read config file: /srv/shop/gunicorn.conf.py');
    expect(outcome.exit).toMatchObject({ code: 1, location: { file: 'gunicorn.conf.py', line: 2 } });
    expect(outcome.exit?.message).toContain('SyntaxError');
  });

  test('a unix socket bind', async () => {
    const outcome = await run({}, 'gunicorn --bind unix:/run/shop/gunicorn.sock app:app');
    expect(outcome.serving).toMatchObject({ host: 'unix:/run/shop/gunicorn.sock', port: 0 });
    expect((await send('/')).status).toBe(200);
  });
});
