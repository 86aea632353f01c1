import os

from flask import Flask

app = Flask(__name__)
app.config.update(SECRET_KEY=os.environ["SECRET_KEY"], DEBUG=True)


@app.route("/")
def home():
    return "ok"


if __name__ == "__main__":
    app.run()
