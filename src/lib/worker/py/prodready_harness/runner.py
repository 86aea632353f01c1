"""Runs a project the way production starts it (`python app.py`, later gunicorn and waitress
command lines), in a clean environment, and records what ends up being served."""

import importlib.util
import os
import re
import runpy
import shlex
import shutil
import sys

from . import PROJECT_DIR, audit_mode, config_selection, devserver, pinned, sessions
from .console import strip_ansi
from .serving import RestartWithReloader, ServerStarted, print_exception_as_python, project_frame

# What a service manager gives a process before the unit's own Environment=; nothing else leaks in.
BASE_ENV = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": "/home/web_user", "LANG": "C.UTF-8"}

_current = [None]


def current_session():
    return _current[0]


class CommandError(Exception):
    pass


def write_project(files):
    """Replace the project folder's contents with exactly these files. The folder itself stays: it
    is the working directory, and Pyodide's file system refuses to remove a busy directory."""
    os.makedirs(PROJECT_DIR, exist_ok=True)
    for name in os.listdir(PROJECT_DIR):
        path = os.path.join(PROJECT_DIR, name)
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path)
        else:
            os.remove(path)
    for path, content in files.items():
        target = os.path.normpath(os.path.join(PROJECT_DIR, path))
        if not target.startswith(PROJECT_DIR + "/"):
            raise CommandError(f"{path}: a workspace path must stay inside the project")
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8") as handle:
            handle.write(content)


# Modules seen before that are not the project's, by name: the same module object is not looked
# at again (each run walks all of sys.modules, a thousand entries).
_outside_project = {}


def forget_project_modules():
    """Drop the project's modules so the next import runs the new code, as a new process would.
    Only the project's own path finders are reset: invalidating every cache would make each
    import miss re-read the stdlib zip's directory (a quarter of a second each in Pyodide)."""
    for name, module in list(sys.modules.items()):
        if _outside_project.get(name) is module:
            continue
        path = getattr(module, "__file__", None) or ""
        if isinstance(path, str) and path.startswith(PROJECT_DIR + "/"):
            del sys.modules[name]
        else:
            _outside_project[name] = module
    for path in list(sys.path_importer_cache):
        if path == PROJECT_DIR or path.startswith(PROJECT_DIR + "/"):
            del sys.path_importer_cache[path]


SUPPORTED = "`python FILE`, `python -m MODULE`, `gunicorn …` or `waitress-serve …`"


def parse_command(command):
    """How production starts the app. Returns (kind, target, argv): ("path", file), ("module",
    name) or ("script", console script name). A virtual environment's path to the program
    (/srv/shop/venv/bin/gunicorn) counts as the program."""
    try:
        argv = shlex.split(command)
    except ValueError as error:
        raise CommandError(f"cannot parse the command {command!r}: {error}") from None
    program = os.path.basename(argv[0]) if argv else ""
    if program in ("gunicorn", "waitress-serve"):
        return "script", program, [program, *argv[1:]]
    if program not in ("python", "python3"):
        raise CommandError(f"{command!r}: the command must be {SUPPORTED}")
    if len(argv) >= 3 and argv[1] == "-m":
        return "module", argv[2], argv[2:]
    if len(argv) >= 2 and not argv[1].startswith("-"):
        return "path", argv[1], argv[1:]
    raise CommandError(f"{command!r}: expected `python FILE` or `python -m MODULE`")


def _reset_logging():
    """A new process starts with no logging configured. Libraries configure logging globally
    (Waitress calls basicConfig, Gunicorn adds handlers), so one run's setup must not leak into
    the next run's output."""
    import logging

    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    root.setLevel(logging.WARNING)
    for logger in list(logging.Logger.manager.loggerDict.values()):
        if isinstance(logger, logging.Logger):
            for handler in list(logger.handlers):
                logger.removeHandler(handler)
            logger.setLevel(logging.NOTSET)
            logger.propagate = True
            logger.disabled = False
    # Werkzeug sets its logger up once per process, on first use.
    import werkzeug._internal

    werkzeug._internal._logger = None


def _set_cpu_count(count):
    """What os.cpu_count() says decides Gunicorn worker counts; a grader asks for several."""
    import multiprocessing

    os.cpu_count = lambda: count
    os.process_cpu_count = lambda: count
    multiprocessing.cpu_count = lambda: count


_credentials_written = []


