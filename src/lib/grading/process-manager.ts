/**
 * The process manager's view of the app: a systemd unit (`*.service`) or a Supervisor program,
 * reduced to what the rules ask (command, user, restart policy, environment, sandboxing), each
 * with the line it is written on.
 */
import { SupervisorSyntaxError, option, parseEnvironment, parseSupervisor, programs } from '../config/supervisor';
import {
  UnitSyntaxError,
  environment,
  parseExec,
  parseUnit,
  splitWords,
  value,
  values,
  type Unit,
} from '../config/systemd';
import type { SourceLocation, WorkspaceFiles } from '../runtime/protocol';

export interface Setting extends SourceLocation {
  value: string;
}

export interface ManagedProcess {
  kind: 'systemd' | 'supervisor';
  file: string;
  /** The [Service] or [program:x] header line. */
  section: SourceLocation;
  /** argv of what it starts. */
  argv: string[];
  command: SourceLocation;
  user: Setting | null;
  restart: Setting | null;
  environment: Array<Setting & { name: string }>;
  /** systemd only: sandboxing directives by name. */
  sandboxing: Map<string, Setting>;
  /** systemd only: EnvironmentFile= and LoadCredential= lines (where secrets should come from). */
  secretSources: Setting[];
  /** systemd only: EnvironmentFile= lines. */
  environmentFiles: Setting[];
  /** systemd only: LoadCredential=NAME[:PATH] lines, by credential name. */
  credentials: Array<Setting & { name: string }>;
  /** WorkingDirectory= (systemd) or directory= (Supervisor): the folder it starts in. */
  workingDirectory: Setting | null;
}

export type ProcessLoad =
  { ok: true; process: ManagedProcess } | { ok: false; error: string; location: SourceLocation } | null;

const setting = (entry: { value: string; file: string; line: number } | undefined): Setting | null =>
  entry ? { value: entry.value, file: entry.file, line: entry.line } : null;

function fromUnit(unit: Unit): ManagedProcess | null {
  const service = unit.sections.find((section) => section.name === 'Service');
  const start = value(unit, 'Service', 'ExecStart');
  if (!service || !start) return null;
  const exec = parseExec(start);
  const sandboxing = new Map<string, Setting>();
  for (const entry of service.entries) {
    if (
      /^(NoNewPrivileges|Protect\w+|Private\w+|Restrict\w+|LockPersonality|MemoryDenyWriteExecute|CapabilityBoundingSet|SystemCallFilter)$/.test(
        entry.key,
      )
    ) {
      sandboxing.set(entry.key, { value: entry.value, file: entry.file, line: entry.line });
    }
  }
  return {
    kind: 'systemd',
    file: unit.file,
    section: { file: service.file, line: service.line },
    argv: exec.argv,
    command: { file: start.file, line: start.line },
    user:
      setting(value(unit, 'Service', 'User')) ??
      (/^(yes|true|1|on)$/i.test(value(unit, 'Service', 'DynamicUser')?.value ?? '')
        ? setting(value(unit, 'Service', 'DynamicUser'))
        : null),
    restart: setting(value(unit, 'Service', 'Restart')),
    workingDirectory: setting(value(unit, 'Service', 'WorkingDirectory')),
    environment: environment(unit).map((pair) => ({
      name: pair.name,
      value: pair.value,
      file: pair.entry.file,
      line: pair.entry.line,
    })),
    sandboxing,
    secretSources: [...values(unit, 'Service', 'EnvironmentFile'), ...values(unit, 'Service', 'LoadCredential')].map(
      (entry) => ({ value: entry.value, file: entry.file, line: entry.line }),
    ),
    environmentFiles: values(unit, 'Service', 'EnvironmentFile').map((entry) => ({
      value: entry.value,
      file: entry.file,
      line: entry.line,
    })),
    credentials: values(unit, 'Service', 'LoadCredential').map((entry) => ({
      name: entry.value.split(':')[0] ?? '',
      value: entry.value,
      file: entry.file,
      line: entry.line,
    })),
  };
}

