/**
 * What lesson checks.ts files import. Types only, so a lesson's checks carry no schema library into
 * the page; the loader validates them with the zod schema in checks-schema.ts.
 */
import type { CheckSpecInput } from './checks-schema';

/** Identity at run time; gives lesson authors types and completion in checks.ts. */
export function defineChecks(checks: CheckSpecInput[]): CheckSpecInput[] {
  return checks;
}
