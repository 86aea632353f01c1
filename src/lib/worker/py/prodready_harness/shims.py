"""Stand-ins for what Pyodide lacks. Each one says why it is needed; nothing else belongs here."""

import os
import sys
import types


class _PlainValue:
    """werkzeug.debug counts failed PIN attempts in multiprocessing.Value, which needs the
    _multiprocessing extension Pyodide does not build. One interpreter, no processes: a plain
    attribute has the same semantics here."""

    def __init__(self, typecode_or_type, value=0):
        self.value = value


def _install_pwd_grp():
    """Gunicorn imports pwd and grp (for user= and group=); Pyodide has neither. The stand-ins
    know one user and group, as a container would, and raise KeyError for others like the real ones."""
    import collections

    passwd = collections.namedtuple(
        "struct_passwd", "pw_name pw_passwd pw_uid pw_gid pw_gecos pw_dir pw_shell"
    )
    group = collections.namedtuple("struct_group", "gr_name gr_passwd gr_gid gr_mem")
    user = passwd("web_user", "x", 1000, 1000, "", "/home/web_user", "/bin/sh")
    users_group = group("web_user", "x", 1000, [])

    if "pwd" not in sys.modules:
        pwd = types.ModuleType("pwd", "Stand-in for the Unix password database (prodready).")
        pwd.struct_passwd = passwd

        def getpwuid(uid):
            if uid == user.pw_uid:
                return user
            raise KeyError(f"getpwuid(): uid not found: {uid}")

        def getpwnam(name):
            if name == user.pw_name:
                return user
            raise KeyError(f"getpwnam(): name not found: {name!r}")

        pwd.getpwuid, pwd.getpwnam, pwd.getpwall = getpwuid, getpwnam, lambda: [user]
        sys.modules["pwd"] = pwd

    if "grp" not in sys.modules:
        grp = types.ModuleType("grp", "Stand-in for the Unix group database (prodready).")
        grp.struct_group = group

        def getgrgid(gid):
            if gid == users_group.gr_gid:
                return users_group
            raise KeyError(f"getgrgid(): gid not found: {gid}")

        def getgrnam(name):
            if name == users_group.gr_name:
                return users_group
            raise KeyError(f"getgrnam(): name not found: {name!r}")

        grp.getgrgid, grp.getgrnam, grp.getgrall = getgrgid, getgrnam, lambda: [users_group]
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
