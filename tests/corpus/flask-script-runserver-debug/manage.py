#!/usr/bin/env python
"""Flask-Script's manager (hack4impact/flask-base's layout): `runserver` is Werkzeug's development server."""
import os

from flask import Flask
from flask_script import Manager, Server

from config import config

app = Flask(__name__)
# FLASK_CONFIG is set nowhere in the deployment: the default, DevelopmentConfig, is what runs.
app.config.from_object(config[os.getenv("FLASK_CONFIG") or "default"])
manager = Manager(app)
manager.add_command("runserver", Server(host="0.0.0.0"))


@app.route("/")
def home():
    return "hello"


@manager.command
def recreate_db():
    """Not run by the audit: only runserver serves."""


if __name__ == "__main__":
    manager.run()
