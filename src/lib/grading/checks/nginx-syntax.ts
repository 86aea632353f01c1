/** The nginx config parses; a syntax error is reported as nginx -t words it, with line and column. */
import type { CheckSpec } from '../../content/checks-schema';
import type { GradingContext } from '../context';
import { loadNginx, nginxBlocker } from '../proxy-chain';
import type { CheckResult } from '../types';

type Spec = Extract<CheckSpec, { kind: 'nginx-syntax' }>;

export function nginxSyntax(spec: Spec, context: GradingContext): CheckResult {
  const base = { id: spec.id, title: spec.title, hint: spec.hint };
  const loaded = loadNginx(context.files);
  if (loaded === null) return { ...base, passed: false, message: 'There is no nginx config: write nginx/shop.conf.' };
  if (!loaded.ok) {
    const blocking = nginxBlocker(loaded.error);
    return { ...base, passed: false, message: blocking.message, file: blocking.file, line: blocking.line, blocking };
  }
  return { ...base, passed: true, message: `nginx accepts ${loaded.nginx.file}.` };
}
