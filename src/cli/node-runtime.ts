/**
 * Pyodide in this Node process, for the tests: the same packages archive and harness as the
 * browser, read from disk, booted from the memory snapshot when it matches them. Not a sandbox:
 * the code it runs has this process's rights, so the command line runs projects in the confined
 * runtime (confined/runtime.ts) instead.
 */
import type { PythonRuntime } from '../lib/grading/runtime';
import type { HostApi, HostMethod, SessionId } from '../lib/runtime/protocol';
import type { PythonHost } from '../lib/worker/host';
import { bootPythonHost, defaultAssets } from './python-boot';

export { MissingAssetsError } from './python-boot';

export interface NodeRuntimeOptions {
  /** Receives everything projects print; default: discard (results carry their own logs). */
  output?: (session: SessionId, text: string) => void;
  /**
   * Pyodide's interrupt buffer (a SharedArrayBuffer's Int32Array): writing 2 (SIGINT) into it
   * from another thread raises KeyboardInterrupt in Python, as the browser's Stop does.
   */
  interruptBuffer?: Int32Array;
}

export class NodeRuntime implements PythonRuntime {
  private constructor(
    private readonly host: PythonHost,
    /** null when booted from the memory snapshot, else why it was not. */
    readonly snapshotFallback: string | null,
  ) {}

  static async start(options: NodeRuntimeOptions = {}): Promise<NodeRuntime> {
    const { host, snapshotFallback } = await bootPythonHost(defaultAssets(), {
      output: options.output ?? (() => {}),
      ...(options.interruptBuffer ? { interruptBuffer: options.interruptBuffer } : {}),
    });
    return new NodeRuntime(host, snapshotFallback);
  }

  async call<M extends HostMethod>(method: M, args: Parameters<HostApi[M]>[0]): Promise<ReturnType<HostApi[M]>> {
    return this.host.call(method, args);
  }
}
