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

  test('debug mode with a generic 500 handler: Flask re-raises past it, so the debugger sends it, not the handler', async () => {
    const app = withHandler(`@app.errorhandler(500)
def server_error(error):
    return "<h1>Something went wrong</h1>", 500
`);
    const finding = expectFinding(await check(app, {}, { FLASK_DEBUG: '1' }), tracebackExposed);
    expect(finding.message).toMatch(/: Werkzeug's debugger sends it/);
    expect(finding).toMatchObject({ file: 'app.py', line: lineOf(app, 'app.run(') });
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

describe('traceback-exposed: an except the attack does not reach, read in the source', () => {
  test('an XML error report with the frames of sys.exc_info() (and its text: error-detail-exposed too)', async () => {
    const app = withHandler(`import sys
import traceback

from flask import Response, request


class ServiceError(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message

    def report(self, frames=()):
        lines = "".join(f"<frame>{frame}</frame>" for frame in traceback.format_list(frames))
        return Response(f"<Report><Message>{self.message}</Message>{lines}</Report>", 500, mimetype="text/xml")


@app.post("/ows")
def ows():
    try:
        return str(int(request.form["layer"]))
    except Exception as e:
        tb = sys.exc_info()[2]
        error = ServiceError("Unexpected server error: %s" % str(e))
        return error.report(frames=traceback.extract_tb(tb))
`);
    const finding = expectFinding(await check(app), tracebackExposed);
    expect(finding).toMatchObject({ file: 'app.py', line: lineOf(app, 'return error.report(') });
    expect(finding.message).toContain('ows() at app.py:');
    expect(finding.message).toContain('the traceback of the exception it caught');
  });

  test('a view that answers traceback.format_exc() in its except', async () => {
    const app = withHandler(`import traceback

from flask import request


@app.post("/import")
def import_orders():
    try:
        return str(len(request.get_json()["orders"]))
    except Exception:
        return "<pre>" + traceback.format_exc() + "</pre>", 500
`);
    const finding = expectFinding(await check(app), tracebackExposed);
    expect(finding).toMatchObject({ file: 'app.py', line: lineOf(app, 'traceback.format_exc() +') });
  });

  test("format_exception(e) into JSON, and e.__traceback__'s frames, each at the line that sends it", async () => {
    const app = withHandler(`import traceback

from flask import request


@app.post("/import")
def import_orders():
    try:
        return str(len(request.get_json()["orders"]))
    except Exception as e:
        detail = "".join(traceback.format_exception(e))
        return jsonify(error="import failed", detail=detail), 500  # JSON


@app.post("/export")
def export_orders():
    try:
        return str(len(request.get_json()["orders"]))
    except Exception as e:
        frames = traceback.extract_tb(e.__traceback__)
        return {"error": "export failed", "at": [f"{frame.filename}:{frame.lineno}" for frame in frames]}, 500  # FRAMES
`);
    const verdict = await check(app);
    expectFinding(verdict, tracebackExposed);
    expect(verdict.findings.map((finding) => finding.line).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([
      lineOf(app, '# JSON'),
      lineOf(app, '# FRAMES'),
    ]);
  });

  test('no finding: the traceback logged, the client told a fixed text; the type alone', async () => {
    const app = withHandler(`import sys
import traceback

from flask import request


@app.post("/import")
def import_orders():
    try:
        return str(len(request.get_json()["orders"]))
    except Exception as e:
        app.logger.error("import failed:\\n%s", traceback.format_exc())
        kind, _, tb = sys.exc_info()
        traceback.print_tb(tb)
        return {"error": "import failed", "kind": type(e).__name__, "status": getattr(e, "code", 500)}, 500
`);
    expectNoFinding(await check(app));
  });
});
