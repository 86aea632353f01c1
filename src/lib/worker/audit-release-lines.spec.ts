/**
 * Older release lines in the audit's packages (release_lines.py): a project whose requirements pin
 * marshmallow 2 runs marshmallow 2, with the Flask-Marshmallow release that takes it; any other
 * project runs the newest bundled release, in the same runtime, one after the other.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { NodeRuntime } from '../../cli/node-runtime';
import type { RunOutcome, WorkspaceFiles } from '../runtime/protocol';

let runtime: NodeRuntime;
beforeAll(async () => {
  runtime = await NodeRuntime.start();
}, 120_000);

const run = (files: WorkspaceFiles) =>
  runtime.call('run', { session: 'release-lines', files, command: 'gunicorn app:app', env: {}, audit: true });
const body = async () =>
  (await runtime.call('request', { session: 'release-lines', request: { method: 'GET', path: '/', headers: [] } }))
    .body;
const serving = (outcome: RunOutcome) => expect(outcome.exit, outcome.log.slice(-1500)).toBeNull();

// marshmallow 3 refuses `only="name"` (a string, not a collection) at import; marshmallow 2 takes it.
const MARSHMALLOW_2_SCHEMA = `import importlib.metadata
import marshmallow
import flask_marshmallow  # 0.10.1 imports distutils.version, gone from Python 3.12: stood in for
from marshmallow import Schema, fields
from flask import Flask

class Inner(Schema):
    name = fields.String()

class Outer(Schema):
    inner = fields.Nested(Inner, only=("name"))

app = Flask(__name__)

@app.route("/")
def home():
    versions = [importlib.metadata.version(name) for name in ("marshmallow", "flask-marshmallow")]
    return " ".join([marshmallow.__version__, *versions])
`;

describe('a project pinning an older release line', () => {
  test.each([
    ['requirements.txt', 'flask-marshmallow==0.10.1\nmarshmallow==2.20.2\n', 'requirements.txt:2'],
    [
      'pyproject.toml',
      '[project]\nname = "x"\ndependencies = ["marshmallow<3", "flask-marshmallow"]\n',
      'pyproject.toml:3',
    ],
    ['Pipfile.lock', '{"default": {"marshmallow": {"version": "==2.19.5"}}}\n', 'Pipfile.lock:1'],
  ])('%s pins marshmallow 2: the app runs marshmallow 2.21.0, said in a note', async (file, text, where) => {
    const outcome = await run({ 'app.py': MARSHMALLOW_2_SCHEMA, [file]: text });
    serving(outcome);
    expect(outcome.standIns?.filter((name) => name.includes('marshmallow'))).toEqual([]);
    expect(outcome.notes?.find((note) => note.includes('the app ran marshmallow '))).toMatch(
      new RegExp(
        `\\(${where.replace('.', '\\.')}\\): the app ran marshmallow 2\\.21\\.0, the audit's release of that line, not 3\\.26\\.2`,
      ),
    );
    // Flask-Marshmallow 1.x requires marshmallow 3: the release that takes 2 runs, pinned or not.
    expect(await body()).toBe('2.21.0 2.21.0 0.10.1');
  });

  test('a pin the bundled line admits, or none, runs the bundled release; the switch back happens in the same runtime', async () => {
    const app = MARSHMALLOW_2_SCHEMA.replace('only=("name")', 'only=("name",)');
    for (const requirements of ['marshmallow==3.21.3\nflask-marshmallow\n', 'flask\n', 'marshmallow==2.20.2\n', '']) {
      const outcome = await run({ 'app.py': app, 'requirements.txt': requirements });
      serving(outcome);
      const older = requirements.includes('==2.');
      expect(await body()).toBe(older ? '2.21.0 2.21.0 0.10.1' : '3.26.2 3.26.2 1.3.0');
      expect(outcome.notes?.some((note) => note.includes("the audit's release of that line"))).toBe(older);
    }
  });

  test('with the bundled marshmallow 3 the same schema fails at import, as marshmallow 3 refuses it', async () => {
    const outcome = await run({ 'app.py': MARSHMALLOW_2_SCHEMA, 'requirements.txt': 'marshmallow>=3\n' });
    expect(outcome.exit?.message ?? '', outcome.log.slice(-800)).not.toBe('');
    expect(outcome.log).toContain('"only" should be a collection of strings');
  });
});
