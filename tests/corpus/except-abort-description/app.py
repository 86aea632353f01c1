import os
import sys
import traceback

from flask import Flask, Response, abort, jsonify, request

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]


@app.errorhandler(500)
def server_error(error):
    return jsonify(error=str(error.description)), 500


@app.route("/items/<item_id>")
def item(item_id):
    return jsonify(id=int(item_id) if item_id.isdigit() else 0)


@app.post("/translate_file")
def translate_file():
    if "file" not in request.files:
        abort(400, description="missing file")
    try:
        return jsonify(words=len(request.files["file"].read().decode().split()))
    except Exception as e:
        abort(500, description=e)


@app.get("/ows")
def ows():
    try:
        layer = request.args["layer"]
        return Response(f"<Layer>{int(layer)}</Layer>", mimetype="text/xml")
    except Exception as e:
        tb = sys.exc_info()[2]
        frames = "".join(traceback.format_list(traceback.extract_tb(tb)))
        return Response(f"<ServiceException>Unexpected server error: {e}<![CDATA[{frames}]]></ServiceException>", 500, mimetype="text/xml")
