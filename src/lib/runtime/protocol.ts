/**
 * The worker contract: every message between the page (or the CLI) and the Python host.
 * Both sides import these types; nothing crosses the boundary untyped.
 */

/** Workspace files by path relative to the project folder, e.g. `app.py`, `FINDINGS.md`. */
export type WorkspaceFiles = Record<string, string>;

/** Where the project lives inside Pyodide's file system; tracebacks show this path. */
export const PROJECT_DIR = '/srv/shop';

/** A named stream of output: the learner's terminal, or a grader's capture buffer. */
export type SessionId = string;

export interface RunOptions {
  /** Output of this run and its requests goes to this session. */
  session: SessionId;
  files: WorkspaceFiles;
  /** The command production would run, e.g. `python app.py`. */
  command: string;
  /** The process environment for the run; nothing else leaks in. */
  env: Record<string, string>;
  /** The number of CPUs the program sees (os.cpu_count and friends). Default 2, this machine's kind. */
  cpuCount?: number;
  /**
   * Run as `prodready audit` runs a real project: the audit's packages importable, a stand-in
   * module for any other missing import, databases in memory, the project's pinned Flask
   * semantics (see docs/audit-runtime.md). Default false: a lesson's missing import fails as it
   * would in production, and the browser and the command line import the same packages.
   */
  audit?: boolean;
  /**
   * Files systemd hands the service for LoadCredential=NAME (by NAME), written into `directory`
   * for the run; the environment's CREDENTIALS_DIRECTORY names it. Default none.
   */
  credentials?: { directory: string; files: Record<string, string> } | null;
  /**
   * Absolute folders outside the project that production has (a volume, a package's /etc folder):
   * those missing are created empty for the run and removed before the next. Default none.
   */
  directories?: string[];
}

/** gevent and eventlet: their WSGI servers, served in the audit by green_servers.py. */
export type ServerKind = 'werkzeug' | 'waitress' | 'gunicorn' | 'gevent' | 'eventlet';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface SourceLocation {
  file: string;
  line: number;
}

export interface ServingInfo {
  server: ServerKind;
  host: string;
  port: number;
  /** `Flask.debug` of the served app at serve time. */
  debug: boolean;
  /** Werkzeug's DebuggedApplication wraps the served app. */
  debugger: boolean;
  /** The debugger's interactive console is enabled (evalex). */
  console: boolean;
  /** The debugger PIN is turned off while the debugger is on. */
  pinDisabled: boolean;
  /** The reloader is on. */
  reloader: boolean;
  /** Where the project code asked for the server (the `app.run(...)` or `serve(...)` line). */
  calledFrom: SourceLocation | null;
  /**
   * The server's effective settings, as its own configuration code computed them: Waitress's
   * Adjustments (listen, threads, trusted_proxy, …) or Gunicorn's Config (bind, workers,
   * timeout, forwarded_allow_ips, …); `addresses` lists what it listens on.
   */
  settings: Record<string, JsonValue>;
}

/**
 * Time limits, in milliseconds. Past one, Python is interrupted (KeyboardInterrupt at its next
 * bytecode) and the call answers with an Interruption instead of hanging: the page, the grader
 * and the command line stay usable. A request is one HTTP exchange with the app; a run is
 * starting the program until it serves (or exits); a check is one check of a lesson, all its runs
 * and requests together. Generous for Pyodide on a slow laptop (a normal run takes 1–3 s there).
 */
export const TIME_LIMITS = { requestMs: 10_000, runMs: 30_000, checkMs: 60_000 } as const;
export type TimeLimitKind = 'request' | 'run' | 'check';

/**
 * Why Python was interrupted and where it was: 'time-limit' when a TIME_LIMITS limit ran out,
 * 'stop' when someone pressed Stop (or the CLI was told to stop). The same shape from the browser
 * worker and the command line's confined runtime.
 */
export interface Interruption {
  reason: 'time-limit' | 'stop';
  /** Which limit ran out, and how long it was (reason 'time-limit'); null for a Stop. */
  limit: { kind: TimeLimitKind; ms: number } | null;
  /** The innermost frame of the project's own code that was running (from the KeyboardInterrupt traceback). */
  location: SourceLocation | null;
}

export interface RunOutcome {
  /** The app is being served and accepts requests. */
  serving: ServingInfo | null;
  /**
   * Set when the program ended (or crashed) instead of serving. Code "interrupted" when it was
   * interrupted (see `interruption`).
   */
  exit: { code: number | string | null; message: string; location: SourceLocation | null } | null;
  /** Set when the run was interrupted before it served or exited; `exit.code` is then "interrupted". */
  interruption?: Interruption | null;
  /** Everything the run printed (stdout and stderr, ANSI stripped). */
  log: string;
  /** Audit runs: the missing modules the project imported that got a stand-in (top-level names). */
  standIns?: string[];
  /** Audit runs: what the harness changed so the app could start (a database URL made in-memory SQLite, …). */
  notes?: string[];
  /** Audit runs: where the project's pinned Flask decides a fact differently from the bundled one, and the run followed it. */
  versions?: string[];
}

