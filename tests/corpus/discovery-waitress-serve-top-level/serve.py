from waitress import serve

from shop import app

serve(app, host="0.0.0.0", port=8080, trusted_proxy="*", trusted_proxy_headers="x-forwarded-for")
