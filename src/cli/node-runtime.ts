/**
 * Pyodide in Node, for the CLI and the tests: the same packages archive and harness as the
 * browser, read from disk, booted from the memory snapshot when it matches them. Calls run
 * in-process and synchronously.
 */
import { PythonHost } from '../lib/worker/host';
import type { PythonRuntime } from '../lib/grading/runtime';
import type { HostApi, HostMethod, SessionId } from '../lib/runtime/protocol';
import { bootPyodide, readAssets } from './python-assets';

export { MissingAssetsError } from './python-assets';

export interface NodeRuntimeOptions {
  /** Receives everything projects print; default: discard (results carry their own logs). */
  output?: (session: SessionId, text: string) => void;
}

export class NodeRuntime implements PythonRuntime {
  private constructor(
    private readonly host: PythonHost,
    /** null when booted from the memory snapshot, else why it was not. */
    readonly snapshotFallback: string | null,
  ) {}

  static async start(options: NodeRuntimeOptions = {}): Promise<NodeRuntime> {
    const assets = readAssets();
    const { pyodide, fallback } = await bootPyodide(assets);
    if (fallback && process.env.PRODREADY_DEBUG) console.error(`prodready: booting without the snapshot: ${fallback}`);
    const host = await PythonHost.install(pyodide, assets, options.output ?? (() => {}));
    return new NodeRuntime(host, fallback);
  }

  async call<M extends HostMethod>(method: M, args: Parameters<HostApi[M]>[0]): Promise<ReturnType<HostApi[M]>> {
    return this.host.call(method, args);
  }
}
