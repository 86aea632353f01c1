import os

raise RuntimeError("environment: " + repr(dict(os.environ)))
