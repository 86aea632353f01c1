"""Corner Shop: a small order service, as it was shipped."""
from flask import Flask, jsonify, render_template_string

app = Flask(__name__)
app.config["SECRET_KEY"] = "sk_live_4f9a7c21e8b35d60"
app.config["DATABASE_URL"] = "sqlite:///shop.db"


def parse_order_id(raw)
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
    app.run(debug=True)
