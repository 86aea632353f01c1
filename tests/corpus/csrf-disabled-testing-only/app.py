import os

from flask import Flask, jsonify

import settings

app = Flask(__name__)
app.config.from_object(settings.TestingConfig if os.environ.get("SHOP_TESTING") else settings.Config)
if not app.config["SECRET_KEY"]:
    raise SystemExit("SECRET_KEY is not set")


@app.route("/")
def home():
    return jsonify(ok=True)
