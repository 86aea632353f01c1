"""Production entrypoint for Supervisor: Corner Shop served by Waitress."""
from waitress import serve

from app import app

serve(
    app,
    # Waitress's usual port.
    listen="127.0.0.1:8080",
    threads=8,
    trusted_proxy="127.0.0.1",
    trusted_proxy_headers={"x-forwarded-for", "x-forwarded-proto", "x-forwarded-host"},
    clear_untrusted_proxy_headers=True,
)
