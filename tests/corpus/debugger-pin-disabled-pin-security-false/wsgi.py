"""Gunicorn entry point. Wrapped in the debugger "for now", to see errors on staging."""
from werkzeug.debug import DebuggedApplication

from app import app

application = DebuggedApplication(app, evalex=True, pin_security=False)
