/**
 * Main-thread side of the Python worker: start, call, interrupt, restart.
 *
 * A runaway program is stopped in two steps. With cross-origin isolation the page shares an
 * interrupt buffer with Pyodide and writes SIGINT into it; Python raises KeyboardInterrupt at its
 * next bytecode. The buffer has been seen to lose an interrupt now and then, so a watchdog writes it
 * again, and if Python still does not answer the worker is terminated and a new one booted.
 * Files live on the main thread (workspace state), so a restart loses nothing the learner wrote.
 */
import {
  TimeLimitError,
  defaultTimeLimit,
  type BootProgress,
  type CallOptions,
  type FromWorker,
  type HostApi,
  type HostMethod,
  type Interruption,
  type SessionId,
  type TimeLimitKind,
  type ToWorker,
} from './protocol';
import type { PythonRuntime } from '../grading/runtime';

const SIGINT = 2;
/** Re-send the interrupt this often while Python has not answered. */
const INTERRUPT_RETRY_MS = 250;
/** Give up on interrupting and restart the worker after this long. */
const INTERRUPT_GIVE_UP_MS = 1000;

export type RuntimeStatus = 'booting' | 'ready' | 'busy' | 'restarting' | 'failed';

export interface RuntimeEvents {
  progress(progress: BootProgress): void;
  status(status: RuntimeStatus, detail?: string): void;
  output(session: SessionId, text: string): void;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  /** Sent to the worker; until then a Stop just cancels it. */
  posted: boolean;
  limit: { kind: TimeLimitKind; ms: number } | null;
  timer?: ReturnType<typeof setTimeout>;
  /** Its time limit ran out and Python was interrupted for it. */
  timedOut?: boolean;
}

export class InterruptedError extends Error {
  constructor(message = 'Stopped') {
    super(message);
    this.name = 'InterruptedError';
  }
}

export class RuntimeClient implements PythonRuntime {
  private worker: Worker | null = null;
  private interruptBuffer: Int32Array | null = null;
  private pending = new Map<number, Pending>();
  private nextId = 1;
  private ready: Promise<void> = Promise.resolve();
  private stopping: Promise<void> | null = null;

  constructor(
    private readonly createWorker: () => Worker,
    private readonly events: RuntimeEvents,
  ) {}

