/**
 * A KeyboardInterrupt in the project's code (what a Stop or a time limit raises) ends the call with
 * where it was: the line of the endless loop, not the harness. Pyodide in Node; another thread
 * writes SIGINT into the interrupt buffer while Python spins, as the page does.
 */
import { Worker } from 'node:worker_threads';
import { beforeAll, expect, test } from 'vitest';
import { NodeRuntime } from '../../cli/node-runtime';

const SIGINT = 2;
const buffer = new Int32Array(new SharedArrayBuffer(4));
let runtime: NodeRuntime;

beforeAll(async () => {
  runtime = await NodeRuntime.start({ interruptBuffer: buffer });
});

/** Writes SIGINT into the buffer after `ms`, from a thread of its own (Python blocks this one). */
function interruptAfter(ms: number): Worker {
  return new Worker(
    `const { workerData } = require('node:worker_threads');
     setTimeout(() => Atomics.store(new Int32Array(workerData), 0, ${SIGINT}), ${ms});`,
    { eval: true, workerData: buffer.buffer },
  );
}

const APP = `from flask import Flask
app = Flask(__name__)

def parse_order_id(raw):
    while True:
        pass

@app.route("/orders/<raw>")
def order(raw):
    return str(parse_order_id(raw))
`;

test('a request stuck in an endless loop answers interrupted, at the line that was running', async () => {
  const run = await runtime.call('run', {
    session: 'test',
    files: { 'app.py': APP },
    command: 'gunicorn app:app',
    env: {},
  });
  expect(run.serving).not.toBeNull();
  const thread = interruptAfter(300);
  const response = await runtime.call('request', {
    session: 'test',
    request: { method: 'GET', path: '/orders/abc', headers: [] },
  });
  await thread.terminate();
  expect(response.interrupted).toBe(true);
  expect(response.interruption).toMatchObject({ reason: 'stop', limit: null, location: { file: 'app.py' } });
  // The loop's lines: `while True:` or its `pass`, whichever bytecode ran when the signal came.
  expect([5, 6]).toContain(response.interruption?.location?.line);
  // The app still serves afterwards: the page stays usable.
  expect(Atomics.load(buffer, 0)).toBe(0);
});

test('a program that never starts serving is interrupted at its loop', async () => {
  const thread = interruptAfter(300);
  const run = await runtime.call('run', {
    session: 'test',
    files: { 'app.py': 'import time\nx = 0\nwhile True:\n    x += 1\n' },
    command: 'python app.py',
    env: {},
  });
  await thread.terminate();
  expect(run.serving).toBeNull();
  expect(run.exit?.code).toBe('interrupted');
  expect(run.interruption?.location?.file).toBe('app.py');
  expect([3, 4]).toContain(run.interruption?.location?.line);
});
