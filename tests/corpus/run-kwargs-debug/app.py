import os

from flask import Flask

app = Flask(__name__)
app.secret_key = os.environ["SECRET_KEY"]

RUN_OPTIONS = {"host": "127.0.0.1", "port": 5000, "debug": True}


@app.route("/n/<value>")
def n(value):
    return str(1 / int(value))


if __name__ == "__main__":
    app.run(**RUN_OPTIONS)
