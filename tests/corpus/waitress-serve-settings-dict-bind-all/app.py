import os

from flask import Flask, jsonify
from werkzeug.middleware.proxy_fix import ProxyFix

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
# One proxy, nginx, stands in front.
app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1)


@app.route("/")
def home():
    return jsonify(ok=True)


@app.route("/items/<int:item_id>")
def item(item_id):
    return jsonify(id=item_id)
