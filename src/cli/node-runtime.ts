/**
 * Pyodide in Node, for the CLI and the tests: the same packages archive and harness as the
 * browser, read from disk. Calls run in-process and synchronously.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPyodide } from 'pyodide';
import { PythonHost } from '../lib/worker/host';
import type { PythonRuntime } from '../lib/grading/runtime';
import type { HostApi, HostMethod, SessionId } from '../lib/runtime/protocol';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const assetsDir = process.env.PRODREADY_ASSETS ?? join(repoRoot, 'public/pyodide');
const harnessDir = join(repoRoot, 'src/lib/worker/py');

export class MissingAssetsError extends Error {}

function readHarness(dir = harnessDir): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (current: string) => {
    for (const name of readdirSync(current)) {
      const path = join(current, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.py')) files[relative(dir, path)] = readFileSync(path, 'utf8');
    }
  };
  walk(dir);
  return files;
}

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
  private constructor(private readonly host: PythonHost) {}

  static async start(options: NodeRuntimeOptions = {}): Promise<NodeRuntime> {
    const packagesPath = join(assetsDir, 'packages.zip');
    if (!existsSync(packagesPath)) {
      throw new MissingAssetsError(`${packagesPath} is missing: run \`npm run setup\` first`);
    }
    const stdlib = join(assetsDir, 'python_stdlib.zip');
    const pyodide = await loadPyodide({
      indexURL: join(repoRoot, 'node_modules/pyodide') + '/',
      stdLibURL: existsSync(stdlib) ? stdlib : undefined,
      // Python's own stdout before the harness routes it; nothing should be printed there.
      stdout: () => {},
      stderr: () => {},
    });
    if (options.interruptBuffer) pyodide.setInterruptBuffer(options.interruptBuffer);
    const host = await PythonHost.install(
      pyodide,
      { packages: new Uint8Array(readFileSync(packagesPath)), harness: readHarness() },
      options.output ?? (() => {}),
    );
    return new NodeRuntime(host);
  }

  async call<M extends HostMethod>(method: M, args: Parameters<HostApi[M]>[0]): Promise<ReturnType<HostApi[M]>> {
    return this.host.call(method, args);
  }
}
