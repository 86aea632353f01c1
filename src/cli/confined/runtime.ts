/**
 * The command line's Python runtime: the host runs in a child process under Deno's permission
 * sandbox (deno.ts, child.ts), and this class speaks to it over stdin/stdout. It implements the
 * same PythonRuntime as the browser's worker client, so the grading engine and the audit do not
 * know the difference.
 *
 * Limits (limits.ts): a call that runs too long, a child that grows too big or prints too much, or
 * a child that dies is killed; the call fails with JudgeLimitError (a TimeLimitError, the shape
 * the grading engine turns into "your code did not answer within…", for a call past its time), the
 * event is kept in `unjudged` (the command exits 3), and the next call starts a fresh child. Python
 * inside the child is not interrupted: killing it is the only stop that hostile code cannot catch.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PythonRuntime } from '../../lib/grading/runtime';
import {
  TimeLimitError,
  defaultTimeLimit,
  type CallOptions,
  type HostApi,
  type HostMethod,
  type RunOptions,
} from '../../lib/runtime/protocol';
import { PACKAGES_ARCHIVE } from '../../lib/worker/assets';
import { MissingAssetsError, defaultAssets, type RuntimeAssets } from '../python-boot';
import { describeCall } from './call-description';
import { childProcess } from './deno';
import type { FromChild, Limit, ToChild } from './frames';
import { limitsFromEnv, type Limits } from './limits';

/** A call that could not be judged: the child hit a limit or died. */
export class JudgeLimitError extends Error {
  constructor(
    readonly limit: Limit,
    message: string,
  ) {
    super(message);
  }
}

interface Pending {
  method: HostMethod;
  /** What the call was doing, for the message of a limit hit during it (call-description.ts). */
  doing: string;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

const STDERR_TAIL = 4000;
const RSS_POLL_MS = 250;

/** One child process: its frames, its pending calls, its watchdogs. */
class Child {
  readonly ready: Promise<void>;
  private readonly process: ChildProcess;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private stdout = '';
  private stderr = '';
  private ended: JudgeLimitError | null = null;
  /** What the pending calls fail with when it is not `ended` itself (a call's TimeLimitError). */
  private pendingError: Error | null = null;
  private readonly rssWatch: NodeJS.Timeout;
  /** The command of the last `run`: the app that later requests go to. */
  private command: string | null = null;

