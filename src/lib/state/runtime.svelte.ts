/**
 * The page's one Python runtime: the worker client, its boot progress and status as runes, and
 * a fan-out of session output to listeners. The terminal loads lazily, so output that arrives
 * before it listens is kept (up to BACKLOG_LIMIT characters) and handed over when it does.
 */
import { RuntimeClient, type RuntimeStatus } from '../runtime/client';
import type { BootProgress, SessionId } from '../runtime/protocol';

/** The learner's session: the terminal, the Run button and the preview share it. */
export const TERMINAL_SESSION: SessionId = 'terminal';
const BACKLOG_LIMIT = 64 * 1024;

type OutputListener = (text: string) => void;

function createWorker(): Worker {
  return new Worker(new URL('../worker/python.worker.ts', import.meta.url), { type: 'module' });
}

class RuntimeState {
  progress = $state<BootProgress>({ stage: 'download', loaded: 0, total: null });
  status = $state<RuntimeStatus>('booting');
  /** Python's version once ready, or why booting failed. */
  pythonVersion = $state<string | null>(null);
  failure = $state<string | null>(null);
  /** Python answers calls (it may be busy with one). */
  ready = $derived(this.status === 'ready' || this.status === 'busy');

  readonly client: RuntimeClient;
  /** Resolves once the worker is fetching Python (first progress) or has settled; see whenPythonFetching. */
  readonly fetching: Promise<void>;
  private markFetching: () => void = () => {};
  private listeners = new Map<SessionId, Set<OutputListener>>();
  private backlog = new Map<SessionId, string>();
  private started = false;

  constructor() {
    this.fetching = new Promise((resolve) => {
      this.markFetching = resolve;
    });
    this.client = new RuntimeClient(createWorker, {
      progress: (progress) => {
        this.markFetching();
        this.progress = progress;
      },
      status: (status, detail) => {
        this.status = status;
        if (status !== 'booting' && status !== 'restarting') this.markFetching();
        if (status === 'ready' && detail) this.pythonVersion = detail;
        if (status === 'failed') this.failure = detail ?? 'Python could not start';
        if (status === 'booting' || status === 'restarting') {
          this.failure = null;
          this.progress = { stage: 'download', loaded: 0, total: null };
        }
      },
      output: (session, text) => this.emit(session, text),
    });
  }

  /** Boot Python once; failures show in the status, not as an unhandled rejection. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.client.start().catch(() => {});
  }

  /** Boot a fresh worker after a failure (or when the learner asks). */
  retry(): void {
    this.client.restart().catch(() => {});
  }

  /** Listen to a session's output; returns the unsubscribe function. */
  onOutput(session: SessionId, listener: OutputListener): () => void {
    let set = this.listeners.get(session);
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- listeners are not UI state
    if (!set) this.listeners.set(session, (set = new Set()));
    set.add(listener);
    const pending = this.backlog.get(session);
    if (pending) {
      this.backlog.delete(session);
      listener(pending);
    }
    return () => set.delete(listener);
  }

  /** Show text in a session as if the program printed it (notes from the UI, e.g. "stopped"). */
  emit(session: SessionId, text: string): void {
    const set = this.listeners.get(session);
    if (set && set.size > 0) {
      for (const listener of set) listener(text);
      return;
    }
    const kept = (this.backlog.get(session) ?? '') + text;
    this.backlog.set(session, kept.length > BACKLOG_LIMIT ? kept.slice(-BACKLOG_LIMIT) : kept);
  }
}

export const runtime = new RuntimeState();
