/** What every check kind and rule gets: the files, the Python runtime, and the lesson's run setup. */
import type { RequestSpec } from '../content/checks-schema';
import {
  TimeLimitError,
  type ClientView,
  type HttpRequest,
  type HttpResponse,
  type Interruption,
  type RunOptions,
  type RunOutcome,
  type ServingInfo,
  type SourceLocation,
  type WorkspaceFiles,
} from '../runtime/protocol';
import type { ApacheLoad } from './apache-chain';
import type { ProcessLoad } from './process-manager';
import type { NginxLoad } from './proxy-chain';
import type { PythonRuntime } from './runtime';
import { BlockedError, type BlockingError } from './types';

export interface DeploymentSetting extends SourceLocation {
  name: string;
  value: string;
  /** How it is written: `ENV`, `ARG`, `environment:`, `env file`. */
  form: 'ENV' | 'ARG' | 'environment:' | 'env file';
}

/** The grader's own session: its runs never replace what the learner is running. */
export const GRADER_SESSION = 'grader';

export interface ProductionSetup {
  /** How production starts the app, e.g. `python app.py` (a Procfile's web process wins). */
  command: string;
  /** Where that command is written (Procfile:1), when a project file says it. */
  commandSource: SourceLocation | null;
  /** The environment production gives it. */
  env: Record<string, string>;
  /** Files a systemd unit hands it through LoadCredential= (see serviceEnvironment). */
  credentials?: RunOptions['credentials'];
  /** A request that makes the app fail (the attack). */
  attack: RequestSpec;
}

export interface GradingContext {
  files: WorkspaceFiles;
  runtime: PythonRuntime;
  production: ProductionSetup;
  /**
   * The nginx config and the process manager's program the rules judge, when the caller has
   * already found them (`prodready audit` discovers them anywhere in a tree). Left undefined,
   * the rules load them from the workspace's usual places (nginx/*.conf, *.service).
   */
  nginx?: NginxLoad;
  /** The Apache site the Apache rules judge, found the same way (left undefined: apache/*.conf). */
  apache?: ApacheLoad;
  process?: ProcessLoad;
  /**
   * Environment settings the project's deployment files write (Dockerfile ENV and ARG, compose
   * `environment:`, env files production loads), found by `prodready audit`.
   */
  deployment?: DeploymentSetting[];
  /** Shared by the checks of one grading, so consecutive checks reuse a running app. */
  runs?: GraderRuns;
}

/**
 * The grader's session serves whatever it ran last. When the next check asks for the same
 * command, environment and CPU count, the app already running is the one it would start, so it
 * is reused (the files do not change during one grading). Any other run replaces it.
 */
export class GraderRuns {
  private last: { key: string; outcome: RunOutcome; hung: Map<string, HttpResponse> } | null = null;

  async run(
    runtime: PythonRuntime,
    files: WorkspaceFiles,
    command: string,
    env: Record<string, string>,
    cpuCount = 2,
    credentials: RunOptions['credentials'] = null,
  ) {
    const key = JSON.stringify([command, env, cpuCount, credentials]);
    if (this.last?.key === key) return this.last.outcome;
    this.last = null;
    let outcome: RunOutcome;
    try {
      outcome = await runtime.call('run', { session: GRADER_SESSION, files, command, env, cpuCount, credentials });
    } catch (error) {
      if (error instanceof TimeLimitError) throw new BlockedError(neverAnswered('start', error.limit.ms, null));
      throw error;
    }
    this.last = { key, outcome, hung: new Map() };
    return outcome;
  }

  /**
   * A request the running app never answered (stopped at its time limit) is not sent again to the
   * same app: it would only spin for the whole limit once more.
   */
  async request(runtime: PythonRuntime, request: HttpRequest): Promise<HttpResponse> {
    const key = JSON.stringify(request);
    const known = this.last?.hung.get(key);
    if (known) return known;
    let response: HttpResponse;
    try {
      response = await runtime.call('request', { session: GRADER_SESSION, request });
    } catch (error) {
      // The worker was restarted: the app it served is gone.
      if (error instanceof TimeLimitError) {
        this.forget();
        throw new BlockedError(neverAnswered(`answer ${request.method} ${request.path}`, error.limit.ms, null));
      }
      throw error;
    }
    if (response.interruption?.reason === 'time-limit') this.last?.hung.set(key, response);
    return response;
  }

  /** Python was interrupted or restarted under the grader: the next run starts afresh. */
  forget(): void {
    this.last = null;
  }
}

/** "Your code never answered GET /x within 10 s — an endless loop? It was running app.py:12 when it was stopped." */
function neverAnswered(what: string, ms: number, location: SourceLocation | null): BlockingError {
  const at = location ? ` It was running ${where(location)} when it was stopped.` : '';
  return {
    message: `Your code did not ${what} within ${ms / 1000} s — an endless loop?${at}`,
    file: location?.file,
    line: location?.line,
  };
}

