SECRET_KEY = "hardcoded"
