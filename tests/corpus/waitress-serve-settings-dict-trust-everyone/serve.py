from waitress import serve

from app import app

SETTINGS = dict(
    listen="*:8080",
    threads=4,
    trusted_proxy="*",
    trusted_proxy_headers="x-forwarded-for x-forwarded-proto",
)

if __name__ == "__main__":
    serve(app, **SETTINGS)
