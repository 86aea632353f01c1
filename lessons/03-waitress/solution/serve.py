"""Production entrypoint: Corner Shop served by Waitress, behind nginx on the same machine."""
from waitress import serve

from app import app

serve(
    app,
    # Only nginx, on this machine, may connect. Waitress's default is every interface.
    listen="127.0.0.1:8080",
    # Requests handled at once; size it for the slowest endpoint and the expected traffic.
    threads=8,
    # Believe X-Forwarded-* only from nginx, and only the headers nginx sets.
    trusted_proxy="127.0.0.1",
    trusted_proxy_headers={"x-forwarded-for", "x-forwarded-proto", "x-forwarded-host"},
    # Already the default in Waitress 3; written out so the reader sees forged headers are dropped.
    clear_untrusted_proxy_headers=True,
)
