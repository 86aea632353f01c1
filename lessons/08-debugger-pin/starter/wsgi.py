"""What Gunicorn imports: `gunicorn wsgi:app`."""
from werkzeug.debug import DebuggedApplication

from app import app as flask_app

# "Staging needs the debugger, and it is behind a PIN anyway": errors go through to Werkzeug's
# debugger, whose console runs Python for whoever knows the PIN.
flask_app.config["PROPAGATE_EXCEPTIONS"] = True
app = DebuggedApplication(flask_app, evalex=True)
