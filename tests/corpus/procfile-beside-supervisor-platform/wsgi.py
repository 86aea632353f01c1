"""What Gunicorn imports: `gunicorn wsgi:app`."""
from app import app  # noqa: F401