  /** Boot a worker; resolves when Python and the packages are ready. */
  start(): Promise<void> {
    this.events.status('booting');
    const worker = this.createWorker();
    this.worker = worker;
    // SharedArrayBuffer exists only when the page is cross-origin isolated (COOP + COEP).
    const shared = globalThis.crossOriginIsolated ? new SharedArrayBuffer(4) : null;
    this.interruptBuffer = shared ? new Int32Array(shared) : null;
    this.ready = new Promise<void>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<FromWorker>) => {
        const message = event.data;
        if (message.type === 'ready') {
          this.events.status('ready', message.pythonVersion);
          resolve();
        } else if (message.type === 'boot-failed') {
          this.events.status('failed', message.message);
          reject(new Error(message.message));
        } else {
          this.handle(message);
        }
      };
      worker.onerror = (event) => {
        const detail = event.message || 'the Python worker could not start';
        this.events.status('failed', detail);
        reject(new Error(detail));
      };
    });
    this.post({ type: 'boot', interruptBuffer: shared });
    return this.ready;
  }

  get isolated(): boolean {
    return this.interruptBuffer !== null;
  }

  /**
   * One host call. Its time limit (options.timeLimitMs, else TIME_LIMITS by method) runs from
   * when it reaches the worker; past it Python is interrupted and the call answers with its
   * Interruption marked 'time-limit', or rejects with TimeLimitError if the worker had to restart.
   */
  call<M extends HostMethod>(
    method: M,
    args: Parameters<HostApi[M]>[0],
    options: CallOptions = {},
  ): Promise<ReturnType<HostApi[M]>> {
    const id = this.nextId++;
    const fallback = defaultTimeLimit(method);
    const limit =
      options.timeLimitMs === undefined ? fallback : { kind: fallback?.kind ?? 'check', ms: options.timeLimitMs };
    // Registered at once, so a Stop right after a call sees it even before it reaches the worker.
    const result = new Promise<ReturnType<HostApi[M]>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, posted: false, limit });
    });
    if (this.pending.size === 1) this.events.status('busy');
    void this.postWhenReady(id, method, args);
    return result;
  }

  private async postWhenReady(id: number, method: HostMethod, args: unknown): Promise<void> {
    try {
      if (this.stopping) await this.stopping;
      await this.ready;
    } catch (error) {
      this.settle(id, (pending) => pending.reject(error instanceof Error ? error : new Error(String(error))));
      return;
    }
    const pending = this.pending.get(id);
    if (!pending) return; // cancelled by a Stop while waiting
    pending.posted = true;
    if (pending.limit) pending.timer = setTimeout(() => this.timeOut(id), pending.limit.ms);
    this.post({ type: 'call', id, method, args } as ToWorker);
  }

  /** A call's time limit ran out: interrupt Python for it, leaving queued calls alone. */
  private timeOut(id: number): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    pending.timedOut = true;
    this.stopping ??= this.stopRunningCall(false).finally(() => {
      this.stopping = null;
    });
  }

  /** True while a call is running in Python. */
  get busy(): boolean {
    return this.pending.size > 0;
  }

  /**
   * Stop whatever Python is running. Resolves once Python is free again: either the running call
   * ended with KeyboardInterrupt, or the worker was replaced by a fresh one.
   */
  interrupt(): Promise<void> {
    if (!this.busy) return Promise.resolve();
    this.stopping ??= this.stopRunningCall(true).finally(() => {
      this.stopping = null;
    });
    return this.stopping;
  }

  /** Terminate the worker and boot a new one; pending calls fail with InterruptedError. */
  async restart(): Promise<void> {
    this.worker?.terminate();
    this.failPending(new InterruptedError('Python was restarted'));
    this.events.status('restarting');
    await this.start();
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    this.failPending(new InterruptedError('Python was shut down'));
  }

  private async stopRunningCall(cancelQueued: boolean): Promise<void> {
    for (const [id, pending] of this.pending) {
      if (cancelQueued && !pending.posted) this.settle(id, (p) => p.reject(new InterruptedError()));
    }
    const running = () => [...this.pending.values()].some((pending) => pending.posted);
    const started = performance.now();
    const idle = new Promise<void>((resolve) => {
      const poll = () => (running() ? setTimeout(poll, 10) : resolve());
      poll();
    });
    if (this.interruptBuffer) {
      while (running() && performance.now() - started < INTERRUPT_GIVE_UP_MS) {
        Atomics.store(this.interruptBuffer, 0, SIGINT);
        const answered = await Promise.race([idle.then(() => true), sleep(INTERRUPT_RETRY_MS).then(() => false)]);
        if (answered) return;
      }
    }
    if (running()) await this.restart();
  }

  private handle(message: FromWorker): void {
    if (message.type === 'progress') this.events.progress(message.progress);
    else if (message.type === 'output') this.events.output(message.session, message.text);
    else if (message.type === 'result')
      this.settle(message.id, (pending) =>
        pending.resolve(pending.timedOut ? markTimedOut(message.value, pending) : message.value),
      );
    else if (message.type === 'error') this.settle(message.id, (pending) => pending.reject(new Error(message.message)));
  }

  private settle(id: number, action: (pending: Pending) => void): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    clearTimeout(pending.timer);
    if (this.pending.size === 0) this.events.status('ready');
    action(pending);
  }

  private failPending(error: Error): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) {
      clearTimeout(p.timer);
      p.reject(p.timedOut && p.limit ? new TimeLimitError(p.limit) : error);
    }
  }

  private post(message: ToWorker): void {
    this.worker?.postMessage(message);
  }
}

/**
 * Python saw a KeyboardInterrupt and reports where (an Interruption with reason 'stop': it cannot
 * tell why); this side set the limit, so it says which one ran out.
 */
function markTimedOut(value: unknown, pending: Pending): unknown {
  if (typeof value !== 'object' || value === null || !('interruption' in value)) return value;
  const interruption = value.interruption as Interruption | null;
  if (!interruption) return value;
  return { ...value, interruption: { ...interruption, reason: 'time-limit', limit: pending.limit } };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
