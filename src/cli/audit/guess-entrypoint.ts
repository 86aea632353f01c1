/**
 * What production most likely runs when no Procfile, unit, Supervisor program, Dockerfile or
 * compose file says it, found the way the servers themselves find the app:
 * - a root `gunicorn.conf.py` means Gunicorn, which reads it by default; its `wsgi_app` names the
 *   app, else the app is the one Flask's own discovery finds (harness flask_discovery.py);
 * - a module that starts a server itself (`app.run()`, `serve(app)`, `run_simple`), at top level
 *   or under `if __name__ == "__main__"`, is run as a script;
 * - otherwise, when FLASK_APP, wsgi.py or app.py gives Flask's discovery somewhere to look, a WSGI
 *   server serving the app it finds (`app`/`application`, `create_app`/`make_app`); else nothing.
 */
import type { WorkspaceFiles } from '../../lib/runtime/protocol';

export interface GuessedEntrypoint {
  command: string;
  written: string;
  /** Why this command, for the info line. */
  reason: string;
}

/** Gunicorn loads the app Flask's discovery finds: a factory call Gunicorn's `module:call()` syntax accepts. */
const FLASK_DISCOVERY_APP = 'prodready_harness.flask_discovery:app()';

const MAIN_GUARD = /^if\s+__name__\s*==\s*['"]__main__['"]\s*:/m;
const STARTS_SERVER = /\.run\s*\(|\bserve\s*\(|run_simple\s*\(/;
const TOP_LEVEL_START = /^(?:\w+\.)*(?:serve|run_simple|run)\s*\(/m;

function startsServer(text: string): boolean {
  if (MAIN_GUARD.test(text) && STARTS_SERVER.test(text)) return true;
  // A call at column 0 runs on import too: `serve(app, host=...)` in serve.py, `app.run()` in run.py.
  return TOP_LEVEL_START.test(text);
}

/** `flaskApp`: FLASK_APP as the project's .flaskenv sets it, which Flask's discovery reads first. */
export function guessEntrypoint(files: WorkspaceFiles, flaskApp?: string): GuessedEntrypoint | null {
  const config = files['gunicorn.conf.py'];
  if (config !== undefined) {
    if (/^wsgi_app\s*=/m.test(config)) {
      return {
        command: 'gunicorn',
        written: 'gunicorn',
        reason: 'Gunicorn reads the root gunicorn.conf.py by default, and its wsgi_app names the app',
      };
    }
    return {
      command: `gunicorn ${FLASK_DISCOVERY_APP}`,
      written: 'gunicorn (gunicorn.conf.py) serving the app `flask` finds',
      reason:
        "Gunicorn reads the root gunicorn.conf.py by default; it names no app, so the app is the one Flask's own discovery finds",
    };
  }
  const mains = Object.keys(files)
    .filter((path) => path.endsWith('.py') && startsServer(files[path] as string))
    .sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b));
  if (mains[0]) {
    return {
      command: `python ${mains[0]}`,
      written: `python ${mains[0]}`,
      reason: `${mains[0]} starts a server itself`,
    };
  }
  // Flask's discovery looks nowhere else: FLASK_APP, or wsgi.py and app.py in the working directory.
  if (!flaskApp && files['wsgi.py'] === undefined && files['app.py'] === undefined) return null;
  return {
    command: `gunicorn ${FLASK_DISCOVERY_APP}`,
    written: 'a WSGI server serving the app `flask` finds',
    reason:
      "no module starts a server, so a WSGI server (Gunicorn's defaults) serves the app Flask's own discovery finds (FLASK_APP, wsgi.py, app.py)",
  };
}
