import os

from flask import Flask

app = Flask(__name__)
app.config.from_mapping(
    SECRET_KEY=os.environ.get("SECRET_KEY", "dev"),
    DATABASE="sqlite:///shop.db",
)


@app.route("/")
def home():
    return "ok"
