/**
 * hardcoded-secret: the secret key is written in the code, as the value or as a fallback.
 * Decided by running the app twice: without SECRET_KEY in the environment (does it still have a
 * key? then the code supplied it) and with a fresh one (does the app use it?).
 */
import { appBlocker, runApp, where } from '../context';
import { BlockedError } from '../types';
import type { GradingContext } from '../context';
import type { Rule, RuleVerdict } from '../rule';

const SECRET_VARIABLE = 'SECRET_KEY';

async function keyUnder(context: GradingContext, env: Record<string, string>) {
  const outcome = await runApp(context, env);
  if (!outcome.serving) return { serving: false as const, outcome };
  const facts = await context.runtime.call('facts', { session: 'grader', files: context.files });
  return { serving: true as const, key: facts.secretKey, literal: facts.secretLiteral };
}

export const hardcodedSecret: Rule = {
  id: 'hardcoded-secret',
  scope: 'app',
  needs: { ownEnvironment: true },
  severity: 'high',
  title: 'The secret key is written in the code',
  explanation:
    'Anyone who reads the code, its history or a leaked traceback can sign session cookies with it: log in as any ' +
    'user, forge CSRF tokens. A fallback value is the same leak, live whenever the variable is missing.',
  fix: 'Read SECRET_KEY from the environment with no default, e.g. app.config["SECRET_KEY"] = os.environ["SECRET_KEY"], so a missing key stops the app at start.',
  references: [
    'https://cwe.mitre.org/data/definitions/798.html',
    'https://flask.palletsprojects.com/en/stable/config/#SECRET_KEY',
  ],
  async evaluate(context): Promise<RuleVerdict> {
    const { [SECRET_VARIABLE]: _given, ...withoutSecret } = context.production.env;
    const missing = await keyUnder(context, withoutSecret);
    // A key the app has without the variable is hardcoded only if the code spells it out; a key
    // generated at start (secrets.token_hex) is a different problem (sessions break on restart).
    if (missing.serving && missing.key && missing.literal) {
      return finding(
        `With ${SECRET_VARIABLE} unset the app still starts, with the key written at ${where(missing.literal)}: a fallback secret that anyone reading the code knows.`,
        missing.literal,
      );
    }
    const fresh = `prodready-check-${Math.random().toString(36).slice(2)}`;
    const given = await keyUnder(context, { ...context.production.env, [SECRET_VARIABLE]: fresh });
    if (given.serving && given.key && given.key !== fresh && given.literal) {
      return finding(
        `The secret key is written in the code at ${where(given.literal)}; ${SECRET_VARIABLE} from the environment is ignored.`,
        given.literal,
      );
    }
    if (!given.serving) throw new BlockedError(appBlocker(given.outcome));
    return { findings: [] };
  },
};

function finding(message: string, location: { file: string; line: number } | null): RuleVerdict {
  return {
    findings: [
      {
        rule: 'hardcoded-secret',
        severity: 'high',
        message,
        file: location?.file,
        line: location?.line,
      },
    ],
  };
}
