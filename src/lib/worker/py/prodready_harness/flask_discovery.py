"""Flask's own app discovery, for a server command that names no app (`prodready audit` on a
project where nothing says what production runs). `app()` finds the app exactly as `flask run`
does: FLASK_APP if set, else wsgi.py then app.py; in the module an `app` or `application`, the
one Flask instance, or a `create_app`/`make_app` factory (flask.cli.ScriptInfo.load_app,
prepare_import, locate_app, find_best_app). Gunicorn loads it as `flask_discovery:app()`."""

import os


def app():
    from flask.cli import ScriptInfo

    # set_debug_flag=False: a WSGI server never applies FLASK_DEBUG the way `flask run` does.
    return ScriptInfo(app_import_path=os.environ.get("FLASK_APP") or None, set_debug_flag=False).load_app()