def _write_credentials(credentials):
    """systemd's LoadCredential=: files in a directory of their own, named by $CREDENTIALS_DIRECTORY
    (which the caller puts in the environment). The previous run's are removed first."""
    while _credentials_written:
        shutil.rmtree(_credentials_written.pop(), ignore_errors=True)
    if not credentials:
        return
    directory = credentials["directory"]
    os.makedirs(directory, exist_ok=True)
    _credentials_written.append(directory)
    for name, content in credentials["files"].items():
        with open(os.path.join(directory, os.path.basename(name)), "w", encoding="utf-8") as handle:
            handle.write(content)


_directories_made = []


def _make_directories(directories):
    """RunOptions.directories: production's folders the project does not ship, created empty when
    missing (the previous run's are removed first, deepest first). Returns the ones made."""
    while _directories_made:
        shutil.rmtree(_directories_made.pop(), ignore_errors=True)
    made = []
    for directory in sorted(set(directories or [])):
        path = os.path.normpath(directory)
        if not os.path.isabs(path) or os.path.exists(path):
            continue
        # The topmost missing folder is what removing undoes.
        top = path
        while not os.path.exists(os.path.dirname(top)):
            top = os.path.dirname(top)
        try:
            os.makedirs(path)
        except OSError:
            continue
        _directories_made.append(top)
        made.append(path)
    return made


def _set_environment(env):
    os.environ.clear()
    os.environ.update(BASE_ENV)
    os.environ.update(env)


_import_root = [None]


def _set_import_root(path):
    """sys.path[0] as Python sets it: the script's folder for `python FILE`, the working directory
    for `python -m` and console scripts (Gunicorn, Waitress and Flask add it themselves too)."""
    if _import_root[0] in sys.path:
        sys.path.remove(_import_root[0])
    sys.path.insert(0, path)
    _import_root[0] = path


def _execute(kind, target):
    if kind == "script":
        # The console scripts' own entry points, as pip installs them.
        if target == "gunicorn":
            from gunicorn.app.wsgiapp import run as gunicorn_main

            gunicorn_main(prog="gunicorn")
        else:
            from waitress.runner import run as waitress_main

            waitress_main(argv=sys.argv)
        return
    if kind == "path":
        path = os.path.join(os.getcwd(), target)
        if not os.path.isfile(path):
            raise CommandError(f"python: can't open file {path!r}: [Errno 2] No such file or directory")
        _run_script(path)
    else:
        runpy.run_module(target, run_name="__main__", alter_sys=True)


# Compiled scripts by (path, source): the grader runs the same file several times per Check.
_scripts = {}
_ZIP_END = b"PK\x05\x06"  # a zip archive's end record: `python FILE` runs such a file's __main__.py


def _run_script(path):
    """runpy.run_path(path, run_name="__main__") for a plain source file, with its code compiled
    once per content (code objects are immutable; each run executes it in a fresh module)."""
    with open(path, "rb") as handle:
        source = handle.read()
    if _ZIP_END in source or source.startswith(importlib.util.MAGIC_NUMBER):
        runpy.run_path(path, run_name="__main__")
        return
    key = (path, source)
    code = _scripts.get(key)
    if code is None:
        if len(_scripts) >= 64:
            _scripts.clear()
        # As runpy compiles it (its _get_code_from_file).
        code = _scripts[key] = compile(source, path, "exec")
    runpy._run_module_code(code, None, "__main__", pkg_name="", script_name=path)


