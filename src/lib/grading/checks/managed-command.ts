/**
 * The command a unit or Supervisor program starts: the program by absolute path inside the app's
 * virtual environment, and files it is given by absolute path too (a service has no shell PATH
 * of the developer's, and its working directory is whatever the unit says).
 */
import type { CheckSpec } from '../../content/checks-schema';
import type { GradingContext } from '../context';
import { loadProcess } from '../process-manager';
import { BlockedError, type CheckResult } from '../types';

type Spec = Extract<CheckSpec, { kind: 'managed-command' }>;

const VENV_BIN = /\/\.?venv\/bin\/[^/]+$/;
/** Options whose value is a file: gunicorn -c/--config, --pythonpath, --chdir; python's script. */
const FILE_OPTIONS = new Set(['-c', '--config', '--chdir', '--pythonpath']);

export function managedCommand(spec: Spec, context: GradingContext): CheckResult {
  const base = { id: spec.id, title: spec.title, hint: spec.hint };
  const loaded = loadProcess(context.files);
  if (loaded === null)
    return { ...base, passed: false, message: 'There is no systemd unit (*.service) or Supervisor program.' };
  if (!loaded.ok)
    throw new BlockedError({
      message: `${loaded.location.file}:${loaded.location.line}: ${loaded.error}`,
      ...loaded.location,
    });
  const { process } = loaded;
  const fail = (message: string): CheckResult => ({ ...base, passed: false, message, ...process.command });
  const [program = '', ...args] = process.argv;
  if (!program.startsWith('/')) {
    return fail(
      `The command starts "${program}" by name: give the absolute path of the virtual environment's program, e.g. /srv/shop/venv/bin/gunicorn.`,
    );
  }
  if (!VENV_BIN.test(program)) {
    return fail(
      `${program} is not inside a virtual environment: the system's copy has other versions than the ones you tested.`,
    );
  }
  const relative = args.find((arg, index) => FILE_OPTIONS.has(args[index - 1] ?? '') && !arg.startsWith('/'));
  if (relative) return fail(`${relative} is a relative path: write it in full (/srv/shop/${relative}).`);
  return { ...base, passed: true, message: `${process.file} starts ${program} with absolute paths.` };
}
