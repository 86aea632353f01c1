/**
 * werkzeugPin against Werkzeug itself: the real get_pin_and_cookie_name and get_machine_id in
 * Pyodide, reading facts written into the virtual machine's files and environment, on generated
 * variants (users, modules, MAC addresses, machine ids, boot ids, cgroup lines).
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { NodeRuntime } from '../../cli/node-runtime';
import { macToNode, werkzeugPin, type PinFacts } from './werkzeug-pin';

let runtime: NodeRuntime;
beforeAll(async () => {
  runtime = await NodeRuntime.start();
});

/** A small deterministic generator, so a failure names a case that can be run again. */
function* variants(count: number): Generator<PinFacts & { bootId: string }> {
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  const hex = (n: number) => Array.from({ length: n }, () => ((next() >>> 16) % 16).toString(16)).join('');
  const users = ['root', 'www-data', 'shop', 'ünïcode', null];
  for (let i = 0; i < count; i++) {
    const mac = Array.from({ length: 6 }, () => hex(2)).join(':');
    yield {
      user: users[i % users.length]!,
      modname: i % 2 === 0 ? 'flask.app' : `shop_module_${i}`,
      appname: i % 3 === 0 ? 'wsgi_app' : 'Flask',
      moduleFile: `/srv/venv-${hex(4)}/lib/python3.11/site-packages/flask/app.py`,
      mac: i % 4 === 1 ? mac.toUpperCase() : mac,
      machineId: i % 5 === 2 ? null : `${hex(32)}\n`,
      bootId: `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}\n`,
      cgroup: i % 6 === 3 ? null : `0::/system.slice/shop-${i}.service\n1:name=systemd:/other\n`,
    };
  }
}

const SCRIPT = String.raw`
import json, os, sys, types, uuid
import werkzeug.debug as debug

cases = json.loads(os.environ["CASES"])
out = []
for case in cases:
    for path, text in (("/etc/machine-id", case["machineId"]), ("/proc/self/cgroup", case["cgroup"])):
        if text is None:
            if os.path.exists(path):
                os.remove(path)
        else:
            with open(path, "w") as f:
                f.write(text)
    with open("/proc/sys/kernel/random/boot_id", "w") as f:
        f.write(case["bootId"])
    debug._machine_id = None
    uuid._node = int(case["mac"].replace(":", ""), 16)
    # getpass.getuser() reads USER first; without it, the password database for uid 0 (root).
    os.environ.pop("USER", None)
    if case["user"] is not None:
        os.environ["USER"] = case["user"]
    module = types.ModuleType(case["modname"])
    module.__file__ = case["moduleFile"]
    saved = sys.modules.get(case["modname"])
    sys.modules[case["modname"]] = module
    app = types.SimpleNamespace(__module__=case["modname"], __name__=case["appname"])
    try:
        out.append(debug.get_pin_and_cookie_name(app))
    finally:
        if saved is not None:
            sys.modules[case["modname"]] = saved
print("RESULT " + json.dumps(out))
`;

describe('werkzeugPin', () => {
  test('macToNode: the MAC as uuid.getnode() prints it', () => {
    expect(macToNode('02:42:ac:11:00:02')).toBe(String(0x0242ac110002));
    expect(macToNode('190689786840926')).toBe('190689786840926');
    expect(() => macToNode('02:42:ac')).toThrow(/not a MAC address/);
  });

  test("equals Werkzeug's own get_pin_and_cookie_name on generated facts", async () => {
    const cases = [...variants(30)];
    const outcome = await runtime.call('run', {
      session: 'pin',
      files: { 'pin_check.py': SCRIPT },
      command: 'python pin_check.py',
      env: { CASES: JSON.stringify(cases) },
    });
    const line = /^RESULT (.*)$/m.exec(outcome.log);
    expect(line, outcome.log).not.toBeNull();
    const expected = JSON.parse(line![1]!) as Array<[string, string]>;
    expect(expected).toHaveLength(cases.length);
    for (const [index, facts] of cases.entries()) {
      // A user of null reads as root: getpass falls back to uid 0 in the password database.
      const ours = await werkzeugPin({
        ...facts,
        user: facts.user ?? 'root',
        machineId: facts.machineId ?? facts.bootId,
      });
      expect([ours.pin, ours.cookieName], `case ${index}: ${JSON.stringify(facts)}`).toEqual(expected[index]);
    }
  });
});
