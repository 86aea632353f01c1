import { defineChecks } from '../../src/lib/content/define-checks';

const SECRET = { SECRET_KEY: 'a-long-random-value-from-the-secret-store' };

export default defineChecks([
  {
    kind: 'python-syntax',
    id: 'parses',
    title: 'Every Python file parses',
  },
  {
    kind: 'rule',
    id: 'debug-off-in-production',
    title: 'Debug mode is off when production starts the app',
    rule: 'debug-enabled',
    env: SECRET,
    hint: 'Remove debug=True. Flask.run() reads FLASK_DEBUG by itself.',
  },
  {
    kind: 'env-matrix',
    id: 'debug-opt-in',
    title: 'FLASK_DEBUG=1 opts in; unset, 0 and false keep debug off',
    hint: 'Do not compute debug yourself with a default of "on"; let Flask read FLASK_DEBUG.',
    cases: [
      { label: 'FLASK_DEBUG unset', env: SECRET, expect: 'debug-off' },
      { label: 'FLASK_DEBUG=0', env: { ...SECRET, FLASK_DEBUG: '0' }, expect: 'debug-off' },
      { label: 'FLASK_DEBUG=false', env: { ...SECRET, FLASK_DEBUG: 'false' }, expect: 'debug-off' },
      { label: 'FLASK_DEBUG=1', env: { ...SECRET, FLASK_DEBUG: '1' }, expect: 'debug-on' },
    ],
  },
  {
    kind: 'http',
    id: 'generic-500',
    redTeam: 'a traceback for a crash',
    title: 'The attack gets a generic 500: no traceback, no paths, no secret',
    env: SECRET,
    request: { path: '/orders/abc' },
    expect: { status: 500, noTraceback: true, noSecret: true },
  },
  {
    kind: 'http',
    id: 'traceback-logged',
    title: 'The traceback still reaches the server log',
    env: SECRET,
    request: { path: '/orders/abc' },
    expect: { status: 500, logIncludes: ['Traceback (most recent call last)', 'ValueError'] },
    hint: 'Let the exception reach Flask: it logs the traceback for you, and answers the client with a plain 500.',
  },
  {
    kind: 'rule',
    id: 'no-traceback-in-responses',
    title: 'No response carries a traceback',
    rule: 'traceback-exposed',
    env: SECRET,
  },
  {
    kind: 'rule',
    id: 'secret-from-environment',
    title: 'SECRET_KEY comes from the environment, with no fallback in the code',
    rule: 'hardcoded-secret',
    env: SECRET,
    hint: 'os.environ.get("SECRET_KEY", "something") still ships "something". Read it with no default.',
  },
  {
    kind: 'env-matrix',
    id: 'refuses-without-secret',
    title: 'Without SECRET_KEY the app refuses to start, and says why',
    cases: [{ label: 'SECRET_KEY unset', env: {}, expect: 'refuses-to-start', logIncludes: ['SECRET_KEY'] }],
  },
]);
