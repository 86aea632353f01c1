"""The virtual machine's identity: the files a Linux server has and Werkzeug's debugger reads to
derive its PIN (werkzeug/debug/__init__.py, Werkzeug 3.1: get_pin_and_cookie_name and
get_machine_id). Pyodide's file system has none of them, so without these the PIN would hang on a
random MAC address alone, and lesson 08's attack (read the facts through a file-read hole, compute
the PIN) would have nothing to read.

What Werkzeug 3.1 reads, and where it comes from here:
- the user: getpass.getuser(), which reads LOGNAME, USER, LNAME, USERNAME, then the password
  database for os.getuid(). The run's environment has none of those (as under systemd without
  User=), and Pyodide's process runs as uid 0, so it is root: /etc/passwd and /proc/self/status
  say so, and the pwd stand-in (shims.py) answers it.
- the MAC address: str(uuid.getnode()). On Linux, uuid asks libuuid or `ip link` for the first
  network interface's address; here there is no program to ask, so getnode() answers the address
  this machine's /sys/class/net/eth0/address shows, as an integer (uuid caches it in `_node`).
- the machine id: the first line of /etc/machine-id (or else /proc/sys/kernel/random/boot_id),
  followed by the whole first line of /proc/self/cgroup.

The values are fixed, as a real server's are across restarts: the learner's PIN stays the same
after a reload. Written on every boot (connect), because a memory snapshot holds Python's heap,
not the file system."""

import os
import uuid

MAC = "02:42:ac:11:00:02"
MACHINE_ID = "4f6c9e1b2a7d4c3e8b5f0a1d2c3b4a59"
BOOT_ID = "9d3b1e42-6a0c-4f1e-b7d2-5c8e4a1f0b36"
CGROUP = "0::/system.slice/shop.service"
USER = ("root", 0, "/root")

FILES = {
    "/etc/machine-id": MACHINE_ID + "\n",
    "/proc/sys/kernel/random/boot_id": BOOT_ID + "\n",
    "/proc/self/cgroup": CGROUP + "\n",
    "/sys/class/net/eth0/address": MAC + "\n",
    "/sys/class/net/lo/address": "00:00:00:00:00:00\n",
    "/etc/hostname": "shop-1\n",
    "/etc/passwd": (
        "root:x:0:0:root:/root:/bin/bash\n"
        "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"
        "www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin\n"
        "web_user:x:1000:1000::/home/web_user:/bin/sh\n"
    ),
    "/proc/self/status": "State:\tS (sleeping)\nUid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\n",
}


def install():
    for path, text in FILES.items():
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)
    uuid._node = int(MAC.replace(":", ""), 16)
    # Werkzeug caches the machine id on first use; a snapshot taken before these files existed
    # must not keep an empty one.
    import werkzeug.debug

    werkzeug.debug._machine_id = None
