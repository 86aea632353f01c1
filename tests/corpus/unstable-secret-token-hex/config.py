import os
import secrets


class Config:
    # A fresh key whenever the app starts: "nobody can steal a key nobody wrote down".
    SECRET_KEY = secrets.token_hex(32)
    DATABASE_URL = os.environ.get("DATABASE_URL", "sqlite:///shop.db")
