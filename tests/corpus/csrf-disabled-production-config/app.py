import os

from flask import Flask, jsonify

import settings

app = Flask(__name__)
app.config.from_object(settings.TestingConfig if os.environ.get("SHOP_TESTING") else settings.Config)


@app.route("/")
def home():
    return jsonify(ok=True)
