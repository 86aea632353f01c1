import type { HostApi, HostMethod } from '../runtime/protocol';

/**
 * What the grading engine needs from Python: the typed host methods. The browser's worker client
 * and the CLI's in-process host both implement it, so a lesson grades the same in both.
 */
export interface PythonRuntime {
  call<M extends HostMethod>(method: M, args: Parameters<HostApi[M]>[0]): Promise<ReturnType<HostApi[M]>>;
}