  constructor(
    assets: RuntimeAssets,
    private readonly limits: Limits,
    private readonly onLimit: (error: JudgeLimitError) => void,
  ) {
    const spec = childProcess(
      { assets, wasmMaxBytes: limits.wasmBytes, outputCapBytes: limits.outputBytes },
      limits.heapMb,
    );
    this.process = spawn(spec.command, spec.args, { env: spec.env, cwd: spec.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let bootDone: (error?: Error) => void = () => {};
    this.ready = new Promise<void>((resolve, reject) => {
      bootDone = (error) => (error ? reject(error) : resolve());
    });
    this.pending.set(0, {
      method: 'run',
      doing: 'starting the Python runtime',
      resolve: () => bootDone(),
      reject: (error) => bootDone(error),
    });
    const bootTimer = setTimeout(
      () => this.kill('time', `the Python runtime did not start within ${seconds(limits.bootMs)}`),
      limits.bootMs,
    );
    void this.ready.then(
      () => clearTimeout(bootTimer),
      () => clearTimeout(bootTimer),
    );
    this.process.stdout!.setEncoding('utf8');
    this.process.stdout!.on('data', (chunk: string) => this.receive(chunk));
    this.process.stderr!.setEncoding('utf8');
    this.process.stderr!.on('data', (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-STDERR_TAIL);
    });
    // A write to a child that just died is reported by its exit, not as an unhandled error.
    this.process.stdin!.on('error', () => {});
    this.process.on('exit', (code, signal) => {
      clearInterval(this.rssWatch);
      const why = this.ended ?? new JudgeLimitError('crash', this.whileDoing(this.crashMessage(code, signal)));
      if (!this.ended) {
        this.ended = why;
        this.onLimit(why);
      }
      for (const pending of this.pending.values()) pending.reject(this.pendingError ?? why);
      this.pending.clear();
    });
    this.rssWatch = setInterval(() => this.checkMemory(), RSS_POLL_MS);
    this.rssWatch.unref();
  }

  get alive(): boolean {
    return this.ended === null;
  }

  /** One call; past `ms` the child is killed and the call fails with a TimeLimitError. */
  call(method: HostMethod, args: unknown, ms: number): Promise<unknown> {
    if (this.ended) return Promise.reject(this.ended);
    const id = this.nextId++;
    const frame: ToChild = { type: 'call', id, method, args: args as ToChild['args'] };
    const doing = describeCall(method, args, this.command);
    if (method === 'run') this.command = (args as RunOptions).command;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pendingError = new TimeLimitError({ kind: method === 'request' ? 'request' : 'run', ms });
        this.kill('time', `${method} did not finish within ${seconds(ms)}`);
      }, ms);
      const settle =
        <T>(done: (value: T) => void) =>
        (value: T) => {
          clearTimeout(timer);
          done(value);
        };
      this.pending.set(id, { method, doing, resolve: settle(resolve), reject: settle(reject) });
      this.process.stdin!.write(`${JSON.stringify(frame)}\n`);
    });
  }

  /** Ends the child; pending calls fail with this limit. */
  kill(limit: Limit, message: string): void {
    if (this.ended) return;
    this.ended = new JudgeLimitError(limit, this.whileDoing(message));
    this.onLimit(this.ended);
    this.process.kill('SIGKILL');
  }

  /** Ends the child after the command is done; nothing is recorded. */
  close(): void {
    if (!this.ended) this.ended = new JudgeLimitError('crash', 'the Python runtime was closed');
    this.process.kill('SIGKILL');
  }

  /** The message, with what the oldest pending call was doing when it happened. */
  private whileDoing(message: string): string {
    const first = this.pending.values().next();
    return first.done ? message : `${message}, while ${first.value.doing}`;
  }

  private receive(chunk: string): void {
    this.stdout += chunk;
    let newline: number;
    while ((newline = this.stdout.indexOf('\n')) >= 0) {
      const line = this.stdout.slice(0, newline);
      this.stdout = this.stdout.slice(newline + 1);
      if (line.trim()) this.handle(line);
    }
    // The child caps its answers; a line longer than that is not one of its frames.
    if (this.stdout.length > this.limits.outputBytes + 1024 * 1024) {
      this.kill('output', `the Python runtime sent more than ${this.limits.outputBytes} bytes at once`);
    }
  }

  private handle(line: string): void {
    let frame: FromChild;
    try {
      frame = JSON.parse(line) as FromChild;
    } catch {
      this.kill('crash', 'the Python runtime wrote something that is not one of its frames');
      return;
    }
    if (frame.type === 'limit') {
      this.kill(frame.limit, frame.message);
      return;
    }
    const id = frame.type === 'ready' || frame.type === 'boot-failed' ? 0 : frame.id;
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    if (frame.type === 'ready') pending.resolve(undefined);
    else if (frame.type === 'boot-failed')
      pending.reject(new Error(`the Python runtime did not start: ${frame.message}`));
    else if (frame.type === 'error') pending.reject(new Error(frame.message));
    else pending.resolve(frame.value);
  }

  /** Resident memory from /proc (Linux); where there is none, the wasm and heap caps still hold. */
  private checkMemory(): void {
    const pid = this.process.pid;
    if (pid === undefined || this.ended) return;
    let status: string;
    try {
      status = readFileSync(`/proc/${pid}/status`, 'utf8');
    } catch {
      return;
    }
    const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
    if (kb * 1024 > this.limits.rssBytes) {
      this.kill('memory', `the Python runtime used more than ${Math.round(this.limits.rssBytes / 1024 / 1024)} MB`);
    }
  }

  private crashMessage(code: number | null, signal: NodeJS.Signals | null): string {
    const last = this.stderr
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('at '))
      .slice(-3)
      .join(' / ');
    const how = signal ? `was killed (${signal})` : `exited with code ${code}`;
    return `the Python runtime ${how}${last ? `: ${last}` : ''}`;
  }
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

