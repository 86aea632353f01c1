/**
 * `systemctl show|status|kill` for the lesson's unit file, so the learner can play the two attacks
 * lesson 07 is about before fixing them: reading the unit as any user would (`show` prints
 * Environment=, secrets included) and a crash that nobody restarts (`kill`). It reads the unit with
 * the project's systemd parser; what it prints follows systemctl's own wording, shortened.
 * Restart= decides what a kill leads to (systemd.service(5): the default is "no"; on-failure,
 * on-abnormal, always restart after a kill by a signal; on-success and no do not).
 */
import { environment, parseUnit, UnitSyntaxError, value, type Unit } from '../../config/systemd';
import type { WorkspaceFiles } from '../../runtime/protocol';
import type { Program, ProgramContext } from './programs';

const RESTARTS_AFTER_SIGNAL = new Set(['on-failure', 'on-abnormal', 'always']);
const USAGE =
  'usage: systemctl show UNIT [--property=NAME…] | systemctl status UNIT | systemctl kill [--signal=KILL] UNIT';

function findUnit(files: WorkspaceFiles, name: string): { unit: Unit; file: string } | string {
  const wanted = name.endsWith('.service') ? name : `${name}.service`;
  const file = Object.keys(files).find((path) => path === wanted || path.endsWith(`/${wanted}`));
  if (file === undefined) return `Unit ${wanted} could not be found.`;
  try {
    return { unit: parseUnit(files[file]!, file), file };
  } catch (error) {
    if (error instanceof UnitSyntaxError) return `Failed to parse ${file}: ${error.message}`;
    throw error;
  }
}

function show(unit: Unit, properties: string[]): string {
  const user = value(unit, 'Service', 'User')?.value ?? '';
  const env = environment(unit).map((pair) => `${pair.name}=${pair.value}`);
  const all: Record<string, string> = {
    User: user,
    Group: value(unit, 'Service', 'Group')?.value ?? '',
    Environment: env.join(' '),
    EnvironmentFiles:
      (value(unit, 'Service', 'EnvironmentFile')?.value ?? '') &&
      `${value(unit, 'Service', 'EnvironmentFile')!.value} (ignore_errors=no)`,
    ExecStart: value(unit, 'Service', 'ExecStart')?.value ?? '',
    Restart: value(unit, 'Service', 'Restart')?.value ?? 'no',
  };
  const names = properties.length > 0 ? properties : Object.keys(all);
  const lines = names.map((name) => `${name}=${all[name] ?? ''}`);
  const notes: string[] = [];
  if (env.length > 0) notes.push('(any user on this machine can run this and read those values)');
  if (!user) notes.push('(User= is empty: the service runs as root)');
  return [...lines, ...notes].join('\n') + '\n';
}

function restartPolicy(unit: Unit): string {
  return value(unit, 'Service', 'Restart')?.value ?? 'no';
}

async function kill(unit: Unit, file: string, context: ProgramContext): Promise<string> {
  if (!context.serving()) return `Failed to kill unit ${file}: the service is not running (type run first)\n`;
  const policy = restartPolicy(unit);
  await context.stop();
  const died = `${file}: Main process exited, code=killed, status=9/KILL\n${file}: Failed with result 'signal'.\n`;
  if (!RESTARTS_AFTER_SIGNAL.has(policy)) {
    return `${died}(Restart=${policy}: systemd leaves it down; curl now finds nothing listening)\n`;
  }
  await context.run();
  return `${died}${file}: Scheduled restart job (Restart=${policy}).\nStarted ${file}.\n`;
}

export const systemctl: Program = {
  name: 'systemctl',
  help: 'systemctl show|status|kill shop    the lesson unit, as systemd reads it',
  run: async (args, context) => {
    const [verb, ...rest] = args;
    const properties = rest.filter((a) => a.startsWith('--property=')).map((a) => a.slice('--property='.length));
    const names = rest.filter((a) => !a.startsWith('-'));
    if (!verb || names.length !== 1) return USAGE + '\n';
    const found = findUnit(context.files(), names[0]!);
    if (typeof found === 'string') return found + '\n';
    const { unit, file } = found;
    switch (verb) {
      case 'show':
        return show(unit, properties);
      case 'status': {
        const state = context.serving() ? 'active (running)' : 'inactive (dead)';
        return `● ${file}\n     Loaded: loaded (${file})\n     Active: ${state}\n    Restart: ${restartPolicy(unit)}\n`;
      }
      case 'kill':
        return kill(unit, file, context);
      default:
        return `systemctl: unknown command ${verb}\n${USAGE}\n`;
    }
  },
};
