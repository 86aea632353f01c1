"""The host's entry point: one JSON-in, JSON-out function per method of HostApi (protocol.ts)."""

import json

from . import client, console, devserver, facts, runner, sessions, shims


def boot(emit):
    console.install()
    console.set_emit(emit)
    shims.install()
    devserver.install()
    # Import what every lesson uses now, during boot, not during the learner's first run.
    import flask  # noqa: F401
    import werkzeug.debug  # noqa: F401


def _stop(args):
    sessions.get(args["session"]).server = None
    return None


_METHODS = {
    "run": runner.run,
    "request": client.request,
    "facts": facts.facts,
    "stop": _stop,
}


def call(method, args_json):
    return json.dumps(_METHODS[method](json.loads(args_json)))
