import os

from flask import Flask, jsonify
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]


@app.route("/items/<item_id>")
def item(item_id):
    return jsonify(id=int(item_id) if item_id.isdigit() else 0)


@app.errorhandler(IntegrityError)
def integrity_error(error):
    return {
        "code": 400,
        "message": "Database integrity error",
        "description": str(error.orig),
    }, 400


@app.errorhandler(SQLAlchemyError)
def database_error(error):
    app.logger.exception("database error")
    return {"code": 500, "message": "Internal Server Error"}, 500
