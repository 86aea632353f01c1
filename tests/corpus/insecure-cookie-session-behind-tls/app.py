import os

from flask import Flask, jsonify, session
from werkzeug.middleware.proxy_fix import ProxyFix

app = Flask(__name__)
app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]


@app.route("/")
def home():
    return jsonify(ok=True)


@app.route("/cart/add/<int:product_id>", methods=["POST"])
def add_to_cart(product_id):
    session["cart"] = session.get("cart", []) + [product_id]
    return jsonify(cart=session["cart"])
