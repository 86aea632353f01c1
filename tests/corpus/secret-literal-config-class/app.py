from flask import Flask


class Config:
    SECRET_KEY = "9f2c1d7e-do-not-share"


app = Flask(__name__)
app.config.from_object(Config)


@app.route("/")
def home():
    return "ok"
