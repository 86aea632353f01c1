/**
 * What Run starts: the same command the checks grade, so editing the Procfile's `web:` line
 * changes what Run starts. Pure, for the unit test; run.svelte.ts does the running.
 */
import { productionCommand } from '../grading/production';
import type { WorkspaceFiles } from '../runtime/protocol';

const DIM = '\x1b[2m';
const RESET = '\x1b[0m';

/** The command production runs for these files; `lessonCommand` stands in when there is no Procfile `web:`. */
export function commandToRun(files: WorkspaceFiles, lessonCommand: string): string {
  return productionCommand(files, lessonCommand).command;
}

/** The first terminal line of a run: the command as if typed at a prompt, dimmed. */
export function commandEcho(command: string): string {
  return `${DIM}$ ${command}${RESET}\n`;
}
