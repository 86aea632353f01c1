import { describe, expect, it } from 'vitest';
import { forgeFlaskSession } from '../../grading/flask-session';
import type { ProgramContext } from './programs';
import { flaskSessionProgram } from './flask-session';

const context: ProgramContext = { files: () => ({}), serving: () => true, run: async () => {}, stop: async () => {} };

describe('flask-session', () => {
  it('prints a cookie with the payload, a timestamp and a signature that depends on the key', async () => {
    const out = await flaskSessionProgram.run(
      ['sign', '--key', 'sk_live_4f9a7c21e8b35d60', '{"user": "admin"}'],
      context,
    );
    const cookie = out.split('\n', 1)[0]!;
    // {"user":"admin"} in base64url, as Flask's compact JSON writes it.
    expect(cookie).toMatch(/^eyJ1c2VyIjoiYWRtaW4ifQ\.[\w-]+\.[\w-]{27}$/);
    expect(out).toContain(`curl -H 'Cookie: session=${cookie}' /account`);
    const now = Date.now();
    expect(await forgeFlaskSession({ user: 'admin' }, 'one', now)).not.toEqual(
      await forgeFlaskSession({ user: 'admin' }, 'two', now),
    );
  });

  it('says how to use it when the arguments are wrong', async () => {
    expect(await flaskSessionProgram.run([], context)).toContain('usage: flask-session sign');
    expect(await flaskSessionProgram.run(['sign', '{"user": "admin"}'], context)).toContain('usage:');
    expect(await flaskSessionProgram.run(['sign', '--key', 'k', '{user}'], context)).toContain('not JSON');
    expect(await flaskSessionProgram.run(['sign', '--key=k', '{"n": 1}'], context)).toContain('an object of strings');
  });
});