/** The blocking error of an interruption at a time limit; null for a Stop (or none). */
export function interruptionBlocker(interruption: Interruption | null | undefined, what: string): BlockingError | null {
  if (interruption?.reason !== 'time-limit' || !interruption.limit) return null;
  return neverAnswered(what, interruption.limit.ms, interruption.location);
}

export function runApp(context: GradingContext, env: Record<string, string>, cpuCount?: number): Promise<RunOutcome> {
  const runs = context.runs ?? new GraderRuns();
  return runs.run(
    context.runtime,
    context.files,
    context.production.command,
    env,
    cpuCount,
    context.production.credentials,
  );
}

/**
 * The app as production starts it, serving; when it does not start (a crash, an exit, an endless
 * loop at import) that is a blocking error: thrown, and reported once by the engine.
 */
export async function startApp(
  context: GradingContext,
  env: Record<string, string>,
  cpuCount?: number,
): Promise<{ outcome: RunOutcome; serving: ServingInfo }> {
  const outcome = await runApp(context, env, cpuCount);
  if (!outcome.serving) throw new BlockedError(credentialNote(appBlocker(outcome), context.production.credentials));
  return { outcome, serving: outcome.serving };
}

/**
 * An app that stops for want of a secret the unit hands over with LoadCredential= read the wrong
 * place: systemd puts credentials in files under $CREDENTIALS_DIRECTORY, never in the environment.
 */
function credentialNote(blocking: BlockingError, credentials: RunOptions['credentials']): BlockingError {
  const names = Object.keys(credentials?.files ?? {});
  if (!credentials || !names.some((name) => blocking.message.toUpperCase().includes(name.toUpperCase())))
    return blocking;
  return {
    ...blocking,
    message: `${blocking.message} LoadCredential= hands ${names.join(', ')} over as a file in $CREDENTIALS_DIRECTORY (${credentials.directory}), not as an environment variable: read it from there, as on a real server this app exits at start.`,
  };
}

/** Why the app does not serve, as a blocking error at the line at fault. */
export function appBlocker(outcome: RunOutcome): BlockingError {
  const stuck = interruptionBlocker(outcome.interruption, 'finish starting');
  if (stuck) return stuck;
  const exit = outcome.exit;
  return {
    message: `The app does not start: ${exit?.message ?? 'no server was started'}${exit?.location ? ` (${where(exit.location)})` : ''}.`,
    file: exit?.location?.file,
    line: exit?.location?.line,
  };
}

/** One request to the grader's app. An answer that never came (time limit) is a blocking error. */
export async function sendRequest(context: GradingContext, request: HttpRequest): Promise<HttpResponse> {
  const runs = context.runs ?? new GraderRuns();
  const response = await runs.request(context.runtime, request);
  const stuck = interruptionBlocker(response.interruption, `answer ${request.method} ${request.path}`);
  if (stuck) throw new BlockedError(stuck);
  return response;
}

export function send(context: GradingContext, request: RequestSpec): Promise<HttpResponse> {
  return sendRequest(context, {
    method: request.method,
    path: request.path,
    headers: Object.entries(request.headers),
    body: request.body,
    client: request.client,
  });
}

export interface ProbeRequest {
  headers: Record<string, string>;
  /** Who sends it, as the app server sees the connection. */
  client: string;
}

/** What Flask sees of a request sent straight to the app server (see py/prodready_harness/probe.py). */
export async function probe(context: GradingContext, request: ProbeRequest): Promise<ClientView | null> {
  const response = await sendRequest(context, {
    method: 'GET',
    path: '/',
    headers: Object.entries(request.headers),
    client: request.client,
    probe: true,
  });
  if (response.status !== 200) return null;
  return JSON.parse(response.body) as ClientView;
}

/** "app.py:12" for messages, or "" when there is no location. */
export function where(location: { file: string; line: number } | null | undefined): string {
  return location ? `${location.file}:${location.line}` : '';
}

/** " (app.run at app.py:48)" when the project's own line started the server; "" under `flask run`. */
export function startedAt(
  location: { file: string; line: number } | null | undefined,
  what = 'server started at',
): string {
  return location ? ` (${what} ${where(location)})` : '';
}

/** Why a run did not serve, in one line, for a failure message. */
export function describeExit(outcome: RunOutcome): string {
  if (!outcome.exit) return 'the app is serving';
  const stuck = interruptionBlocker(outcome.interruption, 'finish starting');
  if (stuck) return stuck.message;
  const at = where(outcome.exit.location);
  return `the app did not start: ${outcome.exit.message}${at ? ` (${at})` : ''}`;
}
