import os

from flask import Flask, jsonify

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]


@app.route("/")
def home():
    return jsonify(ok=True)


@app.route("/items/<item_id>")
def item(item_id):
    return jsonify(id=int(item_id))
