import os
from decimal import Decimal

from flask import Flask, jsonify, request

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]

PRICES = {"beans": Decimal("24.90"), "grinder": Decimal("59.00")}


class QuoteError(Exception):
    """A problem with the request, worded for the customer."""


def parse_quantity(raw):
    try:
        return int(raw)
    except ValueError:
        raise QuoteError("the quantity must be a whole number") from None


@app.route("/")
def home():
    return jsonify(products=sorted(PRICES))


@app.route("/quote/<quantity>")
def quote(quantity):
    try:
        count = parse_quantity(quantity)
    except QuoteError as e:
        return jsonify(error=str(e)), 400
    product = request.args.get("product", "beans")
    if product not in PRICES:
        return jsonify(error="unknown product"), 404
    return jsonify(total=str(PRICES[product] * count))


@app.errorhandler(500)
def server_error(error):
    app.logger.error("unhandled: %s", error.original_exception)
    return jsonify(error="something went wrong"), 500