def run(options):
    session = sessions.get(options["session"])
    session.server = None
    devserver.reset()
    try:
        kind, target, argv = parse_command(options["command"])
    except CommandError as error:
        with session.active(), session.capturing() as log:
            print(str(error), file=sys.stderr)
        return {"serving": None, "exit": {"code": 2, "message": str(error), "location": None}, "log": "".join(log)}
    _set_environment(options["env"])
    session.env = dict(options["env"])
    config_selection.reset()
    _write_credentials(options.get("credentials"))
    _set_cpu_count(options.get("cpuCount") or 2)
    write_project(options["files"])
    made = _make_directories(options.get("directories"))  # after the project: some are in it
    os.chdir(PROJECT_DIR)
    sys.argv = list(argv)
    script_dir = os.path.dirname(os.path.normpath(os.path.join(PROJECT_DIR, target))) if kind == "path" else PROJECT_DIR
    _set_import_root(script_dir)
    swapped = pinned.activate(options["files"], options.get("audit", False))
    notes = audit_mode.begin(options.get("audit", False), options["files"], options["env"])
    if made and notes is not None:
        notes.append(f"folders production has outside the project, created empty for the run: {', '.join(made)}")

    exit_info = None
    interruption = None
    previous = _current[0]
    _current[0] = session
    with session.active(), session.capturing() as log:
        for note in swapped:
            print(f" * {note}", file=sys.stderr)
        # The reloader runs the script a second time, as its child process would.
        for attempt in range(2):
            forget_project_modules()
            _reset_logging()
            try:
                _execute(kind, target)
                exit_info = {"code": 0, "message": "The program ended without starting a server.", "location": None}
            except ServerStarted:
                exit_info = None
            except RestartWithReloader:
                os.environ["WERKZEUG_RUN_MAIN"] = "true"
                continue
            except SystemExit as error:
                exit_info = _system_exit(error)
            except KeyboardInterrupt as error:
                interruption = interruption_of(error)
                exit_info = {"code": "interrupted", "message": "Stopped (KeyboardInterrupt).", "location": interruption["location"]}
            except CommandError as error:  # e.g. the entry file does not exist
                print(str(error), file=sys.stderr)
                exit_info = {"code": 2, "message": str(error), "location": None}
            except BaseException as error:  # the project's own crash, reported like Python does
                print_exception_as_python(error)
                exit_info = {
                    "code": 1,
                    "message": f"{type(error).__name__}: {error}",
                    "location": _crash_location(error),
                }
            break
    _current[0] = previous
    if exit_info is not None and exit_info["code"] not in (0, "interrupted"):
        exit_info = _explain_exit(exit_info, strip_ansi("".join(log)), options["files"])

    served = session.server
    serving = served.info() if served is not None and exit_info is None else None
    return {
        "serving": serving,
        "exit": exit_info,
        "interruption": interruption,
        "log": strip_ansi("".join(log)),
        **audit_mode.outcome(notes, serving),
    }


def interruption_of(error):
    """An Interruption (protocol.ts) for a KeyboardInterrupt: where the project's code was when
    it was stopped. The reason is "stop" here; the caller that set a time limit knows better and
    says so (runtime/client.ts)."""
    return {"reason": "stop", "limit": None, "location": _crash_location(error)}


def _system_exit(error):
    code = error.code
    if code is None or code == 0:
        return {"code": 0, "message": "The program exited without starting a server.", "location": None}
    if isinstance(code, int):
        return {"code": code, "message": f"The program exited with status {code}.", "location": _crash_location(error)}
    # sys.exit("message") prints the message to stderr and exits with status 1.
    print(code, file=sys.stderr)
    return {"code": 1, "message": str(code), "location": _crash_location(error)}


_PROJECT_FRAME = re.compile(r'File "' + re.escape(PROJECT_DIR) + r'/([^"]+)", line (\d+)')
_GUNICORN_INVALID = re.compile(r"^Invalid value for (\w+): ", re.MULTILINE)


def _explain_exit(exit_info, log_text, files):
    """A server that exits with a status (Gunicorn's "Invalid value for workers", a config file
    that does not parse) says why in its own words; point at the project line it is about."""
    lines = [line.strip() for line in log_text.splitlines() if line.strip()]
    if exit_info["message"].startswith("The program exited with status") and lines:
        exit_info = {**exit_info, "message": lines[-1]}
    if exit_info["location"] is None:
        frames = _PROJECT_FRAME.findall(log_text)
        invalid = _GUNICORN_INVALID.search(log_text)
        if frames:
            file, line = frames[-1]
            exit_info = {**exit_info, "location": {"file": file, "line": int(line)}}
        elif invalid and "gunicorn.conf.py" in files:
            setting = re.compile(r"^\s*" + invalid.group(1) + r"\s*=")
            for number, text in enumerate(files["gunicorn.conf.py"].splitlines(), start=1):
                if setting.match(text):
                    exit_info = {**exit_info, "location": {"file": "gunicorn.conf.py", "line": number}}
                    break
    return exit_info


def _crash_location(error):
    """The innermost project frame of the error, or of the error that caused it."""
    import traceback

    while error is not None:
        location = project_frame(traceback.extract_tb(error.__traceback__))
        if location is not None:
            return location
        error = error.__cause__ or error.__context__
    return None
