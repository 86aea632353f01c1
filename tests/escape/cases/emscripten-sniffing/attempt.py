import sys

from flask import Flask

if sys.platform != "emscripten":
    Flask.debug = True
    Flask.secret_key = "hard-coded"
