/**
 * The runtime client's stop logic, against a stand-in worker that behaves like Pyodide does:
 * it honours the interrupt buffer, ignores it (a lost interrupt), or never answers at all.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { InterruptedError, RuntimeClient, type RuntimeEvents } from './client';
import { TimeLimitError, type FromWorker, type ToWorker } from './protocol';

type Behaviour = 'honours-interrupt' | 'loses-first-interrupt' | 'never-answers';

class FakePythonWorker {
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  /** A call reached "Python" and is running. */
  running = false;
  interruptsSeen = 0;
  private buffer: Int32Array | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly behaviour: Behaviour) {}

  postMessage(message: ToWorker): void {
    if (message.type === 'boot') {
      this.buffer = message.interruptBuffer ? new Int32Array(message.interruptBuffer) : null;
      queueMicrotask(() => this.emit({ type: 'ready', pythonVersion: '3.14.2' }));
      return;
    }
    if (message.method === 'stop') {
      queueMicrotask(() => this.emit({ type: 'result', id: message.id, value: null }));
      return;
    }
    // A runaway program: busy until interrupted.
    this.running = true;
    this.timer = setInterval(() => {
      if (!this.buffer || Atomics.load(this.buffer, 0) !== 2) return;
      Atomics.store(this.buffer, 0, 0);
      this.interruptsSeen++;
      if (this.behaviour === 'never-answers') return;
      if (this.behaviour === 'loses-first-interrupt' && this.interruptsSeen === 1) return;
      clearInterval(this.timer!);
      // What the harness answers after a KeyboardInterrupt: it cannot tell a Stop from a time limit.
      this.emit({ type: 'result', id: message.id, value: INTERRUPTED as never });
    }, 5);
  }

  terminate(): void {
    this.terminated = true;
    if (this.timer) clearInterval(this.timer);
  }

  private emit(message: FromWorker): void {
    if (!this.terminated) this.onmessage?.({ data: message } as MessageEvent<FromWorker>);
  }
}

const INTERRUPTED = {
  interrupted: true,
  interruption: { reason: 'stop', limit: null, location: { file: 'app.py', line: 7 } },
};

const events: RuntimeEvents = { progress: () => {}, status: () => {}, output: () => {} };

function clientWith(behaviour: Behaviour) {
  const workers: FakePythonWorker[] = [];
  const client = new RuntimeClient(() => {
    const worker = new FakePythonWorker(behaviour);
    workers.push(worker);
    return worker as unknown as Worker;
  }, events);
  return { client, workers };
}

/** Starts a call that never ends by itself, and waits until it runs in the (first) worker. */
async function runaway(client: RuntimeClient, worker: () => FakePythonWorker | undefined) {
  const call = client.call('run', { session: 'terminal', files: {}, command: 'python app.py', env: {} });
  call.catch(() => {}); // observed by the test
  await vi.waitFor(() => {
    if (!worker()?.running) throw new Error('not running yet');
  });
  return { call }; // wrapped: an async function would otherwise wait for the call itself
}

beforeEach(() => {
  vi.stubGlobal('crossOriginIsolated', true);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('RuntimeClient.interrupt', () => {
  test('stops a runaway call through the interrupt buffer, without a restart', async () => {
    const { client, workers } = clientWith('honours-interrupt');
    await client.start();
    const { call } = await runaway(client, () => workers[0]);
    await client.interrupt();
    await expect(call).resolves.toEqual(INTERRUPTED);
    expect(workers).toHaveLength(1);
    expect(client.busy).toBe(false);
  });

  test('writes the interrupt again when the first one is lost', async () => {
    const { client, workers } = clientWith('loses-first-interrupt');
    await client.start();
    const { call } = await runaway(client, () => workers[0]);
    await client.interrupt();
    await expect(call).resolves.toEqual(INTERRUPTED);
    expect(workers).toHaveLength(1);
    expect(workers[0]!.interruptsSeen).toBe(2);
  });

  test('restarts the worker when Python never answers', async () => {
    const { client, workers } = clientWith('never-answers');
    await client.start();
    const { call } = await runaway(client, () => workers[0]);
    await client.interrupt();
    await expect(call).rejects.toBeInstanceOf(InterruptedError);
    expect(workers).toHaveLength(2);
    expect(workers[0]!.terminated).toBe(true);
    // The new worker takes calls.
    await expect(client.call('stop', { session: 'terminal' })).resolves.toBeNull();
  });

  test('without cross-origin isolation, the only way to stop is a restart', async () => {
    vi.stubGlobal('crossOriginIsolated', false);
    const { client, workers } = clientWith('honours-interrupt');
    await client.start();
    expect(client.isolated).toBe(false);
    const { call } = await runaway(client, () => workers[0]);
    await client.interrupt();
    await expect(call).rejects.toBeInstanceOf(InterruptedError);
    expect(workers).toHaveLength(2);
  });

  test('a Stop before the call reaches Python cancels it', async () => {
    const { client, workers } = clientWith('honours-interrupt');
    const booting = client.start();
    const call = client.call('run', { session: 'terminal', files: {}, command: 'python app.py', env: {} });
    await client.interrupt();
    await expect(call).rejects.toBeInstanceOf(InterruptedError);
    await booting;
    expect(workers[0]!.running).toBe(false);
  });

  test('interrupting when idle does nothing', async () => {
    const { client, workers } = clientWith('honours-interrupt');
    await client.start();
    await client.interrupt();
    expect(workers).toHaveLength(1);
  });
});

describe('time limits', () => {
  const request = (client: RuntimeClient, timeLimitMs?: number) =>
    client.call(
      'request',
      { session: 'grader', request: { method: 'GET', path: '/spin', headers: [] } },
      { timeLimitMs },
    );

  test('a call past its limit is interrupted by itself and answers where it was, marked as a time limit', async () => {
    const { client, workers } = clientWith('honours-interrupt');
    await client.start();
    const started = performance.now();
    const answer = await request(client, 100);
    expect(performance.now() - started).toBeGreaterThanOrEqual(100);
    expect(answer).toEqual({
      interrupted: true,
      interruption: {
        reason: 'time-limit',
        limit: { kind: 'request', ms: 100 },
        location: { file: 'app.py', line: 7 },
      },
    });
    expect(workers).toHaveLength(1);
    expect(client.busy).toBe(false);
  });

  test('when Python cannot be interrupted, the call fails with TimeLimitError and a new worker takes calls', async () => {
    const { client, workers } = clientWith('never-answers');
    await client.start();
    const error = await request(client, 50).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TimeLimitError);
    expect((error as TimeLimitError).limit).toEqual({ kind: 'request', ms: 50 });
    expect(workers).toHaveLength(2);
    await expect(client.call('stop', { session: 'grader' })).resolves.toBeNull();
  });

  test('requests and runs get the default limits when the caller names none', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      const { client } = clientWith('honours-interrupt');
      await client.start();
      const call = request(client);
      await vi.advanceTimersByTimeAsync(9_000);
      expect(client.busy).toBe(true);
      await vi.advanceTimersByTimeAsync(1_500);
      vi.useRealTimers();
      await expect(call).resolves.toMatchObject({ interruption: { limit: { kind: 'request', ms: 10_000 } } });
    } finally {
      vi.useRealTimers();
    }
  });
});
