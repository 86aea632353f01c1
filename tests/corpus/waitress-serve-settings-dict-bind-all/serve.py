from waitress import serve

from app import app

settings = {
    "host": "0.0.0.0",
    "port": 8080,
    "threads": 8,
    "trusted_proxy": "127.0.0.1",
    "trusted_proxy_headers": "x-forwarded-for x-forwarded-proto",
}

if __name__ == "__main__":
    serve(app, **settings)
