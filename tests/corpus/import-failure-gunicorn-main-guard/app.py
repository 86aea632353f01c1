import os

from flask import Flask
from flask_sqlalchemy_nonexistent import SQLAlchemy

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ.get("SECRET_KEY", "dev-secret-change-me")
db = SQLAlchemy(app)


@app.route("/")
def home():
    return "shop"


if __name__ == "__main__":
    app.run(debug=True)
