import os


class Config:
    DEBUG = False
    SECRET_KEY = os.environ.get("SECRET_KEY")


class ProductionConfig(Config):
    pass


class DevelopmentConfig(Config):
    DEBUG = True
