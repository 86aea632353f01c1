"""prodready's Python harness: runs a learner's project in Pyodide the way production would run it,
with each server (Werkzeug's development server, later Waitress and Gunicorn) replaced by a virtual
one that keeps the real server's semantics but needs no sockets or processes."""

PROJECT_DIR = "/srv/shop"
