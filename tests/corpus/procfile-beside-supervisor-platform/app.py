"""Corner Shop: a small order service."""
import os

from flask import Flask, jsonify, render_template_string, url_for
from werkzeug.middleware.proxy_fix import ProxyFix

app = Flask(__name__)
# One proxy (nginx) stands in front: take one hop each of X-Forwarded-For, -Proto and -Host.


def required_setting(name):
    """A setting production must provide. Missing means stop now, with a message that says so,
    rather than run with a value anyone can read in the code."""
    value = os.environ.get(name)
    if not value:
        raise SystemExit(f"{name} is not set: give the app its {name} through the environment.")
    return value


# Signs session cookies: it lives in the environment (a secret store), never in the code.
app.config["SECRET_KEY"] = required_setting("SECRET_KEY")
app.config["DATABASE_URL"] = os.environ.get("DATABASE_URL", "sqlite:///shop.db")


def parse_order_id(raw):
    return int(raw)


PRODUCTS = {
    1: {"name": "Espresso beans, 1 kg", "price": 24.90},
    2: {"name": "Hand grinder", "price": 59.00},
    3: {"name": "Milk jug", "price": 14.50},
}
ORDERS = {1001: {"product": 1, "quantity": 2}, 1002: {"product": 3, "quantity": 1}}

HOME = """<!doctype html>
<title>Corner Shop</title>
<h1>Corner Shop</h1>
<ul>{% for id, p in products.items() %}<li>{{ p.name }}: {{ "%.2f"|format(p.price) }} EUR</li>{% endfor %}</ul>
<p>Track an order: <a href="/orders/1001">/orders/1001</a></p>
"""


@app.route("/")
def home():
    return render_template_string(HOME, products=PRODUCTS)


@app.route("/products")
def products():
    return jsonify(PRODUCTS)


@app.route("/orders/<raw_id>")
def order(raw_id):
    order_id = parse_order_id(raw_id)
    found = ORDERS.get(order_id)
    if found is None:
        return jsonify(error="no such order"), 404
    return jsonify(id=order_id, **found)


if __name__ == "__main__":
    # No debug argument: Flask reads FLASK_DEBUG itself. Unset, "0" or "false" keep debug off;
    # FLASK_DEBUG=1 turns it on, for a developer's own machine only.
    app.run()
