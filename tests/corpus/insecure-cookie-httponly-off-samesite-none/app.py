import os

from flask import Flask, jsonify, session

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
app.config["SESSION_COOKIE_SECURE"] = True
# The single-page front end on another domain reads the session cookie from JavaScript.
app.config["SESSION_COOKIE_HTTPONLY"] = False
app.config["SESSION_COOKIE_SAMESITE"] = "None"


@app.route("/")
def home():
    return jsonify(user=session.get("user"))
