/**
 * unstable-secret: the secret key is generated per process. Decided by starting the app twice
 * with the same environment, as a restart or a second worker would: a key that is not the
 * environment's and differs between the two runs is made at start. The source is read only to
 * point at the line that assigns it.
 */
import { describeExit, runApp, where } from '../context';
import type { GradingContext } from '../context';
import type { Rule } from '../rule';

const SECRET_VARIABLE = 'SECRET_KEY';

async function keyOfRun(context: GradingContext, cpuCount?: number) {
  const outcome = await runApp(context, context.production.env, cpuCount);
  if (!outcome.serving) return { outcome, key: undefined };
  const facts = await context.runtime.call('facts', { session: 'grader', files: context.files });
  return { outcome, key: facts.secretKey, facts };
}

export const unstableSecret: Rule = {
  id: 'unstable-secret',
  scope: 'app',
  severity: 'medium',
  title: 'The secret key is generated at start',
  explanation:
    'A key made when the process starts (secrets.token_hex(), os.urandom()) differs in every worker and after every ' +
    'restart: sessions and signed tokens from one process are rejected by the next, users are logged out at random.',
  fix: 'Generate the key once, keep it in the secret store, and read it from the environment: app.config["SECRET_KEY"] = os.environ["SECRET_KEY"].',
  references: [
    'https://flask.palletsprojects.com/en/stable/config/#SECRET_KEY',
    'https://flask.palletsprojects.com/en/stable/quickstart/#sessions',
  ],
  async evaluate(context) {
    const first = await keyOfRun(context);
    if (!first.outcome.serving) return { findings: [], inconclusive: describeExit(first.outcome) };
    const given = context.production.env[SECRET_VARIABLE];
    if (!first.key || first.key === given) return { findings: [] };
    // Another process with the same environment: a different CPU count makes it a fresh run.
    const second = await keyOfRun(context, 3);
    if (!second.outcome.serving) return { findings: [], inconclusive: describeExit(second.outcome) };
    if (!second.key || second.key === first.key) return { findings: [] };

    const assignments = first.facts?.settingLocations?.[SECRET_VARIABLE] ?? [];
    // A key written out in the code is not the one generated: point at a generating assignment, else the last computed one.
    const computed = assignments.filter((entry) => !entry.literal);
    const location = assignments.find((entry) => entry.random) ?? computed[computed.length - 1] ?? null;
    const unset = given === undefined ? ` (${SECRET_VARIABLE} is not set)` : '';
    const at = location ? ` at ${where(location)}` : '';
    return {
      findings: [
        {
          rule: 'unstable-secret',
          severity: 'medium',
          message: `The secret key${at} is generated at start${unset}: two runs with the same environment get different keys, so sessions break on every restart and between workers.`,
          file: location?.file ?? context.production.commandSource?.file,
          line: location?.line ?? context.production.commandSource?.line,
        },
      ],
    };
  },
};
