import { describe, expect, it } from 'vitest';
import { werkzeugPin } from '../../grading/werkzeug-pin';
import type { ProgramContext } from './programs';
import { parsePinArgs, werkzeugPinProgram } from './werkzeug-pin';

const context: ProgramContext = { files: () => ({}), serving: () => true, run: async () => {}, stop: async () => {} };
const FACTS = [
  '--user',
  'root',
  '--path',
  '/lib/python3.14/site-packages/flask/app.py',
  '--mac',
  '02:42:ac:11:00:02',
  '--machine-id',
  '4f6c9e1b2a7d4c3e8b5f0a1d2c3b4a59',
  '--cgroup=0::/system.slice/shop.service',
];

describe('werkzeug-pin', () => {
  it('prints the PIN and cookie name of grading/werkzeug-pin.ts for the facts given', async () => {
    const expected = await werkzeugPin({
      user: 'root',
      modname: 'flask.app',
      appname: 'Flask',
      moduleFile: '/lib/python3.14/site-packages/flask/app.py',
      mac: '02:42:ac:11:00:02',
      machineId: '4f6c9e1b2a7d4c3e8b5f0a1d2c3b4a59',
      cgroup: '0::/system.slice/shop.service',
    });
    const out = await werkzeugPinProgram.run(FACTS, context);
    expect(out).toContain(`PIN: ${expected.pin}\n`);
    expect(out).toContain(`cookie: ${expected.cookieName}\n`);
    expect(expected.pin).toMatch(/^\d{3}-\d{3}-\d{3}$/);
  });

  it('a different app name (app.wsgi_app wrapped) gives another PIN', async () => {
    const flask = await werkzeugPinProgram.run(FACTS, context);
    const wsgiApp = await werkzeugPinProgram.run([...FACTS, '--appname', 'wsgi_app'], context);
    expect(wsgiApp).not.toEqual(flask);
  });

  it('says what is missing or wrong, with the usage', async () => {
    expect(await werkzeugPinProgram.run([], context)).toContain('usage: werkzeug-pin');
    expect(await werkzeugPinProgram.run(['--user', 'root'], context)).toContain('missing --path, --mac, --machine-id');
    expect(await werkzeugPinProgram.run(['--colour', 'red'], context)).toContain('unknown argument "--colour"');
    expect(parsePinArgs(['--mac'])).toBe('werkzeug-pin: --mac needs a value');
    expect(await werkzeugPinProgram.run([...FACTS.slice(0, 4), '--mac', 'zz', '--machine-id', 'x'], context)).toContain(
      'not a MAC address',
    );
  });
});
