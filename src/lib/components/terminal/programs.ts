/**
 * Terminal commands that live in their own file (docs/terminal.md): each is a name, a line of help
 * and a function from its arguments and what the shell offers to the text it prints. Registering one
 * is one line in PROGRAMS; the command line and the shell find it there.
 */
import type { PythonRuntime } from '../../grading/runtime';
import type { WorkspaceFiles } from '../../runtime/protocol';
import { flaskSessionProgram } from './flask-session';
import { openssl } from './openssl';
import { pipAudit } from './pip-audit';
import { systemctl } from './systemctl';
import { werkzeugPinProgram } from './werkzeug-pin';

export interface ProgramContext {
  /** The learner's files as they are now (the nginx config, the unit). */
  files(): WorkspaceFiles;
  /** Start what production starts, as Run does. */
  run(): Promise<void>;
  /** Stop it, as Stop does. */
  stop(): Promise<void>;
  /** Whether something is being served now. */
  serving(): boolean;
  /** The Python runtime, for commands that read with Python's own libraries (pip-audit: `packaging`). */
  python?: PythonRuntime;
}

export interface Program {
  name: string;
  /** One line for `help`: usage, then what it does. */
  help: string;
  /** What to print (with `\n` line ends); side effects go through the context. */
  run(args: string[], context: ProgramContext): Promise<string>;
}

export const PROGRAMS: readonly Program[] = [openssl, systemctl, werkzeugPinProgram, flaskSessionProgram, pipAudit];

export function findProgram(name: string): Program | undefined {
  return PROGRAMS.find((program) => program.name === name);
}
