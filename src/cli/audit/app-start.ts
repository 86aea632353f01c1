/**
 * Starting the app production starts: with the environment its deployment gives, retried with a
 * dummy value for each variable a failed start asks for; when it cannot start, what its code
 * says on its own is read instead.
 */
import { GRADER_SESSION, runApp, where, type GradingContext } from '../../lib/grading/context';
import { rules } from '../../lib/grading/rules';
import type { PythonRuntime } from '../../lib/grading/runtime';
import type { RunOutcome, WorkspaceFiles } from '../../lib/runtime/protocol';
import type { Entrypoint } from './entrypoints';
import type { Placed } from './findings';
import { startNotes } from './start-notes';

const DUMMY_PREFIX = 'prodready-audit-dummy';

/** The variable a failed start asks for: `KeyError: 'SECRET_KEY'`, or a message naming SECRET_KEY. */
export function missingVariable(outcome: RunOutcome, env: Record<string, string>): string | null {
  const message = outcome.exit?.message ?? '';
  // Gunicorn reports "Worker failed to boot"; the worker's traceback in the log says why.
  const key = /(?:^|\n)KeyError: '([A-Za-z_][A-Za-z0-9_]*)'/.exec(`${message}\n${outcome.log}`)?.[1];
  if (key && env[key] === undefined) return key;
  if (/SECRET_KEY/.test(message) && env['SECRET_KEY'] === undefined) return 'SECRET_KEY';
  // The app's own refusal: "You must set the REDASH_COOKIE_SECRET environment variable"; a settings
  // reader's: python-decouple's "MAIL_PASSWORD not found. Declare it as envvar or define a default value."
  const refusals = `${message}\n${outcome.log}`
    .split('\n')
    .filter((line) =>
      /must (be )?set|is (not set|required|missing)|(missing|required) (environment|env) var|not found\. declare it as envvar/i.test(
        line,
      ),
    )
    .join('\n');
  const named = [...refusals.matchAll(/\b([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\b/g)]
    .map((match) => match[1] as string)
    .find((name) => env[name] === undefined);
  return named ?? null;
}

/** Why a run did not serve, in the program's own words: the exception line of its traceback when there is one. */
export function whyNotServing(outcome: RunOutcome): string {
  // Gunicorn's own log prefix ([date] [pid] [INFO]) says nothing here.
  const message = (outcome.exit?.message ?? 'no server started').replace(/^\[[^\]]+\] \[\d+\] \[\w+\] /, '');
  const raised = outcome.log
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^[\w.]*(Error|Exception|Exit|Interrupt)\b.*$/.test(line))
    .pop();
  return raised && !message.includes(raised) ? `${raised}; ${message}` : message;
}

export function describeEntry(entry: Entrypoint): string {
  return entry.source ? `${where(entry.source)} \`${entry.written}\`` : `\`${entry.written}\``;
}

/**
 * When the app cannot be imported, what its code says on its own: literal settings that turn
 * debug on, and secret keys spelled out in the code (as the value or a fallback). Found with
 * Python's ast through the harness; each message says it was read, not run.
 */
export async function readTheCode(files: WorkspaceFiles, entry: Entrypoint, runtime: PythonRuntime): Promise<Placed[]> {
  const facts = await runtime.call('facts', { session: GRADER_SESSION, files });
  const read = '(read from the code: the app could not be imported)';
  // `app.run(debug=True)` is live only when production runs the module as a script; a server
  // such as Gunicorn imports it and never reaches the `__main__` block.
  const runsScript = /^(\S*\/)?python3?(\s|$)/.test(entry.command);
  const debug = facts.debugSettings
    .filter((setting) => runsScript || !setting.form.startsWith('debug='))
    .map((setting) => ({
      atCommand: false,
      rule: 'debug-enabled',
      severity: rules['debug-enabled'].severity,
      file: setting.file,
      line: setting.line,
      message: `\`${setting.form}\` at ${where(setting)} turns debug mode on ${read}.`,
    }));
  const secrets = (facts.settingLocations?.['SECRET_KEY'] ?? [])
    .filter((location) => location.literal)
    .map((location) => ({
      atCommand: false,
      rule: 'hardcoded-secret',
      severity: rules['hardcoded-secret'].severity,
      file: location.file,
      line: location.line,
      message: `The secret key is written in the code at ${where(location)}, as its value or its fallback ${read}.`,
    }));
  return [...debug, ...secrets];
}

/**
 * Runs the entrypoint; while a start fails for want of a variable, gives it a dummy one (and says
 * so). The environment it finally ran with is in context.production.env.
 */
export async function startApp(
  context: GradingContext,
  entry: Entrypoint,
  infos: string[],
  unjudged: string[],
): Promise<{ outcome: RunOutcome; reason?: string }> {
  const env = context.production.env;
  let outcome = await runApp(context, env);
  for (let tries = 0; !outcome.serving && tries < 5; tries++) {
    const name = missingVariable(outcome, env);
    if (!name) break;
    env[name] = `${DUMMY_PREFIX}-${name.toLowerCase()}`;
    infos.push(
      `${describeEntry(entry)} needs ${name} to start: the rules that run the app used a dummy value (hardcoded-secret still checks the app without it)`,
    );
    outcome = await runApp(context, env);
  }
  const notes = startNotes(describeEntry(entry), outcome);
  if (notes) infos.push(notes);
  if (!outcome.serving) {
    const exit = outcome.exit;
    const at = exit?.location ? ` at ${where(exit.location)}` : '';
    const reason = `${whyNotServing(outcome)}${at}`;
    const why = `${describeEntry(entry)} did not start (${reason})`;
    infos.push(
      `${why}: the rules that run the app were skipped and its code was read instead; the config rules still ran`,
    );
    unjudged.push(`${why}: the rules that run the app could not judge it`);
    return { outcome, reason };
  }
  return { outcome };
}
