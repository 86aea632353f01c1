"""Flask-Script's Manager and Server for `prodready audit`. Flask-Script (last release 2.0.6, 2017)
imports `flask._compat`, which Flask 2 removed, so it cannot be bundled; projects still start
production with `python manage.py runserver`. A do-nothing stand-in would end that program without
serving, so the app would go unjudged; this one does what Flask-Script 2.0.6 does for a `Server`
command (flask_script/commands.py, Server.__call__): `app.run(host, port, debug=…)`, the debugger
on when the app's debug is (or, with no debug setting at all, on), which is Werkzeug's development
server the harness serves and the rules judge. Other commands (migrations, workers, shells) are
not run: the program ends without serving, as it would in production."""

import sys


class Server:
    """flask_script.Server(host='127.0.0.1', port=5000, use_debugger=None, use_reloader=None, …)."""

    def __init__(self, host="127.0.0.1", port=5000, use_debugger=None, use_reloader=None, **options):
        self.host = host
        self.port = port
        self.use_debugger = use_debugger
        self.use_reloader = use_reloader
        self.options = options

    def run_app(self, app, argv):
        """Server.__call__ with the options its parser takes (-h/--host, -p/--port, -d/-D)."""
        host, port, debugger = self.host, self.port, self.use_debugger
        words = iter(argv)
        for word in words:
            if word in ("-h", "--host"):
                host = next(words, host)
            elif word in ("-p", "--port"):
                port = int(next(words, port))
            elif word in ("-d", "--debug"):
                debugger = True
            elif word in ("-D", "--no-debug"):
                debugger = False
        if debugger is None:
            debugger = True if app.debug is None else app.debug
        reloader = debugger if self.use_reloader is None else self.use_reloader
        app.run(host=host, port=int(port), debug=debugger, use_debugger=debugger, use_reloader=reloader)


class Manager:
    """flask_script.Manager(app): commands by name; `run()` dispatches sys.argv[1]. Like Flask-Script,
    `runserver` is a default command when the project adds none of that name."""

    def __init__(self, app=None, with_default_commands=None, **kwargs):
        self.app = app
        self._commands = {}
        self._defaults = with_default_commands is not False

    def add_command(self, *args, **kwargs):
        name, command = (args[0], args[1]) if len(args) > 1 else (kwargs.get("name"), args[0])
        self._commands[name] = command

    def command(self, func):
        self._commands[func.__name__] = func
        return func

    def option(self, *args, **kwargs):
        def decorate(func):
            self._commands[func.__name__] = func
            return func

        return decorate

    def shell(self, func):
        return func

    def _the_app(self):
        app = self.app
        # Manager(create_app) takes a factory; Manager(app) the app itself.
        return app if hasattr(app, "wsgi_app") else app()

    def run(self, commands=None, default_command=None):
        argv = sys.argv[1:]
        name = argv[0] if argv else default_command
        command = self._commands.get(name)
        if command is None and name == "runserver" and self._defaults:
            command = Server()
        if isinstance(command, Server):
            command.run_app(self._the_app(), argv[1:])
        sys.exit(0)


KNOWN = {
    "flask_script.Manager": Manager,
    "flask_script.Server": Server,
}
