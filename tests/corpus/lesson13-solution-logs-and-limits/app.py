"""Corner Shop: orders, customer accounts and a small JSON API."""
import logging
import os

from flask import Flask, has_request_context, jsonify, redirect, render_template_string, request, session, url_for
from flask.logging import default_handler, wsgi_errors_stream
from werkzeug.middleware.proxy_fix import ProxyFix

app = Flask(__name__)
# One proxy (nginx) stands in front: take one hop each of X-Forwarded-For, -Proto and -Host.
app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1)


class RequestId(logging.Filter):
    """Stamps every record with nginx's $request_id (the X-Request-ID header nginx sets), so a line of
    the app's log leads to nginx's line for the same request, and back."""

    def filter(self, record):
        record.request_id = request.headers.get("X-Request-ID", "-") if has_request_context() else "-"
        return True


# Where Flask's own handler writes (the server's error stream, journald's in production), with the id.
log_handler = logging.StreamHandler(wsgi_errors_stream)
log_handler.addFilter(RequestId())
log_handler.setFormatter(
    logging.Formatter("[%(asctime)s] %(levelname)s request_id=%(request_id)s in %(module)s: %(message)s")
)
app.logger.removeHandler(default_handler)
app.logger.addHandler(log_handler)


def required_setting(name):
    """A setting production must provide: missing means stop now, with a message that says so."""
    value = os.environ.get(name)
    if not value:
        raise SystemExit(f"{name} is not set: give the app its {name} through the environment.")
    return value


# Signs the session cookie. A new key from the secret store: the one lesson 01 leaked signs nothing
# any more, and is not kept in SECRET_KEY_FALLBACKS (Flask 3.1), which would still accept it.
app.config["SECRET_KEY"] = required_setting("SECRET_KEY")
app.config.update(
    SESSION_COOKIE_SECURE=True,  # the browser sends the cookie over https only
    SESSION_COOKIE_HTTPONLY=True,  # page scripts cannot read it
    SESSION_COOKIE_SAMESITE="Lax",  # not sent with another site's POST
    # Flask 3.1: any other Host is refused with 400 before a view builds a link from it.
    # localhost and 127.0.0.1 are the machine itself (its health checks; here the preview and curl).
    TRUSTED_HOSTS=["shop.example", "localhost", "127.0.0.1"],
    MAX_CONTENT_LENGTH=1024 * 1024,  # a larger body is refused with 413
)

PRODUCTS = {
    1: {"name": "Espresso beans, 1 kg", "price": 24.90},
    2: {"name": "Hand grinder", "price": 59.00},
    3: {"name": "Milk jug", "price": 14.50},
}
ORDERS = {1001: {"product": 1, "quantity": 2}, 1002: {"product": 3, "quantity": 1}}
# Demo accounts; a real shop keeps password hashes in its database.
PASSWORDS = {"ann": "beans-and-more-beans", "admin": "a-very-long-admin-passphrase"}

PAGE = """<!doctype html>
<title>Corner Shop</title>
<h1>{{ title }}</h1>
{{ body|safe }}
"""
LOGIN_FORM = """<form method="post" action="/login">
<input name="user" placeholder="user"> <input name="password" type="password" placeholder="password">
<button>Log in</button></form>
<form method="post" action="/reset"><input name="user" placeholder="user"> <button>Forgot password</button></form>"""


def page(title, body="", status=200):
    return render_template_string(PAGE, title=title, body=body), status


@app.route("/")
def home():
    return page("Corner Shop", LOGIN_FORM)


@app.post("/login")
def login():
    user = request.form.get("user", "")
    if user not in PASSWORDS or request.form.get("password") != PASSWORDS[user]:
        # Who failed, never with what: a mistyped password is nearly the password.
        app.logger.warning("failed login for user %r", user)
        return page("Wrong user or password", LOGIN_FORM, 401)
    session["user"] = user
    return redirect(url_for("account"))


@app.route("/healthz")
def healthz():
    """For the health checks on this machine (nginx lets only loopback in): alive, and nothing more."""
    return jsonify(status="ok")


@app.route("/account")
def account():
    if "user" not in session:
        return page("Please log in", LOGIN_FORM, 401)
    return page(f"Hello {session['user']}")


@app.post("/reset")
def reset():
    user = request.form.get("user", "")
    # The link is built from the request's Host: only a trusted Host gets this far.
    link = url_for("account", reset="token-for-" + user, _external=True)
    print(f"mail to {user}: reset your password at {link}", flush=True)
    return page("Check your mail", "<p>If that account exists, we sent it a link.</p>")


def parse_order_id(raw):
    return int(raw)


@app.route("/orders/<raw_id>")
def order(raw_id):
    order_id = parse_order_id(raw_id)
    found = ORDERS.get(order_id)
    if found is None:
        return jsonify(error="no such order"), 404
    return jsonify(id=order_id, **found)


@app.post("/api/orders")
def create_order():
    data = request.get_json(silent=True) or {}
    try:
        product = PRODUCTS[int(data["product"])]
        quantity = int(data.get("quantity", 1))
    except (KeyError, TypeError, ValueError):
        # What the client did wrong, in words meant for it; the details go to the log.
        app.logger.info("rejected order %r", data)
        return jsonify(error="product and quantity must be numbers, and the product one we sell"), 400
    return jsonify(product=product["name"], quantity=quantity), 201


@app.errorhandler(404)
def not_found(error):
    return page("Not found", "<p>There is no such page in the shop.</p>", 404)


@app.errorhandler(500)
def server_error(error):
    # The status stays 500 and nothing of the exception reaches the visitor; the log has it.
    return page("Something went wrong", "<p>We have been told. Please try again later.</p>", 500)
