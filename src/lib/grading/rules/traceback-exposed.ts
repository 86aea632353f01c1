/**
 * traceback-exposed: a response carries a traceback. Decided by attacking the app as production
 * runs it and reading the answer; then the live app's error handlers say who sent it. An `except`
 * that answers with the traceback shows only on a request that fails there: the harness reads
 * those in the served app's source (exception-echoes.ts), each a finding of its own.
 */
import { send, startApp, startedAt, where } from '../context';
import { echoFindings } from '../exception-echoes';
import { tracebackIn } from '../leaks';
import type { Rule } from '../rule';

export const tracebackExposed: Rule = {
  id: 'traceback-exposed',
  scope: 'app',
  needs: { everyRoute: true },
  severity: 'high',
  title: 'An error response carries a traceback',
  explanation:
    'A traceback tells an attacker file paths, source lines, library versions and sometimes values such as keys ' +
    'and connection strings: a map of the server for the next attack.',
  confirms: 'The attack got a plain error page: no traceback, source path or debugger in it.',
  fix: 'Answer errors with a generic page; log the traceback on the server (Flask logs unhandled exceptions to the server log by itself).',
  references: [
    'https://cwe.mitre.org/data/definitions/209.html',
    'https://flask.palletsprojects.com/en/stable/errorhandling/',
  ],
  async evaluate(context) {
    const { serving: served } = await startApp(context, context.production.env);
    if (served.settings['expose_tracebacks'] === true) {
      // Flask answers its own errors, so the attack may look clean; anything that fails outside
      // Flask (a middleware, the WSGI layer) goes to the client with its traceback.
      const location = served.calledFrom ?? context.production.commandSource;
      return {
        findings: [
          {
            rule: 'traceback-exposed',
            severity: 'high',
            message:
              'Waitress is told to expose tracebacks (expose_tracebacks): any error outside Flask is sent to the client with its traceback.',
            file: location?.file,
            line: location?.line,
          },
        ],
      };
    }
    const attack = context.production.attack;
    const response = await send(context, attack);
    const leak = tracebackIn(response.body);
    if (!leak) {
      // Asked with probeErrorHandlers, the harness adds the places its reading of the source found.
      const facts = await context.runtime.call('facts', {
        session: 'grader',
        files: context.files,
        probeErrorHandlers: true,
      });
      return {
        findings: echoFindings(facts.exceptionEchoes, 'traceback', { rule: 'traceback-exposed', severity: 'high' }),
      };
    }

    const facts = await context.runtime.call('facts', { session: 'grader', files: context.files });
    // In debug mode Flask re-raises an unhandled error past a 500 handler (PROPAGATE_EXCEPTIONS,
    // Flask.handle_exception) and Werkzeug's debugger answers: its page loads `?__debugger__=yes`
    // resources (werkzeug/debug/tbtools.py), so the answer itself says who sent it.
    const fromDebugger = served.debugger && response.body.includes('__debugger__');
    const handler = fromDebugger
      ? undefined
      : facts.errorHandlers.find((h) => h.code === 500 || h.exception === 'Exception' || h.code === null);
    const source = handler
      ? `the error handler at ${where(handler)} puts it in the response`
      : served.debugger
        ? `Werkzeug's debugger sends it${startedAt(served.calledFrom)}`
        : 'the app sends it';
    const location = handler ?? served.calledFrom ?? undefined;
    return {
      findings: [
        {
          rule: 'traceback-exposed',
          severity: 'high',
          message: `${attack.method} ${attack.path} answers ${response.status} with ${leak}: ${source}.`,
          file: location?.file,
          line: location?.line,
        },
      ],
    };
  },
};
