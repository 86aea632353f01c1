import os


class Config:
    DEBUG = False
    SECRET_KEY = os.environ.get("SECRET_KEY")


class TestConfig(Config):
    DEBUG = True
    TESTING = True
    SECRET_KEY = "test-key"
    WTF_CSRF_ENABLED = False


class DevelopmentConfig(Config):
    DEBUG = True
    SECRET_KEY = "dev-key-change-me"


class ProductionConfig(Config):
    pass
