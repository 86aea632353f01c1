import os
from decimal import Decimal

from flask import Flask, jsonify, request

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]

PRICES = {"beans": Decimal("24.90"), "grinder": Decimal("59.00")}


@app.route("/")
def home():
    return jsonify(products=sorted(PRICES))


@app.route("/quote/<quantity>")
def quote(quantity):
    try:
        count = int(quantity)
        product = request.args.get("product", "beans")
        return jsonify(total=str(PRICES[product] * count))
    except (ValueError, KeyError) as e:
        return jsonify(error=str(e)), 400
