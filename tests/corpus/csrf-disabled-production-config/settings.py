import os


class Config:
    SECRET_KEY = os.environ["SECRET_KEY"]
    # The mobile app posts forms without a token; turned off until it sends one.
    WTF_CSRF_ENABLED = False


class TestingConfig(Config):
    TESTING = True
