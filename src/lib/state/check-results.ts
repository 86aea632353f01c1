/** A lesson's last check results as saved under `prodready:v1:checks:<lessonId>`, validated on load. Pure. */
import type { CheckResult } from '../grading/types';

export function isCheckResults(value: unknown): value is CheckResult[] {
  return (
    Array.isArray(value) &&
    value.every(
      (r: unknown) =>
        typeof r === 'object' &&
        r !== null &&
        typeof (r as CheckResult).id === 'string' &&
        typeof (r as CheckResult).title === 'string' &&
        typeof (r as CheckResult).passed === 'boolean' &&
        typeof (r as CheckResult).message === 'string',
    )
  );
}
