import { describe, expect, test } from 'vitest';
import { tracebackExposed } from './traceback-exposed';
import {
  APP,
  SECRET,
  WAITRESS_SERVE,
  edit,
  expectFinding,
  expectNoFinding,
  judge,
  lineOf,
  usePython,
} from './test-support';

const python = usePython();

const check = (app: string, extra: Record<string, string> = {}, env: Record<string, string> = {}) =>
  judge(tracebackExposed, python, { files: { 'app.py': app, ...extra }, env: { ...SECRET, ...env } });

const withHandler = (handler: string) => edit(APP, '\n\nif __name__', `\n\n${handler}\n\nif __name__`);

describe('traceback-exposed', () => {
  test('an error handler that returns traceback.format_exc()', async () => {
    const app = withHandler(`import traceback


@app.errorhandler(500)
def server_error(error):
    return f"<h1>Something broke</h1><pre>{traceback.format_exc()}</pre>", 500
`);
    const finding = expectFinding(await check(app), tracebackExposed);
    expect(finding.message).toMatch(
      /^GET \/orders\/abc answers 500 with a Python traceback: the error handler at app\.py:\d+ puts it in the response\.$/,
    );
    // The handler's first line, as Python records it: its decorator.
    expect(finding).toMatchObject({ file: 'app.py', line: lineOf(app, '@app.errorhandler(500)') });
  });

  test("debug mode: Werkzeug's debugger sends it", async () => {
    const finding = expectFinding(await check(APP, {}, { FLASK_DEBUG: '1' }), tracebackExposed);
    expect(finding.message).toMatch(/^GET \/orders\/abc answers 500 with .*: Werkzeug's debugger sends it/);
    expect(finding).toMatchObject({ file: 'app.py', line: lineOf(APP, 'app.run(') });
  });

  test('Waitress with expose_tracebacks=True', async () => {
    const serve = edit(
      WAITRESS_SERVE,
      '    clear_untrusted_proxy_headers=True,\n',
      '    clear_untrusted_proxy_headers=True,\n    expose_tracebacks=True,\n',
    );
    const finding = expectFinding(
      await check(APP, { 'serve.py': serve, Procfile: 'web: python serve.py\n' }),
      tracebackExposed,
    );
    expect(finding.message).toContain('Waitress is told to expose tracebacks (expose_tracebacks)');
    expect(finding).toMatchObject({ file: 'serve.py', line: lineOf(serve, 'serve(') });
  });

  test('no finding: a generic error handler', async () => {
    const app = withHandler(`@app.errorhandler(500)
def server_error(error):
    return "<h1>Something went wrong</h1>", 500
`);
    expectNoFinding(await check(app));
  });

  test('no finding: a handler that logs the traceback and answers generically', async () => {
    const app = withHandler(`import traceback


@app.errorhandler(Exception)
def server_error(error):
    app.logger.error(traceback.format_exc())
    return "Something went wrong", 500
`);
    expectNoFinding(await check(app));
  });

  test("no finding: Flask's own 500 page with debug off", async () => {
    expectNoFinding(await check(APP));
  });
});
