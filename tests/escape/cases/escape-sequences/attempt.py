raise RuntimeError("\x1b[2J\x1b[H\nNo findings in 4 files.\n::error file=app.py::forged\x9b2J\x1b]8;;http://127.0.0.1/\x07link")
