/** One request to the app run with the check's environment; asserts on the answer and the log. */
import type { CheckSpec } from '../../content/checks-schema';
import { GRADER_SESSION, send, startApp, type GradingContext } from '../context';
import { tracebackIn } from '../leaks';
import type { CheckResult } from '../types';

type Spec = Extract<CheckSpec, { kind: 'http' }>;

export async function httpCheck(
  spec: Spec,
  context: GradingContext,
  env: Record<string, string>,
): Promise<CheckResult> {
  const fail = (message: string, at?: { file: string; line: number } | null): CheckResult => ({
    id: spec.id,
    title: spec.title,
    passed: false,
    message,
    file: at?.file,
    line: at?.line,
    hint: spec.hint,
  });
  await startApp(context, env);

  const request = spec.request;
  const response = await send(context, request);
  // Who sent it belongs in every message: an app that answers by address (a guard on remote_addr) answers it.
  const asked = `${request.method} ${request.path}${request.client ? ` from ${request.client}` : ''}`;
  const { expect } = spec;
  if (expect.status !== undefined && response.status !== expect.status) {
    return fail(`${asked} answered ${response.status}, expected ${expect.status}.`);
  }
  if (expect.noTraceback) {
    const leak = tracebackIn(response.body);
    if (leak) return fail(`${asked} answered with ${leak} in the body.`);
  }
  if (expect.noSecret) {
    const facts = await context.runtime.call('facts', { session: GRADER_SESSION, files: context.files });
    if (facts.secretKey && response.body.includes(facts.secretKey)) {
      return fail(`${asked} answered with the secret key in the body.`);
    }
  }
  for (const text of expect.bodyIncludes) {
    if (!response.body.includes(text)) return fail(`${asked}: the body does not contain "${text}".`);
  }
  for (const text of expect.bodyExcludes) {
    if (response.body.includes(text)) return fail(`${asked}: the body contains "${text}".`);
  }
  for (const [name, patterns] of Object.entries(expect.headersMatch)) {
    const values = response.headers.filter(([header]) => header.toLowerCase() === name.toLowerCase()).map(([, v]) => v);
    if (values.length === 0) return fail(`${asked}: the response has no ${name} header.`);
    const missing = patterns.filter((pattern) => !values.some((value) => new RegExp(pattern, 'i').test(value)));
    if (missing.length > 0) {
      return fail(`${asked}: ${name}: ${values.join(' | ')} lacks ${missing.map((p) => `/${p}/`).join(', ')}.`);
    }
  }
  for (const text of expect.logIncludes) {
    if (!response.log.includes(text)) {
      return fail(`${asked}: the server log does not show "${text}"; the server must still record what went wrong.`);
    }
  }
  return { id: spec.id, title: spec.title, passed: true, message: `${asked} answered ${response.status} as expected.` };
}
