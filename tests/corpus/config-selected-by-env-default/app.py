import os

from flask import Flask

app = Flask(__name__)
app.config.from_object(os.environ.get("APP_SETTINGS", "config.DevelopmentConfig"))


@app.route("/orders/<order_id>")
def order(order_id):
    return {"order": int(order_id)}
