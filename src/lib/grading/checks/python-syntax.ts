/** Every .py file parses, by Python's own parser in Pyodide; the error points at file and line. */
import type { CheckSpec } from '../../content/checks-schema';
import { GRADER_SESSION, type GradingContext } from '../context';
import type { CheckResult } from '../types';

type Spec = Extract<CheckSpec, { kind: 'python-syntax' }>;

export async function pythonSyntax(spec: Spec, context: GradingContext): Promise<CheckResult> {
  const facts = await context.runtime.call('facts', { session: GRADER_SESSION, files: context.files });
  const problem = facts.problems[0];
  if (!problem)
    return { id: spec.id, title: spec.title, passed: true, message: "Python's own parser accepts every .py file." };
  const column = problem.column ? `, column ${problem.column}` : '';
  // The same error stops the app from starting: the checks that need it are not run.
  const blocking = {
    message: `${problem.file}, line ${problem.line}${column}: ${problem.message}`,
    file: problem.file,
    line: problem.line,
  };
  return { id: spec.id, title: spec.title, passed: false, ...blocking, hint: spec.hint, blocking };
}