export interface ConfinedRuntimeOptions {
  limits?: Limits;
  assets?: RuntimeAssets;
}

export class ConfinedRuntime implements PythonRuntime {
  /** Every limit hit and crash, in order: when there is one, the command could not judge everything. */
  readonly unjudged: string[] = [];
  private child: Child | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private stopped: JudgeLimitError | null = null;
  /** The limit the current subject hit: its remaining calls fail at once instead of each waiting for its own. */
  private subjectFailure: JudgeLimitError | null = null;
  private readonly commandTimer: NodeJS.Timeout;

  private constructor(
    private readonly assets: RuntimeAssets,
    readonly limits: Limits,
  ) {
    this.commandTimer = setTimeout(
      () => this.stop(new JudgeLimitError('time', `the command did not finish within ${seconds(limits.commandMs)}`)),
      limits.commandMs,
    );
    this.commandTimer.unref();
  }

  /** Starts the first child, so a missing asset or a broken Deno is reported before any work. */
  static async start(options: ConfinedRuntimeOptions = {}): Promise<ConfinedRuntime> {
    const assets = options.assets ?? defaultAssets();
    const packages = join(assets.assetsDir, PACKAGES_ARCHIVE);
    if (!existsSync(packages)) throw new MissingAssetsError(`${packages} is missing: run \`npm run setup\` first`);
    const runtime = new ConfinedRuntime(assets, options.limits ?? limitsFromEnv());
    await runtime.started();
    return runtime;
  }

  call<M extends HostMethod>(
    method: M,
    args: Parameters<HostApi[M]>[0],
    options: CallOptions = {},
  ): Promise<ReturnType<HostApi[M]>> {
    // The caller's own limit when it names one, within the command line's; a request gets the
    // grading engine's default by method. A run does not: an audit's first run also unpacks the
    // audit's packages, which takes longer than the browser's run limit on a busy machine.
    const fallback = method === 'request' ? (defaultTimeLimit(method)?.ms ?? this.limits.callMs) : this.limits.callMs;
    const ms = Math.min(this.limits.callMs, options.timeLimitMs ?? fallback);
    // One call at a time: each call's time limit measures that call alone.
    const result = this.queue.then(async () => {
      const child = await this.started();
      return child.call(method, args, ms) as Promise<ReturnType<HostApi[M]>>;
    });
    this.queue = result.catch(() => null);
    return result;
  }

  /**
   * Starts judging the next subject (a lesson proof's starter, solution, mistake): a limit hit by
   * the previous one no longer fails every call. Without it, the whole command is one subject.
   */
  nextSubject(): void {
    this.subjectFailure = null;
  }

  /** A check past its time limit (the grading engine asks): the child is killed, the check could not be judged. */
  async interrupt(): Promise<void> {
    if (this.child?.alive) this.child.kill('time', 'a check ran past its time limit and was stopped');
  }

  /** Ends the child; call when the command is done. */
  close(): void {
    clearTimeout(this.commandTimer);
    this.child?.close();
    this.child = null;
  }

  /** No more calls: the command's own time is up (or it is being interrupted). */
  stop(reason: JudgeLimitError): void {
    if (this.stopped) return;
    this.stopped = reason;
    if (this.child?.alive) this.child.kill(reason.limit, reason.message);
    else this.unjudged.push(reason.message);
  }

  private async started(): Promise<Child> {
    if (this.stopped) throw this.stopped;
    if (this.subjectFailure) throw this.subjectFailure;
    if (!this.child?.alive) {
      this.child = new Child(this.assets, this.limits, (error) => {
        this.unjudged.push(error.message);
        this.subjectFailure ??= error;
      });
    }
    const child = this.child;
    await child.ready;
    return child;
  }
}
