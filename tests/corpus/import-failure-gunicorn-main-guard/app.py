import json
import os

from flask import Flask

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ.get("SECRET_KEY", "dev-secret-change-me")
with open("/etc/shop/settings.json") as handle:  # on the server, not in the repository
    app.config.update(json.load(handle))


@app.route("/")
def home():
    return "shop"


if __name__ == "__main__":
    app.run(debug=True)
