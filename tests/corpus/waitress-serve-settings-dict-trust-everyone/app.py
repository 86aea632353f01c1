import os

from flask import Flask, jsonify

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]


@app.route("/")
def home():
    return jsonify(ok=True)


@app.route("/items/<int:item_id>")
def item(item_id):
    return jsonify(id=item_id)
