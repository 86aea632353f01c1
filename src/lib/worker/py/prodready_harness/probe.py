"""The grader's view from inside the app: what Flask itself sees of a request (client address,
scheme, host, the external URL it would build) after every server and middleware in front of it
has done its work. Installed on the served app only for a probe request."""

PROBE_PATH = "/__prodready__/client-view"


def install(flask_app):
    if flask_app is None or getattr(flask_app, "_prodready_probe", False):
        return
    from flask import jsonify, request, url_for

    def client_view():
        if request.path != PROBE_PATH:
            return None
        has_static = "static" in flask_app.view_functions
        external = url_for("static", filename="probe", _external=True) if has_static else request.url_root
        return jsonify(
            remoteAddr=request.remote_addr,
            scheme=request.scheme,
            host=request.host,
            isSecure=request.is_secure,
            externalUrl=external,
        )

    # First, so no hook of the app's own answers before it.
    flask_app.before_request_funcs.setdefault(None, []).insert(0, client_view)
    flask_app._prodready_probe = True
