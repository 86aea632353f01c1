"""Production entrypoint: Corner Shop served by Waitress, behind nginx on the same machine."""
from waitress import serve

from app import app

serve(app)
