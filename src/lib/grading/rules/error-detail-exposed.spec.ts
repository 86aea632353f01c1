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
    const verdict = await check(app);
    const finding = expectFinding(verdict, errorDetailExposed);
    expect(finding.message).toBe(
      `GET /orders/abc answers 400 with the text of a ValueError ("invalid literal for int() with base 10: 'abc'"): the except at app.py:${lineOf(app, 'except ValueError')} puts it in the response.`,
    );
    expect(finding).toMatchObject({ file: 'app.py', line: lineOf(app, 'except ValueError') });
    // Its return, read in the source, is the same place: not a second finding.
    expect(verdict.findings).toHaveLength(1);
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
    // Where the handler sends the text, read in its source.
    expect(finding).toMatchObject({ file: 'app.py', line: lineOf(app, 'return str(error.original_exception)') });
  });

  test('an HTML error page with the message, escaped by Jinja', async () => {
    const app = withHandler(`from flask import render_template_string


@app.errorhandler(Exception)
def on_error(error):
    return render_template_string("<p>Sorry: {{ e }}</p>", e=error), 500
`);
    const finding = expectFinding(await check(app), errorDetailExposed);
    expect(finding).toMatchObject({ file: 'app.py', line: lineOf(app, 'return render_template_string(') });
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
    expect(finding).toMatchObject({ file: 'app.py', line: lineOf(app, 'return jsonify(message=str(error))') });
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


@app.errorhandler(KeyError)
def on_key_error(error):
    # The type beside the text: a traceback fragment, traceback-exposed's finding.
    return jsonify(error=f"{type(error).__name__}: {error}"), 500
`).replace(VIEW, '    order_id = int(raw_id) if raw_id.isdigit() else 0\n');
    expectNoFinding(await check(app));
  });

  test("no finding: Flask's own 500 page", async () => {
    expectNoFinding(await check(APP));
  });
});

/**
 * `except` blocks the attack never reaches (a POST the attack does not send): judged by reading the
 * served app's source. One app per verdict, each place asserted by its line, so a miss and an
 * extra both fail.
 */
const withRoutes = (routes: string) => edit(APP, '\n\nif __name__', `\n\n${routes}\n\nif __name__`);

const EXPOSING = withRoutes(`import functools
import traceback

from flask import abort, flash, make_response, render_template_string, request
from flask.views import MethodView
from werkzeug.exceptions import BadRequest


def charge(form):
    return int(form["amount"]) * 100


@app.post("/pay/abort")
def pay_abort():
    try:
        charge(request.form)
    except Exception as e:
        abort(500, description=e)  # ABORT
    return "paid"


@app.post("/pay/fstring")
def pay_fstring():
    try:
        return jsonify(cents=charge(request.form))
    except (KeyError, ValueError) as error:
        return jsonify(error=f"could not charge: {error}"), 400  # FSTRING


@app.post("/pay/later")
def pay_later():
    status, message = 200, "paid"
    try:
        charge(request.form)
    except Exception as failure:
        status = 500
        message = "payment failed: %s" % failure
    return {"message": message}, status  # LATER


@app.post("/pay/raise")
def pay_raise():
    try:
        charge(request.form)
    except ValueError as e:
        raise BadRequest(str(e))  # RAISE
    return "paid"


def failure_response(error):
    return make_response(jsonify(error=repr(error)), 500)


@app.post("/pay/helper")
def pay_helper():
    try:
        charge(request.form)
    except Exception as e:
        return failure_response(e)  # HELPER
    return "paid"


def logged_in(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        return view(*args, **kwargs)

    return wrapper


@app.post("/pay/wrapped")
@logged_in
def pay_wrapped():
    try:
        charge(request.form)
    except Exception as e:
        return "failed: " + str(e.args[0]), 500  # WRAPPED
    return "paid"


class Refunds(MethodView):
    def post(self):
        try:
            charge(request.form)
        except Exception as e:
            flash(str(e))  # FLASH
            return render_template_string("{{ problem }}", problem=e), 500  # TEMPLATE
        return "refunded"


app.add_url_rule("/refunds", view_func=Refunds.as_view("refunds"))
`);

const HARMLESS = withRoutes(`import traceback

from flask import abort, render_template_string, request
from werkzeug.exceptions import HTTPException


class PaymentError(Exception):
    pass


def charge(form):
    if "amount" not in form:
        raise PaymentError("the amount is missing")
    return int(form["amount"]) * 100


def handle_error(error):
    app.logger.exception("payment failed")
    return jsonify(error="payment failed"), 500


@app.post("/pay/logged")
def pay_logged():
    try:
        charge(request.form)
    except Exception as e:
        app.logger.error("charge failed: %s", str(e))
        print(traceback.format_exc())
        return jsonify(error="payment failed", kind=type(e).__name__), 500
    return "paid"


@app.post("/pay/own")
def pay_own():
    try:
        charge(request.form)
    except PaymentError as e:
        return jsonify(error=str(e)), 400
    except HTTPException as e:
        return jsonify(error=e.description), e.code
    return "paid"


@app.post("/pay/raised-here")
def pay_raised_here():
    try:
        if not request.form.get("amount", "").isdigit():
            raise ValueError("the amount must be a whole number")
        charge(request.form)
    except ValueError as e:
        return jsonify(error=str(e)), 400
    return "paid"


@app.post("/pay/status")
def pay_status():
    try:
        charge(request.form)
    except OSError as e:
        return jsonify(error="the payment service failed", errno=e.errno, upstream=e.response.status_code), 502
    return "paid"


@app.post("/pay/delegated")
def pay_delegated():
    try:
        charge(request.form)
    except Exception as e:
        return handle_error(e)
    return "paid"


@app.post("/pay/unreachable")
def pay_unreachable():
    try:
        charge(request.form)
    except Exception as e:
        raise e
        abort(500, description=str(e))
    return "paid"


@app.post("/pay/template")
def pay_template():
    try:
        charge(request.form)
    except Exception as e:
        return render_template_string("<p>Payment failed.</p>", error=e), 500
    return "paid"


def nightly_report():
    # Not a view: a command-line job's text goes to its operator.
    try:
        charge({})
    except Exception as e:
        return f"report failed: {e}"
`);

describe('error-detail-exposed: an except the attack does not reach, read in the source', () => {
  test('each place that puts the caught exception in a response is a finding at the line that sends it', async () => {
    const verdict = await check(EXPOSING);
    expectFinding(verdict, errorDetailExposed);
    const places = verdict.findings.map((finding) => `${finding.file}:${finding.line}`).sort();
    const expected = ['ABORT', 'FSTRING', 'LATER', 'RAISE', 'HELPER', 'WRAPPED', 'FLASH', 'TEMPLATE']
      .map((tag) => `app.py:${lineOf(EXPOSING, `# ${tag}`)}`)
      .sort();
    expect(places).toEqual(expected);
    const abort = verdict.findings.find((finding) => finding.line === lineOf(EXPOSING, '# ABORT'));
    expect(abort?.message).toBe(
      `pay_abort() at app.py:${lineOf(EXPOSING, '# ABORT')} passes it to abort(500), whose error page shows the description: the caught exception's text. A request that fails there gets it (read in the source: the attack did not make it fail).`,
    );
  });

  test("no finding: logged, the app's own exceptions and messages, status numbers, a helper that answers generically, unreachable code, a template that does not show it, no view", async () => {
    expectNoFinding(await check(HARMLESS));
  });

  test("no finding: abort(500, description=e) when the app's 500 handler answers with a fixed text", async () => {
    const app = withRoutes(`from flask import abort, request


@app.errorhandler(500)
def server_error(error):
    return jsonify(error="something went wrong"), 500


@app.post("/pay")
def pay():
    try:
        int(request.form["amount"])
    except Exception as e:
        abort(500, description=e)
    return "paid"
`);
    expectNoFinding(await check(app));
  });

  test("a blueprint's 500 handler that shows the description makes the blueprint's abort(500, description=e) a finding", async () => {
    const app = withRoutes(`from flask import Blueprint, abort, request

bp = Blueprint("payments", __name__)


@app.errorhandler(500)
def server_error(error):
    return jsonify(error="something went wrong"), 500


@bp.errorhandler(500)
def payments_error(error):
    return jsonify(error=str(error.description)), 500


@bp.post("/pay")
def pay():
    try:
        int(request.form["amount"])
    except Exception as e:
        abort(500, description=e)
    return "paid"


app.register_blueprint(bp)
`);
    const finding = expectFinding(await check(app), errorDetailExposed);
    expect(finding).toMatchObject({ file: 'app.py', line: lineOf(app, 'abort(500, description=e)') });
  });

  test('a module the app never imports is not read', async () => {
    const job = `from flask import Flask, jsonify

tool = Flask(__name__)


@tool.route("/")
def run():
    try:
        return str(1 / 0)
    except Exception as e:
        return jsonify(error=str(e))
`;
    expectNoFinding(
      await judge(errorDetailExposed, python, { files: { 'app.py': APP, 'scripts/tool.py': job }, env: SECRET }),
    );
  });
});

