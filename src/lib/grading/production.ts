/**
 * What production runs: a Procfile's `web` process (what the platform starts), else the command
 * of the systemd unit or Supervisor program (what the process manager starts), else the lesson's
 * run command.
 */
import { parseProcfile } from '../config/procfile';
import { loadProcess, serviceEnvironment, type ServiceEnvironment } from './process-manager';
import type { SourceLocation, WorkspaceFiles } from '../runtime/protocol';

export interface ProductionCommand {
  command: string;
  /** Where the command is written, when a project file says it. */
  source: SourceLocation | null;
}

export function productionCommand(files: WorkspaceFiles, fallback: string): ProductionCommand {
  const procfile = files['Procfile'];
  const web = procfile === undefined ? undefined : parseProcfile(procfile).find((entry) => entry.name === 'web');
  if (web) return { command: web.command, source: { file: 'Procfile', line: web.line } };
  const managed = loadProcess(files);
  if (managed?.ok) return { command: managed.process.argv.map(shellQuote).join(' '), source: managed.process.command };
  return { command: fallback, source: null };
}

/**
 * The environment production gives the app: when a systemd unit starts it, what the unit hands
 * over of `secrets` (see serviceEnvironment); otherwise `secrets` as they are.
 */
export function productionEnvironment(
  files: WorkspaceFiles,
  source: SourceLocation | null,
  secrets: Record<string, string>,
): ServiceEnvironment {
  const managed = source ? loadProcess(files) : null;
  if (managed?.ok && managed.process.file === source?.file) return serviceEnvironment(managed.process, secrets);
  return { env: secrets, credentials: null };
}

/** Quotes a word for the harness's shlex.split, as a shell would need it. */
function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'"'"'`)}'`;
}

/**
 * The line where a Gunicorn setting is written in gunicorn.conf.py (`timeout = 0`), else the line
 * of the command that starts the server, for the editor marker. The rule has already decided from
 * the value Gunicorn computed; this only points at it.
 */
export function settingSource(
  files: WorkspaceFiles,
  commandSource: SourceLocation | null,
  name: string,
): SourceLocation | null {
  const conf = files['gunicorn.conf.py'];
  const index = conf?.split('\n').findIndex((line) => new RegExp(`^\\s*${name}\\s*=`).test(line)) ?? -1;
  return index >= 0 ? { file: 'gunicorn.conf.py', line: index + 1 } : commandSource;
}
