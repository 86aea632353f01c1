/**
 * debug-enabled: Flask's debug mode or Werkzeug's debugger is live in what production runs.
 * Decided by running the app as production starts it and reading what Werkzeug actually serves,
 * then confirmed by the attack; the source is read only to point at the line that does it.
 */
import { send, startApp, startedAt, where } from '../context';
import { tracebackIn } from '../leaks';
import type { Rule } from '../rule';
import type { SourceLocation, WorkspaceFiles } from '../../runtime/protocol';

/** Where the project wraps something in the debugger itself (`DebuggedApplication(`), to point at it. */
function debuggerWrapped(files: WorkspaceFiles): SourceLocation | null {
  for (const file of Object.keys(files)
    .filter((path) => path.endsWith('.py'))
    .sort()) {
    const index = files[file]!.split('\n').findIndex((line) => /\bDebuggedApplication\(/.test(line));
    if (index >= 0) return { file, line: index + 1 };
  }
  return null;
}

export const debugEnabled: Rule = {
  id: 'debug-enabled',
  scope: 'app',
  severity: 'high',
  title: 'Debug mode or the Werkzeug debugger is on in production',
  explanation:
    "With debug on, every error answers with Werkzeug's debugger: the traceback, source lines, file paths and " +
    'local values, to a request with any Host. Its console runs Python on the server. Since Werkzeug 3.0.3 ' +
    '(GHSA-2g68-c3qc-8985) the console answers only a Host of localhost, 127.0.0.1 or the name the server was ' +
    'started with, and it asks for a PIN; the PIN is computed from facts the traceback and the machine leak (the ' +
    'user, the path of flask/app.py, the MAC address, the machine id), not guessed, and 10 wrong ones only lock ' +
    'the console until a restart (CWE-489).',
  confirms: 'Run as production runs it, the app serves with debug mode and the Werkzeug debugger off.',
  fix: 'Leave debug off unless FLASK_DEBUG=1 is set on purpose for local development; never pass debug=True or set DEBUG in code that production runs.',
  references: [
    'https://cwe.mitre.org/data/definitions/489.html',
    'https://flask.palletsprojects.com/en/stable/debugging/',
    'https://werkzeug.palletsprojects.com/en/stable/debug/',
    'https://github.com/pallets/werkzeug/security/advisories/GHSA-2g68-c3qc-8985',
  ],
  async evaluate(context) {
    const { serving } = await startApp(context, context.production.env);
    if (!serving.debug && !serving.debugger) return { findings: [] };

    const facts = await context.runtime.call('facts', { session: 'grader', files: context.files });
    const literal = facts.debugSettings[0];
    const response = await send(context, context.production.attack);
    const leak = tracebackIn(response.body);
    const consequence = leak ? ` The attack on ${context.production.attack.path} gets ${leak}.` : '';
    const envNote = Object.keys(context.production.env).includes('FLASK_DEBUG') ? '' : ' (FLASK_DEBUG is not set)';
    const wrapped = !serving.debug ? debuggerWrapped(context.files) : null;
    // A DEBUG computed at start (`config("DEBUG", True)`, `os.environ.get("DEBUG", True)`): its assignment
    // in what production loads is where the fix goes.
    const assigned = literal || wrapped ? undefined : facts.settingLocations?.['DEBUG']?.find((entry) => !entry.off);
    const location = literal ?? wrapped ?? assigned ?? serving.calledFrom ?? undefined;
    let message: string;
    if (wrapped) {
      message = `Debug mode is off, but the app production serves is wrapped in Werkzeug's debugger: \`DebuggedApplication(...)\` at ${where(wrapped)}.`;
    } else if (literal && /config|DEBUG/.test(literal.form) && !literal.form.startsWith('debug=')) {
      message = `Debug mode is switched on through the configuration: \`${literal.form}\` at ${where(literal)}.`;
    } else if (literal) {
      message = `\`${literal.form}\` at ${where(literal)} turns debug mode on in production.`;
    } else if (assigned) {
      message = `Debug mode is on when the app runs as production runs it${envNote}: DEBUG is assigned at ${where(assigned)}, from a value that comes out on.`;
    } else {
      message = `Debug mode is on when the app runs as production runs it${envNote}: the value comes from code that defaults to on${startedAt(serving.calledFrom)}.`;
    }
    return {
      findings: [
        {
          rule: 'debug-enabled',
          severity: 'high',
          message: message + consequence,
          file: location?.file,
          line: location?.line,
        },
      ],
    };
  },
};
