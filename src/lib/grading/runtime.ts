import type { CallOptions, HostApi, HostMethod } from '../runtime/protocol';

/**
 * What the grading engine needs from Python: the typed host methods. The browser's worker client
 * and the CLI's in-process host both implement it, so a lesson grades the same in both.
 */
export interface PythonRuntime {
  /**
   * One host call. A runtime that can interrupt Python honours `options.timeLimitMs` (default
   * TIME_LIMITS by method, see protocol.ts): past it the call answers with an Interruption
   * (`interrupted`/`interruption` of the response, exit code "interrupted" of a run), or rejects
   * with a TimeLimitError when Python could not be interrupted and had to be restarted.
   */
  call<M extends HostMethod>(
    method: M,
    args: Parameters<HostApi[M]>[0],
    options?: CallOptions,
  ): Promise<ReturnType<HostApi[M]>>;
  /** Stop whatever Python is running now (a check past its time limit); absent when it cannot. */
  interrupt?(): Promise<void>;
}
