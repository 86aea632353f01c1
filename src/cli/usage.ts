/** Each command's usage line, for `prodready --help`, `prodready COMMAND --help` and a usage error. */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {}

export const COMMAND_USAGE = {
  grade: `  prodready grade LESSON-ID DIR [--json]   grade DIR as a submission for that lesson`,
  audit: `  prodready audit DIR [--format text|json|sarif] [--fail-on high|medium|low]
                                           run the rules over a real project (exit 1 on findings at or above --fail-on, default medium)`,
  'lessons check': `  prodready lessons check [LESSON-ID...]    prove every lesson, or those named (starter, solution, mistakes)`,
  'lessons export': `  prodready lessons export LESSON-ID DIR [--solution]
                                           write the lesson's starter (or its solution) into DIR, a new or empty folder`,
  record: `  prodready record LESSON-ID… DIR… --out RECORD.json [--learner NAME]
                                           a completion record of each DIR as the work for the LESSON-ID in the same place
  prodready record --schema                the record's JSON Schema (docs/record.md)`,
  'export scorm': `  prodready export scorm [--track TAG] --out FILE.zip
                                           the built site (dist/) as a SCORM 1.2 package (docs/scorm.md)`,
  verify: `  prodready verify RECORD.json… [--json] [--accept-revealed]
                                           re-grade every lesson of each record, confined; a summary table for several`,
} as const;

export type CommandName = keyof typeof COMMAND_USAGE;

const EXIT_CODES =
  'exit codes: 0 clean, 1 failed checks or findings, 2 bad usage, 3 could not judge (see docs/confinement.md)';

export const USAGE = `usage:
${Object.values(COMMAND_USAGE).join('\n')}
  prodready --version
${EXIT_CODES}`;

export function commandUsage(name: CommandName): string {
  return `usage:\n${COMMAND_USAGE[name]}\n${EXIT_CODES}`;
}

/** node:util's parseArgs, strict, with its errors as usage errors. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.split('\n')[0]! : String(error));
  }
}
