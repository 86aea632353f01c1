import json

from flask import Flask

from config import config


def create_app(config_name):
    app = Flask(__name__)
    app.config.from_object(config[config_name])
    with open("/etc/shop/settings.json") as handle:  # on the server, not in the repository
        app.config.update(json.load(handle))
    return app
