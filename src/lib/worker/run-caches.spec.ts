/**
 * What the harness keeps from one run to the next to make the grader's app starts cheap (a
 * script's compiled code, Werkzeug's compiled URL builders: runner.py, route_builders.py) never
 * carries one run's state into another: each run still executes the project afresh, and each
 * check that starts the app with another environment gets an app of its own.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { NodeRuntime } from '../../cli/node-runtime';
import { GraderRuns, send, startApp, type GradingContext } from '../grading/context';
import type { WorkspaceFiles } from '../runtime/protocol';

let runtime: NodeRuntime;
beforeAll(async () => {
  runtime = await NodeRuntime.start();
});

/** An app whose routes say which converter and which defaults built their URLs. */
const converterApp = (tag: string, pageDefault: number) => `import os
from flask import Flask, url_for
from werkzeug.routing import BaseConverter

class Tagged(BaseConverter):
    def to_url(self, value):
        return "${tag}-" + str(value)

app = Flask(__name__)
app.url_map.converters["tagged"] = Tagged
hits = []

@app.route("/item/<tagged:name>")
def item(name):
    return name

@app.route("/page/<int:n>", defaults={"n": ${pageDefault}})
def page(n):
    return str(n)

@app.route("/urls")
def urls():
    return url_for("item", name="x") + " " + url_for("page")

@app.route("/builder")
def builder():
    rule = next(r for r in app.url_map.iter_rules() if r.endpoint == "item")
    return str(id(rule._build.__func__))

@app.route("/count")
def count():
    hits.append(1)
    return f"{len(hits)} {os.environ.get('STAGE', '-')}"

if __name__ == "__main__":
    app.run()
`;

async function serve(files: WorkspaceFiles, env: Record<string, string> = {}) {
  const outcome = await runtime.call('run', { session: 'caches', files, command: 'python app.py', env });
  expect(outcome.exit).toBeNull();
}

const get = async (path: string) =>
  (await runtime.call('request', { session: 'caches', request: { method: 'GET', path, headers: [] } })).body;

describe('the compiled URL builders shared between app starts', () => {
  test('build with each app’s own converter and defaults', async () => {
    await serve({ 'app.py': converterApp('A', 5) });
    expect(await get('/urls')).toBe('/item/A-x /page/5');
    await serve({ 'app.py': converterApp('B', 7) });
    expect(await get('/urls')).toBe('/item/B-x /page/7');
  });

  test('are compiled once for the same rule: the second start reuses the first one’s builder', async () => {
    await serve({ 'app.py': converterApp('A', 5) });
    const first = await get('/builder');
    await serve({ 'app.py': converterApp('A', 5) });
    expect(await get('/builder')).toBe(first);
  });
});

describe('the compiled script shared between runs', () => {
  test('a changed file runs its new code', async () => {
    await serve({ 'app.py': converterApp('A', 5) });
    expect(await get('/urls')).toBe('/item/A-x /page/5');
    await serve({ 'app.py': converterApp('C', 5) });
    expect(await get('/urls')).toBe('/item/C-x /page/5');
  });

  test('each run gets fresh module globals', async () => {
    await serve({ 'app.py': converterApp('A', 5) });
    expect(await get('/count')).toBe('1 -');
    expect(await get('/count')).toBe('2 -');
    await serve({ 'app.py': converterApp('A', 5) });
    expect(await get('/count')).toBe('1 -');
  });
});

describe('checks of one grading', () => {
  const files = { 'app.py': converterApp('A', 5) };
  const context = (runs: GraderRuns): GradingContext => ({
    files,
    runtime,
    runs,
    production: {
      command: 'python app.py',
      commandSource: null,
      env: {},
      attack: { method: 'GET', path: '/', headers: {} },
    },
  });
  const count = (grading: GradingContext) =>
    send(grading, { method: 'GET', path: '/count', headers: {} }).then((r) => r.body);

  test('a check with another environment gets a fresh app, not the state the one before left', async () => {
    const grading = context(new GraderRuns());
    await startApp(grading, { STAGE: 'a' });
    expect(await count(grading)).toBe('1 a');
    expect(await count(grading)).toBe('2 a');
    await startApp(grading, { STAGE: 'b' });
    expect(await count(grading)).toBe('1 b');
    // Back to the first environment: started again, so check A's requests are not seen.
    await startApp(grading, { STAGE: 'a' });
    expect(await count(grading)).toBe('1 a');
  });

  test('two gradings never share an app', async () => {
    const first = context(new GraderRuns());
    await startApp(first, { STAGE: 'a' });
    expect(await count(first)).toBe('1 a');
    const second = context(new GraderRuns());
    await startApp(second, { STAGE: 'a' });
    expect(await count(second)).toBe('1 a');
  });
});
