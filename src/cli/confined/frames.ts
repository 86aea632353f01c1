/**
 * The frames between the command line and its confined child: the worker contract's own messages
 * (protocol.ts), one JSON object per line, plus the child's report that it hit a limit.
 */
import type { FromWorker, ToWorker } from '../../lib/runtime/protocol';
import type { RuntimeAssets } from '../python-boot';

/** Handed to the child as its one argument. */
export interface ChildConfig {
  assets: RuntimeAssets;
  /** The WebAssembly memory Python may grow to. */
  wasmMaxBytes: number;
  /** What one call may print, and the largest answer it may send. */
  outputCapBytes: number;
}

export type ToChild = Extract<ToWorker, { type: 'call' }>;

export type Limit = 'time' | 'memory' | 'output' | 'crash';

export type FromChild =
  | Extract<FromWorker, { type: 'ready' | 'boot-failed' | 'result' | 'error' }>
  | { type: 'limit'; limit: Limit; message: string };
