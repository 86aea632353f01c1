/** The Apache site parses; a syntax error is reported as `apachectl -t` words it, with file and line. */
import type { CheckSpec } from '../../content/checks-schema';
import { apacheBlocker, loadApache } from '../apache-chain';
import type { GradingContext } from '../context';
import type { CheckResult } from '../types';

type Spec = Extract<CheckSpec, { kind: 'apache-syntax' }>;

export function apacheSyntax(spec: Spec, context: GradingContext): CheckResult {
  const base = { id: spec.id, title: spec.title, hint: spec.hint };
  const loaded = loadApache(context.files);
  if (loaded === null) return { ...base, passed: false, message: 'There is no Apache site: write apache/shop.conf.' };
  if (!loaded.ok) {
    const blocking = apacheBlocker(loaded.error);
    return { ...base, passed: false, message: blocking.message, file: blocking.file, line: blocking.line, blocking };
  }
  return { ...base, passed: true, message: `Apache accepts ${loaded.apache.file}.` };
}
