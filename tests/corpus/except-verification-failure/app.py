import os

from cryptography.exceptions import InvalidSignature
from cryptography.fernet import Fernet, InvalidToken
from flask import Flask, jsonify, request

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
cipher = Fernet(os.environ.get("ELEMENT_KEY", Fernet.generate_key()))


@app.get("/")
def home():
    return "Corner Shop"


@app.get("/element")
def element():
    # cryptography raises its verification failures bare: the text sent is empty.
    try:
        url = cipher.decrypt(request.args.get("url", "").encode()).decode()
    except (InvalidSignature, InvalidToken) as e:
        return jsonify(error=str(e)), 401
    return url
