/**
 * error-detail-exposed: the text of an exception (str(e)) is sent to the client. Decided by
 * attacking the app as production runs it, with the harness recording what the project's code
 * raised meanwhile, and looking for that text in the answer. A whole traceback is
 * traceback-exposed's finding, not this one. The `except` or error handler that caught the
 * exception says where.
 *
 * An `except` in a view runs only on a request that fails there, which one attack rarely is, and
 * making one fail there by behaviour needs a request that passes everything before the `try`: so
 * the harness also reads the source of the served app (ast: the caught exception followed into a
 * response) and each place it finds is a finding of its own (exception-echoes.ts).
 */
import { describeExit, runApp, send, where } from '../context';
import { echoFindings, echoLineIn } from '../exception-echoes';
import { tracebackIn } from '../leaks';
import type { Rule } from '../rule';
import type { Finding } from '../types';
import type { SourceLocation } from '../../runtime/protocol';

/** Shorter texts ('id' from a KeyError) match too much by chance to mean anything. */
const MIN_LENGTH = 8;

/** How the text may appear in a body: as is, inside a JSON string, HTML-escaped (Jinja, Werkzeug). */
function forms(text: string): string[] {
  const html = (quote: string, apostrophe: string) =>
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, quote)
      .replace(/'/g, apostrophe);
  return [text, JSON.stringify(text).slice(1, -1), html('&#34;', '&#39;'), html('&quot;', '&#x27;')];
}

/** `ValueError: invalid literal …` lines of the server log: what Flask logged of an unhandled exception. */
function loggedExceptions(log: string): Array<{ type: string; message: string }> {
  return [...log.matchAll(/^([A-Za-z_][\w.]*(?:Error|Exception|Warning)): (.+)$/gm)].map((match) => ({
    type: (match[1] ?? '').split('.').pop() ?? '',
    message: match[2] ?? '',
  }));
}

const FINDING = { rule: 'error-detail-exposed', severity: 'medium' } as const;

export const errorDetailExposed: Rule = {
  id: 'error-detail-exposed',
  scope: 'app',
  needs: { everyRoute: true },
  severity: 'medium',
  title: "An error response carries the exception's text",
  explanation:
    "An exception's message is written for developers: it can name tables and columns, file paths, hostnames, " +
    'parsing details or values from the request, and tells an attacker which input broke what (CWE-209).',
  fix: 'Answer with a fixed message ("invalid order id", "something went wrong") and log the exception on the server with app.logger.exception(...).',
  references: [
    'https://cwe.mitre.org/data/definitions/209.html',
    'https://flask.palletsprojects.com/en/stable/errorhandling/',
    'https://owasp.org/www-community/Improper_Error_Handling',
  ],
  async evaluate(context) {
    const outcome = await runApp(context, context.production.env);
    if (!outcome.serving) return { findings: [], inconclusive: describeExit(outcome) };
    const attack = context.production.attack;
    const response = await send(context, attack);
    // What was raised depends on the request just sent: a fresh files object keeps a caching
    // runtime (the audit's) from answering with facts from before it.
    const facts = await context.runtime.call('facts', {
      session: 'grader',
      files: { ...context.files },
      probeErrorHandlers: true,
    });
    const attackedPath = attack.path.split('?')[0];
    const seen = (finding: Finding | null) => {
      const findings = finding ? [finding] : [];
      return { findings: [...findings, ...echoFindings(facts.exceptionEchoes, 'text', FINDING, findings)] };
    };
    if (tracebackIn(response.body)) return seen(null);

    const raised = (facts.raised ?? []).filter((e) => !e.projectType && e.path === attackedPath);
    const candidates: Array<{ type: string; message: string; at?: SourceLocation; handledAt?: SourceLocation }> = [
      ...raised.map((e) => ({
        type: e.type,
        message: e.message,
        at: { file: e.file, line: e.line },
        handledAt: e.handledAt,
      })),
      ...loggedExceptions(response.log),
    ];
    const leaked = candidates.find(
      (exception) =>
        exception.message.trim().length >= MIN_LENGTH &&
        forms(exception.message).some((form) => response.body.includes(form)),
    );
    if (!leaked) {
      // The attack raised nothing the body repeats; an error handler that would, given an exception,
      // is still a finding: the next exception production meets is the one it sends.
      // With the exception's type beside its text, it is a traceback fragment: traceback-exposed's finding.
      // An exception made with the marker in every argument (IntegrityError(statement, params, orig))
      // echoes a status code as well as a message: its echo counts where the source sends its text.
      const echoing = facts.errorHandlers.find(
        (handler) =>
          handler.echoedBody !== undefined &&
          !tracebackIn(handler.echoedBody) &&
          (handler.probedWith !== 'arguments' || echoLineIn(facts.exceptionEchoes, handler) !== undefined),
      );
      if (!echoing) return seen(null);
      const type = echoing.exception ?? 'Exception';
      const kind =
        echoing.code === 500 ? 'a 500 (its original exception)' : `${/^[AEIOU]/.test(type) ? 'an' : 'a'} ${type}`;
      return seen({
        rule: 'error-detail-exposed',
        severity: 'medium',
        message: `The error handler at ${where(echoing)} answers with the exception's text: called with ${kind} raised with a marker message, its response carried the marker.`,
        file: echoing.file,
        line: echoLineIn(facts.exceptionEchoes, echoing) ?? echoing.line,
      });
    }

    let source: string;
    let location: SourceLocation | null | undefined;
    const handler = facts.errorHandlers.find(
      (h) => h.exception === leaked.type || h.exception === 'Exception' || h.code === 500 || h.code === null,
    );
    if (leaked.handledAt) {
      location = leaked.handledAt;
      source = `the except at ${where(location)} puts it in the response`;
    } else if (handler) {
      location = { file: handler.file, line: echoLineIn(facts.exceptionEchoes, handler) ?? handler.line };
      source = `the error handler at ${where(handler)} puts it in the response`;
    } else {
      location = leaked.at ?? outcome.serving.calledFrom ?? context.production.commandSource;
      source = 'the app sends it';
    }
    return seen({
      rule: 'error-detail-exposed',
      severity: 'medium',
      message: `${attack.method} ${attack.path} answers ${response.status} with the text of a ${leaked.type} ("${leaked.message}"): ${source}.`,
      file: location?.file,
      line: location?.line,
    });
  },
};
