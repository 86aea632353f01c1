from flask import Flask, jsonify, session

app = Flask(__name__)
app.config.from_object("config.Config")


@app.route("/")
def home():
    return jsonify(cart=session.get("cart", []))
