import os

from flask import Flask


class Settings:
    DEBUG = True


settings = Settings()
app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]


@app.route("/boom/<x>")
def boom(x):
    return str(int(x))


if __name__ == "__main__":
    app.run(debug=settings.DEBUG)
