"""The host's entry point: one JSON-in, JSON-out function per method of HostApi (protocol.ts)."""

import json

from . import console, shims

_METHODS = {}


def boot(emit, audit_site_packages=None):
    # Order matters: the output streams exist before any library makes a logging handler, and
    # the stand-ins exist before Gunicorn is imported.
    console.install()
    console.set_emit(emit)
    shims.install()
    from . import audit_mode, client, config_selection, devserver, facts, gunicorn_server, runner, sessions, waitress_server

    audit_mode.configure(audit_site_packages)
    config_selection.install()

    devserver.install()
    waitress_server.install()
    gunicorn_server.install()

    def stop(args):
        sessions.get(args["session"]).server = None
        return None

    _METHODS.update(run=runner.run, request=client.request, facts=facts.facts, stop=stop)


def call(method, args_json):
    return json.dumps(_METHODS[method](json.loads(args_json)))
