from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config.from_object("shop.config.ProductionConfig")

    @app.route("/orders/<order_id>")
    def order(order_id):
        return {"id": int(order_id)}

    return app
