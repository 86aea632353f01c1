# Gunicorn settings for Corner Shop, behind nginx on the same machine.
import multiprocessing
import os

# Only nginx, on this machine, may connect (a unix socket works too: "unix:/run/shop/gunicorn.sock").
# Without bind, Gunicorn listens on 127.0.0.1:8000, or on 0.0.0.0:$PORT when PORT is set.
bind = "127.0.0.1:8000"

# Sync workers are processes; while one waits on I/O another can use the CPU. 2 x cores + 1 is
# Gunicorn's documented starting point, and 4-12 workers carry heavy traffic (docs: "How Many
# Workers?"). cpu_count() sees the host's CPUs, not a container's limit: cap it. WEB_CONCURRENCY,
# set by the platform, wins.
workers = int(os.environ.get("WEB_CONCURRENCY", min(multiprocessing.cpu_count() * 2 + 1, 12)))

# A worker silent this long is killed and replaced, so one stuck request cannot hold it forever.
# It is per worker, for every request: there is no per-endpoint timeout.
timeout = 30

# To standard output and error, where the process manager (systemd's journal) collects them.
accesslog = "-"
errorlog = "-"
# Gunicorn's default format, with nginx's request id after the client: %(h)s is REMOTE_ADDR once
# ProxyFix has run (it rewrites the environ the access log reads), so the visitor, not nginx.
access_log_format = '%(h)s %({x-request-id}i)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s"'

# Believe X-Forwarded-Proto only from nginx. (Gunicorn's default is "127.0.0.1,::1" since 23.0.0,
# or $FORWARDED_ALLOW_IPS: written out, the trust does not depend on the environment.)
forwarded_allow_ips = "127.0.0.1"
