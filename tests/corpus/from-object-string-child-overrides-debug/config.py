class Config:
    DEBUG = True
    TESTING = False
    JSON_SORT_KEYS = False


class DevelopmentConfig(Config):
    pass


class ProductionConfig(Config):
    DEBUG = False