export interface HttpRequest {
  method: string;
  /** Path and query, e.g. `/orders/abc?x=1`. */
  path: string;
  headers: Array<[string, string]>;
  body?: string;
  /** The client's address as the server sees it (REMOTE_ADDR). Default 203.0.113.7. */
  client?: string;
  /**
   * Ask the app what it sees instead of running a view: the answer is a ClientView as JSON,
   * computed by Flask after every server and middleware in front of it did its work.
   */
  probe?: boolean;
  /**
   * Note which lines of the project's own code read a client-address header (X-Forwarded-For,
   * X-Real-IP…) present in the request while the app answered it (py/prodready_harness/forwarded_reads.py).
   */
  watchForwarded?: boolean;
}

/** A line of the project's code that read a client-address header the request carried. */
export interface ForwardedRead extends SourceLocation {
  header: string;
}

/** What Flask sees of a request (the body of a probe response). */
export interface ClientView {
  remoteAddr: string | null;
  scheme: string;
  host: string;
  isSecure: boolean;
  externalUrl: string;
}

export interface HttpResponse {
  status: number;
  reason: string;
  headers: Array<[string, string]>;
  body: string;
  /** The body's bytes, base64, when they are not UTF-8 text (an image, a font): the preview shows them. */
  bodyBase64?: string;
  /** Log lines the request produced (ANSI stripped). */
  log: string;
  /** The request was stopped before it finished (Stop, or a time limit). */
  interrupted: boolean;
  /** Why and where it was stopped, when `interrupted`. */
  interruption?: Interruption | null;
  /** Asked with `watchForwarded`: the project's reads of client-address headers, in order. */
  forwardedReads?: ForwardedRead[];
}

/** A Python syntax error or similar, pointed at the learner's file. */
export interface SourceProblem extends SourceLocation {
  message: string;
  column: number | null;
}

/** Facts the rules read off the code and the live app (see py/prodready_harness/facts.py). */
export interface AppFacts {
  problems: SourceProblem[];
  /** `app.secret_key` of the served app, when it has one. */
  secretKey: string | null;
  /** Where a string literal equal to the secret stands in the project, if it does. */
  secretLiteral: SourceLocation | null;
  /**
   * Error handlers registered on the served app, with where they are defined; asked with
   * `probeErrorHandlers`, the body of each that answers an exception with its text (called with a marker).
   */
  errorHandlers: Array<
    {
      code: number | null;
      exception: string | null;
      echoedBody?: string;
      /** The exception was made with the marker in every constructor argument (a code too). */
      probedWith?: 'arguments';
    } & SourceLocation
  >;
  /** Literal settings that turn debug on (`debug=True`, `config["DEBUG"] = True`, …), found with ast. */
  debugSettings: Array<SourceLocation & { form: string }>;
  /** Werkzeug's ProxyFix in front of the served app: its hop counts, and where it is applied. */
  proxyFix: {
    x_for: number;
    x_proto: number;
    x_host: number;
    x_port: number;
    x_prefix: number;
    location: SourceLocation | null;
  } | null;
  /** The served app's URL rules (`/orders/<order_id>`); older hosts may not send it. */
  routes?: string[];
  /**
   * The served app's config values of SESSION_COOKIE_SECURE, SESSION_COOKIE_HTTPONLY,
   * SESSION_COOKIE_SAMESITE, WTF_CSRF_ENABLED and WTF_CSRF_CHECK_DEFAULT: `{value}`, or null when
   * the config lacks the key (non-JSON values as their repr).
   */
  settings?: Record<string, { value: JsonValue } | null>;
  /**
   * Where those settings, SECRET_KEY (and `secret_key =`) and `pin_security=` are written, found
   * with ast, in file and line order; `random` when the value calls a random generator. `Flask`
   * lists the `Flask(...)` calls; `cookies` the code that uses cookies (flask's `session`,
   * Flask-Login, `.set_cookie(`).
   */
  settingLocations?: Record<string, Array<SourceLocation & { random: boolean; literal?: boolean; off?: boolean }>>;
  /**
   * The project's own `.set_cookie(...)` calls, found with ast: the cookie's name and value (a
   * literal, or the expression's source), and `secure`/`httponly`/`samesite` as passed (a
   * literal, "dynamic" for an expression, null when left out: Werkzeug's default, off).
   */
  cookieCalls?: Array<
    SourceLocation & {
      name: string | null;
      value: string | null;
      secure: JsonValue;
      httponly: JsonValue;
      samesite: JsonValue;
    }
  >;
  /**
   * Exceptions the project's own code raised while it handled the latest request that raised
   * any (HTTP errors left out), with that request's path, where (the function's first line),
   * and the `except` in the project that caught each; `projectType` when the exception's class
   * is defined in the project.
   */
  raised?: Array<
    {
      type: string;
      message: string;
      projectType: boolean;
      path: string | null;
      handledAt?: SourceLocation;
    } & SourceLocation
  >;
  /**
   * Asked with `probeErrorHandlers`: where the source (ast, py/prodready_harness/exception_echoes.py)
   * puts a caught exception's text or a traceback into a response of the served app: `line` is
   * where it enters the response, `sink` how it gets there, `code` the HTTP status an abort or
   * raised HTTP error answers with; `handlerLine` when it is an error handler's (its first line).
   */
  exceptionEchoes?: ExceptionEcho[];
}

