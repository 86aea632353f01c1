# Gunicorn settings for Corner Shop, behind nginx on the same machine.
import multiprocessing

# Only nginx, on this machine, may connect (a unix socket works too: "unix:/run/shop/gunicorn.sock").
bind = "127.0.0.1:8000"

# Sync workers are processes; while one waits on I/O another can use the CPU. 2 x cores + 1 is
# Gunicorn's documented starting point: measure, then adjust.
workers = multiprocessing.cpu_count() * 2 + 1

# A worker silent this long is killed and replaced, so one stuck request cannot hold it forever.
timeout = 30

# To standard output and error, where the process manager (systemd's journal) collects them.
accesslog = "-"
errorlog = "-"

# Believe X-Forwarded-Proto only from nginx.
forwarded_allow_ips = "127.0.0.1"
