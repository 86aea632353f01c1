import os

from flask import Flask, jsonify, request

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
HITS = {}


def client_address():
    """The visitor, as the load balancer reports it."""
    forwarded = request.headers.get("X-Forwarded-For")
    return forwarded.split(",")[0].strip() if forwarded else request.remote_addr


@app.route("/")
def home():
    who = client_address()
    HITS[who] = HITS.get(who, 0) + 1
    return jsonify(visits=HITS[who])
