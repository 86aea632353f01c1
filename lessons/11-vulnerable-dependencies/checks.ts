import { defineChecks } from '../../src/lib/content/define-checks';

// A developer's shell: USER is set there (Werkzeug 3.0.1 derives the PIN from getpass.getuser(), which
// raises OSError on Python 3.13+ without it or a passwd entry, and 3.0.1 only expects KeyError).
const LAPTOP = { SECRET_KEY: 'a-long-random-value-from-the-secret-store', FLASK_DEBUG: '1', USER: 'dev' };

export default defineChecks([
  {
    kind: 'rule',
    id: 'no-known-advisories',
    redTeam: 'vulnerable pins',
    title: 'No pin has a published advisory',
    rule: 'vulnerable-dependency',
    env: LAPTOP,
    hint: 'Each finding names the version that fixes it. An advisory limited to Windows or to Jinja’s sandbox may instead go in advisories-ignored.txt, with that reason.',
  },
  {
    kind: 'requirements-pinned',
    id: 'pinned-with-hashes',
    title: 'Every requirement is one version, with its hash',
    hint: '`name==version --hash=sha256:…` on every line, the dependencies of your dependencies too.',
  },
  {
    kind: 'http',
    id: 'app-starts',
    title: 'The shop still starts and answers',
    env: LAPTOP,
    request: { method: 'GET', path: '/', headers: {} },
    expect: { status: 200, bodyIncludes: ['Corner Shop'] },
  },
  {
    kind: 'http',
    id: 'console-refuses-rebinding',
    title: "The debugger's console refuses a foreign Host",
    env: LAPTOP,
    request: { method: 'GET', path: '/console', headers: { Host: 'rebind.attacker.example' } },
    expect: { status: 400, bodyExcludes: ['SECRET = '] },
    hint: 'Werkzeug 3.0.3 and later answer the console only to Host: localhost or 127.0.0.1 (GHSA-2g68-c3qc-8985).',
  },
]);