describe('error-detail-exposed: handlers of exceptions whose constructor wants more than a message', () => {
  // SQLAlchemy's IntegrityError(statement, params, orig) is the same case, run in the audit's runtime: tests/corpus/errorhandler-integrity-error-orig.
  test("smtplib's SMTPResponseException(code, msg) handler that answers the mail server's reply, at the line that sends it", async () => {
    const app = withHandler(`import smtplib


@app.errorhandler(smtplib.SMTPResponseException)
def mail_failed(error):
    return {
        "code": 502,
        "message": "Mail error",
        "description": str(error.smtp_error),
    }, 502
`);
    const finding = expectFinding(await check(app), errorDetailExposed);
    expect(finding.message).toMatch(
      /^The error handler at app\.py:\d+ answers with the exception's text: called with a SMTPResponseException/,
    );
    expect(finding).toMatchObject({ file: 'app.py', line: lineOf(app, 'str(error.smtp_error)') });
  });

  test('no finding: the same handler answering a fixed text', async () => {
    const app = withHandler(`import smtplib


@app.errorhandler(smtplib.SMTPResponseException)
def mail_failed(error):
    app.logger.warning("mail: %s", error.smtp_error)
    return {"code": 502, "message": "the mail could not be sent", "smtp": error.smtp_code}, 502
`);
    expectNoFinding(await check(app));
  });
});
