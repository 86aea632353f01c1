/** Asks Flask what it sees of a request sent by a given client with given headers. */
import type { CheckSpec } from '../../content/checks-schema';
import { probe, startApp, type GradingContext } from '../context';
import type { CheckResult } from '../types';

type Spec = Extract<CheckSpec, { kind: 'client-view' }>;

export async function clientViewCheck(
  spec: Spec,
  context: GradingContext,
  env: Record<string, string>,
): Promise<CheckResult> {
  const base = { id: spec.id, title: spec.title, hint: spec.hint };
  const { serving } = await startApp(context, env);
  const view = await probe(context, { client: spec.client, headers: spec.headers });
  if (!view) return { ...base, passed: false, message: 'The app did not answer the probe request.' };
  const sent = Object.keys(spec.headers).length ? ` with ${Object.keys(spec.headers).join(', ')}` : '';
  const at = serving.calledFrom ?? context.production.commandSource;
  const mismatches = (['remoteAddr', 'scheme', 'host'] as const)
    .filter((key) => spec.expect[key] !== undefined && view[key] !== spec.expect[key])
    .map(
      (key) =>
        `${key === 'remoteAddr' ? 'remote_addr' : key} is ${JSON.stringify(view[key])}, expected ${JSON.stringify(spec.expect[key])}`,
    );
  if (mismatches.length === 0)
    return { ...base, passed: true, message: `The app sees what it should from ${spec.client}.` };
  return {
    ...base,
    passed: false,
    message: `A request from ${spec.client}${sent}: the app's ${mismatches.join('; ')}. ${spec.because}.`,
    file: at?.file,
    line: at?.line,
  };
}
