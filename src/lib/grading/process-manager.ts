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
    environment: env
      ? parseEnvironment(env.value).map(([name, val]) => ({ name, value: val, file, line: env.line }))
      : [],
    sandboxing: new Map(),
    secretSources: [],
  };
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
