/**
 * Can the process manager start what the unit or program names, on the server as it is? The server
 * holds the workspace at `appRoot` and the files `machine` lists (the virtual environment's
 * programs, the env file the secret store writes). A path that is not there does not fail once:
 * systemd logs "Failed to load environment files: No such file or directory" (or "Failed at step
 * EXEC") and, with Restart=, starts it again every RestartSec, forever (systemd.exec(5),
 * EnvironmentFile=); supervisord logs "can't find command" and retries until FATAL
 * (supervisord.conf, startretries). Nothing serves meanwhile.
 */
import type { CheckSpec } from '../../content/checks-schema';
import type { GradingContext } from '../context';
import { loadProcess, type ManagedProcess } from '../process-manager';
import { BlockedError, type CheckResult } from '../types';

type Spec = Extract<CheckSpec, { kind: 'service-starts' }>;

/** Options whose value is a file the server must hold: gunicorn -c/--config, waitress has none. */
const FILE_OPTIONS = new Set(['-c', '--config']);

function serverFiles(spec: Spec, context: GradingContext): Set<string> {
  const root = spec.appRoot.replace(/\/$/, '');
  return new Set([...spec.machine, ...Object.keys(context.files).map((path) => `${root}/${path}`)]);
}

const folderOf = (files: Set<string>, folder: string) =>
  [...files].some((file) => file.startsWith(`${folder.replace(/\/$/, '')}/`));

/** What the manager says when a path is missing, and what it does next. */
function consequence(process: ManagedProcess): string {
  if (process.kind === 'supervisor')
    return 'supervisord retries it (startretries) and gives up: FATAL, nothing serves.';
  return process.restart && process.restart.value !== 'no'
    ? `the unit fails at every start and Restart=${process.restart.value} starts it again, forever: a restart loop, nothing serves.`
    : 'the unit fails at start and stays down.';
}

export function serviceStarts(spec: Spec, context: GradingContext): CheckResult {
  const base = { id: spec.id, title: spec.title, hint: spec.hint };
  const loaded = loadProcess(context.files);
  if (loaded === null)
    return {
      ...base,
      passed: false,
      message: 'There is no systemd unit (*.service) or Supervisor program to start the app.',
    };
  if (!loaded.ok)
    throw new BlockedError({ message: `${loaded.location.file}:${loaded.location.line}: ${loaded.error}`, ...loaded.location }); // prettier-ignore
  const { process } = loaded;
  const files = serverFiles(spec, context);
  const missing = (at: { file: string; line: number }, what: string): CheckResult => ({
    ...base,
    passed: false,
    message: `${what}: ${consequence(process)}`,
    file: at.file,
    line: at.line,
  });
  for (const entry of process.environmentFiles) {
    // A leading "-" tells systemd a missing file is fine (systemd.exec(5)).
    if (entry.value.startsWith('-')) continue;
    if (!files.has(entry.value))
      return missing(entry, `EnvironmentFile=${entry.value} is not on the server (systemd: "Failed to load environment files: No such file or directory")`); // prettier-ignore
  }
  const [program = '', ...args] = process.argv;
  if (!files.has(program)) {
    const words =
      process.kind === 'supervisor' ? `supervisord: "can't find command '${program}'"` : `systemd: "Failed to locate executable ${program}: No such file or directory"`; // prettier-ignore
    return missing(process.command, `${program} is not on the server (${words})`);
  }
  // python SCRIPT: the script is a file too (python -m MODULE names none).
  const script =
    /\/python[\d.]*$/.test(program) && args[0] !== undefined && !args[0].startsWith('-') ? args[0] : undefined;
  if (script !== undefined && !files.has(script))
    return missing(process.command, `${script} is not on the server (python: "can't open file '${script}': No such file or directory")`); // prettier-ignore
  const config = args.find((arg, index) => FILE_OPTIONS.has(args[index - 1] ?? ''));
  if (config !== undefined && !files.has(config))
    return missing(process.command, `${config} is not on the server (the server exits: "Error: ${config} doesn't exist")`); // prettier-ignore
  const directory = process.workingDirectory;
  if (directory && !folderOf(files, directory.value))
    return missing(directory, `${directory.value} is not a folder on the server (systemd: "Changing to the requested working directory failed")`); // prettier-ignore
  return { ...base, passed: true, message: `Every path ${process.file} names is on the server: ${program} starts.` };
}
