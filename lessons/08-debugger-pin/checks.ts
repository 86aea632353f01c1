import { defineChecks } from '../../src/lib/content/define-checks';

const SECRET = { SECRET_KEY: 'a-long-random-value-from-the-secret-store' };

export default defineChecks([
  { kind: 'python-syntax', id: 'parses', title: 'Every Python file parses' },
  {
    kind: 'debugger-chain',
    id: 'chain-broken',
    redTeam: "the debugger's PIN from leaked files, with a forged Host",
    title: 'The attack fails: no machine file through /download, no console to unlock',
    env: SECRET,
    fileRead: { path: '/download', param: 'name' },
    hint: 'Both links: send_from_directory for the downloads, and no DebuggedApplication in wsgi.py.',
  },
  {
    kind: 'rule',
    id: 'no-debugger',
    title: 'Nothing production imports serves the Werkzeug debugger',
    rule: 'debug-enabled',
    env: SECRET,
    hint: 'wsgi.py gives Gunicorn the Flask app itself: from app import app',
  },
  {
    kind: 'rule',
    id: 'pin-not-disabled',
    title: 'No debugger console without a PIN',
    rule: 'debugger-pin-disabled',
    env: SECRET,
  },
  {
    kind: 'http',
    id: 'crash-shows-nothing',
    title: 'A crash answers a plain 500, without a traceback',
    env: SECRET,
    request: { path: '/orders/abc' },
    expect: { status: 500, noTraceback: true, noSecret: true },
  },
  {
    kind: 'http',
    id: 'downloads-work',
    title: 'Customers still download the price list',
    env: SECRET,
    request: { path: '/download?name=price-list.txt' },
    expect: { status: 200, bodyIncludes: ['Espresso beans, 1 kg ........ 19.90 EUR'] },
    hint: 'Keep the route; serve the file with send_from_directory(DOWNLOADS, name).',
  },
]);
