import { describe, expect, test } from 'vitest';
import { errorDetailExposed } from './error-detail-exposed';
import { APP, SECRET, edit, expectFinding, expectNoFinding, judge, lineOf, usePython } from './test-support';

const python = usePython();

const check = (app: string) => judge(errorDetailExposed, python, { files: { 'app.py': app }, env: SECRET });

const VIEW = '    order_id = int(raw_id)\n';
const withHandler = (handler: string) => edit(APP, '\n\nif __name__', `\n\n${handler}\n\nif __name__`);

describe('error-detail-exposed', () => {
  test("a route's except answers with jsonify(error=str(e))", async () => {
    const app = edit(
      APP,
      VIEW,
      '    try:\n        order_id = int(raw_id)\n    except ValueError as e:\n        return jsonify(error=str(e)), 400\n',
    );
    const finding = expectFinding(await check(app), errorDetailExposed);
    expect(finding.message).toBe(
      `GET /orders/abc answers 400 with the text of a ValueError ("invalid literal for int() with base 10: 'abc'"): the except at app.py:${lineOf(app, 'except ValueError')} puts it in the response.`,
    );
    expect(finding).toMatchObject({ file: 'app.py', line: lineOf(app, 'except ValueError') });
  });

  test('an error handler that returns str(error.original_exception)', async () => {
    const app = withHandler(`@app.errorhandler(500)
def server_error(error):
    return str(error.original_exception), 500
`);
    const finding = expectFinding(await check(app), errorDetailExposed);
    expect(finding.message).toBe(
      `GET /orders/abc answers 500 with the text of a ValueError ("invalid literal for int() with base 10: 'abc'"): the error handler at app.py:${lineOf(app, '@app.errorhandler(500)')} puts it in the response.`,
    );
    expect(finding).toMatchObject({ file: 'app.py', line: lineOf(app, '@app.errorhandler(500)') });
  });

  test('an HTML error page with the message, escaped by Jinja', async () => {
    const app = withHandler(`from flask import render_template_string


@app.errorhandler(Exception)
def on_error(error):
    return render_template_string("<p>Sorry: {{ e }}</p>", e=error), 500
`);
    const finding = expectFinding(await check(app), errorDetailExposed);
    expect(finding).toMatchObject({ file: 'app.py', line: lineOf(app, '@app.errorhandler(Exception)') });
  });

  test('no finding: the type and text together are a traceback fragment (traceback-exposed)', async () => {
    const app = withHandler(`@app.errorhandler(Exception)
def on_error(error):
    return jsonify(error=f"{type(error).__name__}: {error}"), 500
`);
    expectNoFinding(await check(app));
  });

  test('no finding: a fixed message, the exception logged', async () => {
    const app = edit(
      APP,
      VIEW,
      '    try:\n        order_id = int(raw_id)\n    except ValueError:\n        app.logger.exception("bad order id")\n        return jsonify(error="invalid order id"), 400\n',
    );
    expectNoFinding(await check(app));
  });

  test("no finding: the project's own exception, its message written for the client", async () => {
    const app = edit(
      APP,
      VIEW,
      '    try:\n        order_id = parse(raw_id)\n    except BadOrder as e:\n        return jsonify(error=str(e)), 400\n',
    ).replace(
      '@app.route("/orders/<raw_id>")',
      'class BadOrder(Exception):\n    pass\n\n\ndef parse(raw):\n    if not raw.isdigit():\n        raise BadOrder("the order id must be a number")\n    return int(raw)\n\n\n@app.route("/orders/<raw_id>")',
    );
    expectNoFinding(await check(app));
  });

  test('an error handler that would answer with str(error), though the attack raised nothing', async () => {
    const app = withHandler(`@app.errorhandler(Exception)
def on_error(error):
    return jsonify(message=str(error)), 500
`).replace(VIEW, '    order_id = int(raw_id) if raw_id.isdigit() else 0\n');
    const finding = expectFinding(await check(app), errorDetailExposed);
    expect(finding.message).toMatch(
      /^The error handler at app\.py:\d+ answers with the exception's text: called with an Exception raised with a marker message/,
    );
    expect(finding).toMatchObject({ file: 'app.py', line: lineOf(app, '@app.errorhandler(Exception)') });
  });

  test("no finding: handlers that answer with a fixed text, an HTTP error's description, or the project's own exception", async () => {
    const app = withHandler(`class BadOrder(Exception):
    pass


@app.errorhandler(BadOrder)
def bad_order(error):
    return jsonify(error=str(error)), 400


@app.errorhandler(404)
def not_found(error):
    return jsonify(error=error.description), 404


@app.errorhandler(Exception)
def on_error(error):
    app.logger.exception("unexpected")
    return jsonify(error="something went wrong"), 500
`).replace(VIEW, '    order_id = int(raw_id) if raw_id.isdigit() else 0\n');
    expectNoFinding(await check(app));
  });

  test("no finding: Flask's own 500 page", async () => {
    expectNoFinding(await check(APP));
  });
});
