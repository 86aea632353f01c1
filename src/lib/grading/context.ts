/** What every check kind and rule gets: the files, the Python runtime, and the lesson's run setup. */
import type { RequestSpec } from '../content/checks-schema';
import type { HttpResponse, RunOutcome, WorkspaceFiles } from '../runtime/protocol';
import type { PythonRuntime } from './runtime';

/** The grader's own session: its runs never replace what the learner is running. */
export const GRADER_SESSION = 'grader';

export interface ProductionSetup {
  /** How production starts the app, e.g. `python app.py`. */
  command: string;
  /** The environment production gives it. */
  env: Record<string, string>;
  /** A request that makes the app fail (the attack). */
  attack: RequestSpec;
}

export interface GradingContext {
  files: WorkspaceFiles;
  runtime: PythonRuntime;
  production: ProductionSetup;
}

export function runApp(context: GradingContext, env: Record<string, string>): Promise<RunOutcome> {
  return context.runtime.call('run', {
    session: GRADER_SESSION,
    files: context.files,
    command: context.production.command,
    env,
  });
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

/** "app.py:12" for messages, or "" when there is no location. */
export function where(location: { file: string; line: number } | null | undefined): string {
  return location ? `${location.file}:${location.line}` : '';
}

/** Why a run did not serve, in one line, for a failure message. */
export function describeExit(outcome: RunOutcome): string {
  if (!outcome.exit) return 'the app is serving';
  const at = where(outcome.exit.location);
  return `the app did not start: ${outcome.exit.message}${at ? ` (${at})` : ''}`;
}
