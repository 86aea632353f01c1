# Gunicorn settings for Corner Shop, copied from a blog post years ago.
bind = "0.0.0.0:8000"
workers = 2
timeout = 0
reload = True
forwarded_allow_ips = "*"
