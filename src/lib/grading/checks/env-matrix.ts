/** Runs the app under several environments; each case says whether it starts, and in which mode. */
import type { CheckSpec } from '../../content/checks-schema';
import { runApp, where, type GradingContext } from '../context';
import type { CheckResult } from '../types';

type Spec = Extract<CheckSpec, { kind: 'env-matrix' }>;

export async function envMatrix(spec: Spec, context: GradingContext): Promise<CheckResult> {
  const base = { id: spec.id, title: spec.title, hint: spec.hint };
  for (const testCase of spec.cases) {
    const outcome = await runApp(context, testCase.env);
    const { serving } = outcome;
    const fail = (message: string, at?: { file: string; line: number } | null): CheckResult => ({
      ...base,
      passed: false,
      message: `With ${testCase.label}, ${message}`,
      file: at?.file,
      line: at?.line,
    });
    if (testCase.expect === 'refuses-to-start') {
      if (serving)
        return fail(
          `the app starts anyway (at ${where(serving.calledFrom)}); it must refuse to start.`,
          serving.calledFrom,
        );
      const missing = testCase.logIncludes.find((text) => !outcome.log.includes(text));
      if (missing) return fail(`the app stops, but its message does not say "${missing}": say what is missing.`);
      continue;
    }
    if (!serving) {
      const exit = outcome.exit;
      return fail(`the app does not start: ${exit?.message ?? 'no server'}.`, exit?.location);
    }
    const debugOn = serving.debug || serving.debugger;
    if (testCase.expect === 'debug-off' && debugOn) {
      return fail('debug mode is on; it must be off.', serving.calledFrom);
    }
    if (testCase.expect === 'debug-on' && !debugOn) {
      return fail('debug mode is off; the opt-in must still turn it on for local development.', serving.calledFrom);
    }
  }
  return { ...base, passed: true, message: `Behaves as expected with ${spec.cases.map((c) => c.label).join('; ')}.` };
}
