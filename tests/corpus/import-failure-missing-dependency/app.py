import os

from flask import Flask
from flask_sqlalchemy_nonexistent import SQLAlchemy

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
db = SQLAlchemy(app)