/** One place where an exception's text (or its traceback) reaches a response; see AppFacts. */
export interface ExceptionEcho extends SourceLocation {
  kind: 'text' | 'traceback';
  sink: 'return' | 'abort' | 'raise' | 'flash';
  code: number | null;
  function: string;
  /** The `except` it sits in, when it does. */
  exceptLine?: number;
  handlerLine?: number;
}

/** One requirement line of a requirements*.txt, as pip reads it (py/prodready_harness/dependencies.py). */
export interface DeclaredRequirement extends SourceLocation {
  /** The canonical name (PEP 503). */
  name: string;
  /** As the file writes it. */
  written: string;
  /** The version specifier as `packaging` normalises it (`==3.0.1`, `>=22`, `~=3.0.1`), "" for none. */
  specifier: string;
  /** The version of an exact `==` pin, null otherwise. */
  exact: string | null;
  /** How many `--hash=sha256:` options it carries. */
  hashes: number;
}

/** A requirement whose installed version an advisory affects (judged with `packaging`; a range by the newest release it admits). */
export interface AdvisoryMatch extends SourceLocation {
  name: string;
  specifier: string;
  /** The pin itself for `==`; for a range, the highest affected version it admits that the record names, or "the newest release". */
  affectedVersion: string;
  advisory: string;
  /** The versions the advisory says fix it. */
  fixed: string[];
}

export interface DependencyReport {
  requirements: DeclaredRequirement[];
  /** Requirement lines pip could not read. */
  problems: Array<SourceLocation & { message: string }>;
  matches: AdvisoryMatch[];
  /** Modules the given Python files import (ast), for scope questions such as jinja2.sandbox. */
  imports: string[];
}

/** The methods the Python host answers; the RPC is typed from this map. */
export interface HostApi {
  run(options: RunOptions): RunOutcome;
  request(args: { session: SessionId; request: HttpRequest }): HttpResponse;
  facts(args: { session: SessionId; files: WorkspaceFiles; probeErrorHandlers?: boolean }): AppFacts;
  /** Stop serving in a session and forget its app. */
  stop(args: { session: SessionId }): null;
  /** The project's requirements and the advisories (OSV records) their versions fall in. */
  dependencies(args: { files: WorkspaceFiles; advisories: unknown[] }): DependencyReport;
}
export type HostMethod = keyof HostApi;

/** Options of one call from the page or the CLI, beside its arguments. */
export interface CallOptions {
  /** Interrupt Python after this long; default TIME_LIMITS by method (request, run), none for the rest. */
  timeLimitMs?: number;
}

/** The time limit a call gets when its caller does not choose one. */
export function defaultTimeLimit(method: HostMethod): { kind: TimeLimitKind; ms: number } | null {
  if (method === 'request') return { kind: 'request', ms: TIME_LIMITS.requestMs };
  if (method === 'run') return { kind: 'run', ms: TIME_LIMITS.runMs };
  return null;
}

export type BootStage = 'download' | 'python' | 'packages' | 'harness' | 'ready';

export interface BootProgress {
  stage: BootStage;
  /** Bytes received so far of the current download; total is null when unknown. */
  loaded: number;
  total: number | null;
}

export type ToWorker =
  | { type: 'boot'; interruptBuffer: SharedArrayBuffer | null }
  | { type: 'call'; id: number; method: HostMethod; args: Parameters<HostApi[HostMethod]>[0] };

export type FromWorker =
  | { type: 'progress'; progress: BootProgress }
  | { type: 'ready'; pythonVersion: string }
  | { type: 'boot-failed'; message: string }
  | { type: 'output'; session: SessionId; text: string }
  | { type: 'result'; id: number; value: ReturnType<HostApi[HostMethod]> }
  | { type: 'error'; id: number; message: string };

/**
 * A call past its time limit whose Python could not be interrupted (the worker was restarted):
 * nothing came back, not even where it was.
 */
export class TimeLimitError extends Error {
  constructor(readonly limit: { kind: TimeLimitKind; ms: number }) {
    super(`stopped after ${limit.ms / 1000} s (the ${limit.kind} time limit)`);
    this.name = 'TimeLimitError';
  }
}
