/** Runs the app under several environments; each case says whether it starts, and in which mode. */
import type { CheckSpec } from '../../content/checks-schema';
import type { RunOutcome, SourceLocation } from '../../runtime/protocol';
import { GRADER_SESSION, appBlocker, runApp, startApp, where, type GradingContext } from '../context';
import { BlockedError, type CheckResult } from '../types';

type Spec = Extract<CheckSpec, { kind: 'env-matrix' }>;
type Case = Spec['cases'][number];

/** Values that read as "off" to a person but are non-empty strings, so Python takes them as true. */
const FALSE_LOOKING = /^(0|false|no|off)$/i;

/**
 * Why debug is on although the case's environment asks for it off: a non-empty string such as
 * "0" is true in Python, so code that hands the variable's value to `debug=` turns debug on.
 */
function whyDebugOn(testCase: Case): string {
  const value = testCase.env['FLASK_DEBUG'];
  if (value !== undefined && FALSE_LOOKING.test(value)) {
    return ` The string "${value}" is true in Python (every non-empty string is): compare it (== "1"), or let Flask read FLASK_DEBUG itself.`;
  }
  return '';
}

/** Where the project reads the setting the case leaves out (`SECRET_KEY = os.environ.get(...)`). */
async function readingLine(context: GradingContext, name: string): Promise<SourceLocation | null> {
  const facts = await context.runtime.call('facts', { session: GRADER_SESSION, files: context.files });
  return facts.settingLocations?.[name]?.[0] ?? null;
}

/** The app stopped without the setting: did it say why, or did it crash on something else? */
async function refusalProblem(context: GradingContext, testCase: Case, outcome: RunOutcome): Promise<string | null> {
  const missing = testCase.logIncludes.find((text) => !outcome.log.includes(text));
  if (!missing) return null;
  // A crash that happens with the setting present too is not a refusal: it is the app broken.
  const production = await runApp(context, context.production.env);
  if (!production.serving) throw new BlockedError(appBlocker(production));
  const exit = outcome.exit;
  const at = exit?.location ? ` (${where(exit.location)})` : '';
  return `the app stops with ${exit?.message ?? 'no message'}${at}, which does not say "${missing}": check for it and say what is missing.`;
}

export async function envMatrix(spec: Spec, context: GradingContext): Promise<CheckResult> {
  const base = { id: spec.id, title: spec.title, hint: spec.hint };
  for (const testCase of spec.cases) {
    const fail = (message: string, at?: SourceLocation | null): CheckResult => ({
      ...base,
      passed: false,
      message: `With ${testCase.label}, ${message}`,
      file: at?.file,
      line: at?.line,
    });
    if (testCase.expect === 'refuses-to-start') {
      const outcome = await runApp(context, testCase.env);
      if (outcome.serving) {
        const unset = Object.keys(context.production.env).find((name) => !(name in testCase.env));
        const reading = unset ? await readingLine(context, unset) : null;
        const at = reading ?? outcome.serving.calledFrom;
        return fail(`the app starts anyway (${where(at) || 'it serves'}); it must refuse to start.`, at);
      }
      const problem = await refusalProblem(context, testCase, outcome);
      if (problem) return fail(problem, outcome.exit?.location);
      continue;
    }
    const { serving } = await startApp(context, testCase.env);
    const debugOn = serving.debug || serving.debugger;
    if (testCase.expect === 'debug-off' && debugOn) {
      return fail(`debug mode is on; it must be off.${whyDebugOn(testCase)}`, serving.calledFrom);
    }
    if (testCase.expect === 'debug-on' && !debugOn) {
      return fail('debug mode is off; the opt-in must still turn it on for local development.', serving.calledFrom);
    }
  }
  return {
    ...base,
    passed: true,
    message: `Behaves as it should with ${spec.cases.map((c) => c.label).join('; ')}.`,
  };
}
