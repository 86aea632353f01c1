/** What every check kind and rule gets: the files, the Python runtime, and the lesson's run setup. */
import type { RequestSpec } from '../content/checks-schema';
import type { ClientView, HttpResponse, RunOutcome, SourceLocation, WorkspaceFiles } from '../runtime/protocol';
import type { ProcessLoad } from './process-manager';
import type { NginxLoad } from './proxy-chain';
import type { PythonRuntime } from './runtime';

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
  private last: { key: string; outcome: RunOutcome } | null = null;

  async run(runtime: PythonRuntime, files: WorkspaceFiles, command: string, env: Record<string, string>, cpuCount = 2) {
    const key = JSON.stringify([command, env, cpuCount]);
    if (this.last?.key === key) return this.last.outcome;
    this.last = null;
    const outcome = await runtime.call('run', { session: GRADER_SESSION, files, command, env, cpuCount });
    this.last = { key, outcome };
    return outcome;
  }
}

export function runApp(context: GradingContext, env: Record<string, string>, cpuCount?: number): Promise<RunOutcome> {
  const runs = context.runs ?? new GraderRuns();
  return runs.run(context.runtime, context.files, context.production.command, env, cpuCount);
}

export function send(context: GradingContext, request: RequestSpec): Promise<HttpResponse> {
  return context.runtime.call('request', {
    session: GRADER_SESSION,
    request: {
      method: request.method,
      path: request.path,
      headers: Object.entries(request.headers),
      body: request.body,
    },
  });
}

export interface ProbeRequest {
  headers: Record<string, string>;
  /** Who sends it, as the app server sees the connection. */
  client: string;
}

/** What Flask sees of a request sent straight to the app server (see py/prodready_harness/probe.py). */
export async function probe(context: GradingContext, request: ProbeRequest): Promise<ClientView | null> {
  const response = await context.runtime.call('request', {
    session: GRADER_SESSION,
    request: {
      method: 'GET',
      path: '/',
      headers: Object.entries(request.headers),
      client: request.client,
      probe: true,
    },
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
  const at = where(outcome.exit.location);
  return `the app did not start: ${outcome.exit.message}${at ? ` (${at})` : ''}`;
}
