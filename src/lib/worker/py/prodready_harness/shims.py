"""Stand-ins for what Pyodide lacks. Each one says why it is needed; nothing else belongs here."""

import contextlib
import os
import sys
import types


class _PlainValue:
    """werkzeug.debug counts failed PIN attempts in multiprocessing.Value, which needs the
    _multiprocessing extension Pyodide does not build. One interpreter, no processes: a plain
    attribute has the same semantics here."""

    def __init__(self, typecode_or_type, value=0):
        self.value = value

    def get_lock(self):
        # Werkzeug 3.1 counts a wrong PIN under the Value's lock (DebuggedApplication._fail_pin_auth).
        return contextlib.nullcontext()


def _install_pwd_grp():
    """Gunicorn imports pwd and grp (for user= and group=); Pyodide has neither. The stand-ins
    know root (Pyodide's process runs as uid 0: machine.py) and one user and group, as a container
    would, and raise KeyError for others like the real ones."""
    import collections

    passwd = collections.namedtuple(
        "struct_passwd", "pw_name pw_passwd pw_uid pw_gid pw_gecos pw_dir pw_shell"
    )
    group = collections.namedtuple("struct_group", "gr_name gr_passwd gr_gid gr_mem")
    root = passwd("root", "x", 0, 0, "root", "/root", "/bin/bash")
    user = passwd("web_user", "x", 1000, 1000, "", "/home/web_user", "/bin/sh")
    root_group = group("root", "x", 0, [])
    users_group = group("web_user", "x", 1000, [])

    if "pwd" not in sys.modules:
        pwd = types.ModuleType("pwd", "Stand-in for the Unix password database (prodready).")
        pwd.struct_passwd = passwd

        def getpwuid(uid):
            for known in (root, user):
                if uid == known.pw_uid:
                    return known
            raise KeyError(f"getpwuid(): uid not found: {uid}")

        def getpwnam(name):
            for known in (root, user):
                if name == known.pw_name:
                    return known
            raise KeyError(f"getpwnam(): name not found: {name!r}")

        pwd.getpwuid, pwd.getpwnam, pwd.getpwall = getpwuid, getpwnam, lambda: [root, user]
        sys.modules["pwd"] = pwd

    if "grp" not in sys.modules:
        grp = types.ModuleType("grp", "Stand-in for the Unix group database (prodready).")
        grp.struct_group = group

        def getgrgid(gid):
            for known in (root_group, users_group):
                if gid == known.gr_gid:
                    return known
            raise KeyError(f"getgrgid(): gid not found: {gid}")

        def getgrnam(name):
            for known in (root_group, users_group):
                if name == known.gr_name:
                    return known
            raise KeyError(f"getgrnam(): name not found: {name!r}")

        grp.getgrgid, grp.getgrnam, grp.getgrall = getgrgid, getgrnam, lambda: [root_group, users_group]
        sys.modules["grp"] = grp


class _DrainedSelector:
    """After a response, Werkzeug's request handler drains what the client may still send, by
    select()ing on the connection's file descriptor. A virtual connection has no descriptor, and
    the whole request was handed over at once, so there is never anything left to drain."""

    def register(self, fileobj, events, data=None):
        pass

    def select(self, timeout=None):
        return []

    def close(self):
        pass


def _install_socket_constants():
    """Pyodide's socket module leaves out AF_UNIX and the SO_* option constants. Gunicorn and
    Waitress read them for their (here virtual) sockets and unix-socket binds; the values are Linux's."""
    import socket

    for name, value in (
        ("AF_UNIX", 1),
        ("SOL_SOCKET", 1),
        ("SO_REUSEADDR", 2),
        ("SO_SNDBUF", 7),
        ("SO_RCVBUF", 8),
        ("IPPROTO_TCP", 6),
        ("TCP_NODELAY", 1),
    ):
        if not hasattr(socket, name):
            setattr(socket, name, value)


def _install_effective_ids():
    """gunicorn.config calls os.geteuid() at import; Pyodide's os has getuid but not the
    effective variants. One process, no setuid: effective ids equal real ones."""
    if not hasattr(os, "geteuid"):
        os.geteuid = os.getuid
    if not hasattr(os, "getegid"):
        os.getegid = os.getgid


def install():
    _install_pwd_grp()
    _install_socket_constants()
    _install_effective_ids()
    import werkzeug.debug

    werkzeug.debug.Value = _PlainValue

    import werkzeug.serving

    werkzeug.serving.selectors = types.SimpleNamespace(
        DefaultSelector=_DrainedSelector, EVENT_READ=werkzeug.serving.selectors.EVENT_READ
    )

    # get_interface_ip opens a UDP socket to learn the LAN address for the "Running on all
    # addresses" banner line; Pyodide cannot create sockets. The real function answers 127.0.0.1
    # when it cannot connect, so that is what a machine without a network would print too.
    werkzeug.serving.get_interface_ip = lambda family: (
        "::1" if family == werkzeug.serving.socket.AF_INET6 else "127.0.0.1"
    )
