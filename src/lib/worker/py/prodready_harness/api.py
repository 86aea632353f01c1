"""The host's entry point: one JSON-in, JSON-out function per method of HostApi (protocol.ts)."""

import json
import random

from . import console, shims

_METHODS = {}


def prepare():
    """Everything boot does that holds no JS reference: a memory snapshot is taken right after it
    (scripts/snapshot.ts), so a restored runtime only has to connect()."""
    if _METHODS:
        return
    # Order matters: the output streams exist before any library makes a logging handler, and
    # the stand-ins exist before Gunicorn is imported.
    console.install()
    shims.install()
    from . import client, config_selection, dependencies, devserver, facts, gunicorn_server, route_builders, runner, sessions, waitress_server

    config_selection.install()
    route_builders.install()
    _warm_up(runner)

    devserver.install()
    waitress_server.install()
    gunicorn_server.install()

    def stop(args):
        sessions.get(args["session"]).server = None
        return None

    _METHODS.update(
        run=runner.run, request=client.request, facts=facts.facts, stop=stop, dependencies=dependencies.dependencies
    )


def _warm_up(runner):
    """What every first Run would otherwise do once, done here so the memory snapshot holds it:
    the URL builders of the static route every Flask app gets, and which loaded modules are not
    the project's (runner.forget_project_modules walks all of them)."""
    from flask import Flask

    Flask("prodready_harness")
    runner.forget_project_modules()


def connect(emit, audit_site_packages=None):
    """Binds the host's output callback (a JS function) and fresh entropy. Runs on every boot,
    after prepare() or after a snapshot restore: the random module's state in a snapshot is the
    same for every learner, so it is seeded again from the OS (crypto.getRandomValues)."""
    from . import audit_mode, machine

    random.seed()
    machine.install()
    console.set_emit(emit)
    audit_mode.configure(audit_site_packages)


def boot(emit, audit_site_packages=None):
    prepare()
    connect(emit, audit_site_packages)


def call(method, args_json):
    return json.dumps(_METHODS[method](json.loads(args_json)))
