"""Production entrypoint for Supervisor: Corner Shop served by Waitress."""
from waitress import serve

from app import app

serve(
    app,
    # Port 8000, where Apache sends requests (ProxyPass), not Waitress's default 8080.
    listen="127.0.0.1:8000",
    threads=8,
    trusted_proxy="127.0.0.1",
    trusted_proxy_headers={"x-forwarded-for", "x-forwarded-proto", "x-forwarded-host"},
    clear_untrusted_proxy_headers=True,
)
