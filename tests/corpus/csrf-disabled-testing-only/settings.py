import os


class Config:
    SECRET_KEY = os.environ.get("SECRET_KEY")
    WTF_CSRF_ENABLED = True
    WTF_CSRF_TIME_LIMIT = 3600


class TestingConfig(Config):
    TESTING = True
    SECRET_KEY = "testing"  # noqa: S105 - the test suite's own key
    # The test client posts forms without tokens.
    WTF_CSRF_ENABLED = False
