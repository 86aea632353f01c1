/**
 * debugger-pin-disabled: Werkzeug's debugger serves its console with the PIN turned off. Decided by
 * running the app as production starts it and reading the debugger Werkzeug actually wraps it in
 * (evalex on, no PIN); the environment and the source are read only to say how and where.
 */
import { describeExit, runApp, startedAt, where } from '../context';
import type { Rule } from '../rule';
import type { SourceLocation, WorkspaceFiles } from '../../runtime/protocol';

const PIN_VARIABLE = 'WERKZEUG_DEBUG_PIN';

/** The first line that mentions the variable, project files other than Python first (env files, units). */
function variableWritten(files: WorkspaceFiles): SourceLocation | null {
  const paths = Object.keys(files).sort(
    (a, b) => Number(a.endsWith('.py')) - Number(b.endsWith('.py')) || a.localeCompare(b),
  );
  for (const file of paths) {
    const index = (files[file] ?? '').split('\n').findIndex((line) => line.includes(PIN_VARIABLE));
    if (index >= 0) return { file, line: index + 1 };
  }
  return null;
}

export const debuggerPinDisabled: Rule = {
  id: 'debugger-pin-disabled',
  scope: 'app',
  severity: 'high',
  title: "Werkzeug's debugger console is open without a PIN",
  explanation:
    "The debugger's console runs any Python on the server for whoever gets an error page; its PIN is the only thing " +
    'in the way. With the PIN off, one failing request is remote code execution (CWE-94, CWE-489).',
  fix: `Never serve the debugger in production; and never turn its PIN off: remove ${PIN_VARIABLE}=off and pin_security=False.`,
  references: [
    'https://werkzeug.palletsprojects.com/en/stable/debug/#debugger-pin',
    'https://cwe.mitre.org/data/definitions/489.html',
  ],
  async evaluate(context) {
    const outcome = await runApp(context, context.production.env);
    const serving = outcome.serving;
    if (!serving) return { findings: [], inconclusive: describeExit(outcome) };
    if (!serving.pinDisabled) return { findings: [] };

    const facts = await context.runtime.call('facts', { session: 'grader', files: context.files });
    const pinSecurity = facts.settingLocations?.['pin_security']?.[0];
    const fromEnv = (context.production.env[PIN_VARIABLE] ?? '').toLowerCase() === 'off';
    const written = variableWritten(context.files);
    let how: string;
    let location: SourceLocation | null;
    if (fromEnv) {
      location = written ?? context.production.commandSource;
      how = `${PIN_VARIABLE}=off in the environment production sets${written ? ` (${where(written)})` : ''}`;
    } else if (pinSecurity) {
      location = pinSecurity;
      how = `DebuggedApplication(..., pin_security=False) at ${where(pinSecurity)}`;
    } else if (written) {
      location = written;
      how = `the code sets ${PIN_VARIABLE}=off at ${where(written)}`;
    } else {
      location = serving.calledFrom ?? context.production.commandSource;
      how = `the debugger is served without a PIN${startedAt(serving.calledFrom)}`;
    }
    return {
      findings: [
        {
          rule: 'debugger-pin-disabled',
          severity: 'high',
          message: `Werkzeug's debugger serves its console with the PIN turned off (${how}): anyone who gets an error page can run Python on the server.`,
          file: location?.file,
          line: location?.line,
        },
      ],
    };
  },
};
