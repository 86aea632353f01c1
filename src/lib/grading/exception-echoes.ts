/**
 * Findings from the places the source puts a caught exception into a response (facts'
 * `exceptionEchoes`, read with Python's ast by the harness): the `except` in a view, the
 * `abort(500, description=e)`, that only a request failing there would show the attack.
 */
import type { ExceptionEcho } from '../runtime/protocol';
import { where } from './context';
import type { Finding } from './types';

function howSent(echo: ExceptionEcho): string {
  switch (echo.sink) {
    case 'abort':
      return `passes it to abort(${echo.code ?? ''}), whose error page shows the description`;
    case 'raise':
      return `raises a ${echo.code ?? ''} HTTP error with it as the description, which the error page shows`;
    case 'flash':
      return 'flashes it to the next page';
    default:
      return 'returns it in the response';
  }
}

/**
 * One finding per place. Error handlers are left out (the probe calls them and judges them by
 * behaviour), and so is a place already reported: at its line, or at the `except` it sits in.
 */
export function echoFindings(
  echoes: readonly ExceptionEcho[] | undefined,
  kind: ExceptionEcho['kind'],
  finding: Pick<Finding, 'rule' | 'severity'>,
  exclude: ReadonlyArray<{ file?: string; line?: number }> = [],
): Finding[] {
  const what = kind === 'traceback' ? 'the traceback of the exception it caught' : "the caught exception's text";
  return (echoes ?? [])
    .filter((echo) => echo.kind === kind && echo.handlerLine === undefined)
    .filter(
      (echo) =>
        !exclude.some(
          (place) => place.file === echo.file && (place.line === echo.line || place.line === echo.exceptLine),
        ),
    )
    .map((echo) => ({
      ...finding,
      message: `${echo.function}() at ${where(echo)} ${howSent(echo)}: ${what}. A request that fails there gets it (read in the source: the attack did not make it fail).`,
      file: echo.file,
      line: echo.line,
    }));
}

/** The line inside an error handler (first line `handler.line`) that puts the exception's text in its answer. */
export function echoLineIn(
  echoes: readonly ExceptionEcho[] | undefined,
  handler: { file: string; line: number },
  kind: ExceptionEcho['kind'] = 'text',
): number | undefined {
  return (echoes ?? []).find(
    (echo) => echo.kind === kind && echo.file === handler.file && echo.handlerLine === handler.line,
  )?.line;
}