function fromSupervisor(text: string, file: string): ManagedProcess | null {
  const program = programs(parseSupervisor(text, file))[0];
  const command = program && option(program, 'command');
  if (!program || !command) return null;
  const env = option(program, 'environment');
  return {
    kind: 'supervisor',
    file,
    section: { file, line: program.line },
    // Supervisor splits with shlex; systemd's quoting rules agree with it on ordinary commands.
    argv: splitWords(command.value),
    command: { file, line: command.line },
    user: setting(option(program, 'user')),
    restart: setting(option(program, 'autorestart')) ?? { value: 'unexpected', file, line: program.line },
    workingDirectory: setting(option(program, 'directory')),
    environment: env
      ? parseEnvironment(env.value).map(([name, val]) => ({ name, value: val, file, line: env.line }))
      : [],
    sandboxing: new Map(),
    secretSources: [],
    environmentFiles: [],
    credentials: [],
  };
}

/** Where systemd puts a unit's credentials; $CREDENTIALS_DIRECTORY names it (systemd.exec, "Credentials"). */
export function credentialsDirectory(unitFile: string): string {
  return `/run/credentials/${unitFile.split('/').pop()}`;
}

export interface ServiceEnvironment {
  env: Record<string, string>;
  credentials: { directory: string; files: Record<string, string> } | null;
}

/**
 * What a systemd unit really hands the app, given the values the secret store holds (`secrets`,
 * e.g. SECRET_KEY): its Environment= pairs; the secrets as variables only through an
 * EnvironmentFile= (the root-only file that holds them); through LoadCredential=NAME as files in
 * $CREDENTIALS_DIRECTORY, never as variables, so an app that reads only os.environ does not get
 * them (systemd.exec(5), "Credentials"). NAME takes the secret of the same name (secret_key ↔
 * SECRET_KEY), else the first one.
 */
export function serviceEnvironment(process: ManagedProcess, secrets: Record<string, string>): ServiceEnvironment {
  const own = Object.fromEntries(process.environment.map((pair) => [pair.name, pair.value]));
  // Supervisor's environment= often passes supervisord's own variables on (%(ENV_SECRET_KEY)s).
  if (process.kind !== 'systemd') return { env: secrets, credentials: null };
  const env = process.environmentFiles.length > 0 ? { ...secrets, ...own } : own;
  if (process.credentials.length === 0) return { env, credentials: null };
  const values = Object.entries(secrets);
  const files = Object.fromEntries(
    process.credentials.map(({ name }) => {
      const same = values.find(([variable]) => variable.toLowerCase() === name.toLowerCase());
      return [name, (same ?? values[0])?.[1] ?? ''];
    }),
  );
  const directory = credentialsDirectory(process.file);
  return { env: { ...env, CREDENTIALS_DIRECTORY: directory }, credentials: { directory, files } };
}

/** One named file read as a systemd unit or a Supervisor config (for `prodready audit`, which finds them anywhere). */
export function loadProcessFile(text: string, file: string, kind: 'systemd' | 'supervisor'): ProcessLoad {
  try {
    const process = kind === 'systemd' ? fromUnit(parseUnit(text, file)) : fromSupervisor(text, file);
    if (process) return { ok: true, process };
    const error = kind === 'systemd' ? 'the unit has no [Service] ExecStart=' : 'no [program:x] with a command=';
    return { ok: false, error, location: { file, line: 1 } };
  } catch (error) {
    if (error instanceof UnitSyntaxError || error instanceof SupervisorSyntaxError) {
      return { ok: false, error: error.message, location: { file: error.file, line: error.line } };
    }
    throw error;
  }
}

/** The workspace's unit or Supervisor program, if it has one. */
export function loadProcess(files: WorkspaceFiles): ProcessLoad {
  const unitFile = Object.keys(files)
    .filter((path) => path.endsWith('.service'))
    .sort()[0];
  const supervisorFile = Object.keys(files)
    .filter((path) => /(^|\/)supervisor(d)?\.conf$|(^|\/)supervisor\/[^/]+\.conf$/.test(path))
    .sort()[0];
  try {
    if (unitFile) {
      const process = fromUnit(parseUnit(files[unitFile]!, unitFile));
      return process
        ? { ok: true, process }
        : { ok: false, error: 'the unit has no [Service] ExecStart=', location: { file: unitFile, line: 1 } };
    }
    if (supervisorFile) {
      const process = fromSupervisor(files[supervisorFile]!, supervisorFile);
      return process
        ? { ok: true, process }
        : { ok: false, error: 'no [program:x] with a command=', location: { file: supervisorFile, line: 1 } };
    }
  } catch (error) {
    if (error instanceof UnitSyntaxError || error instanceof SupervisorSyntaxError) {
      return { ok: false, error: error.message, location: { file: error.file, line: error.line } };
    }
    throw error;
  }
  return null;
}
