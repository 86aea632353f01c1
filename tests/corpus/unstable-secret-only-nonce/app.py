import os
import secrets

from flask import Flask, g, jsonify

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
# Changes at every start on purpose: only used to bust caches of static files after a deploy.
BUILD_ID = secrets.token_hex(8)


@app.before_request
def make_nonce():
    g.csp_nonce = secrets.token_urlsafe(16)


@app.route("/")
def home():
    return jsonify(build=BUILD_ID)
