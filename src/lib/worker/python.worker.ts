/**
 * The worker's entry: boots Python, then answers calls. All logic lives in downloads.ts, boot.ts
 * and host.ts. The downloads start first, while the rest of the boot's code (Pyodide's loader,
 * the harness) is still loading.
 */
import manifest from 'virtual:pyodide-manifest';
import { assetBase, Downloads } from './downloads';
import type { PythonHost } from './host';
import type { FromWorker, ToWorker } from '../runtime/protocol';

// The boot's code first: what is requested later waits for one of the six connections to be free.
const boot = import('./boot');
boot.catch(() => {}); // awaited by the boot, which reports a failure
const downloads = new Downloads(assetBase(), manifest);

const post = (message: FromWorker) => self.postMessage(message);
let host: PythonHost | null = null;
let interruptBuffer: Int32Array | null = null;

self.onmessage = async (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'boot') {
    interruptBuffer = message.interruptBuffer ? new Int32Array(message.interruptBuffer) : null;
    try {
      const { bootPython } = await boot;
      host = await bootPython(
        {
          progress: (progress) => post({ type: 'progress', progress }),
          output: (session, text) => post({ type: 'output', session, text }),
        },
        interruptBuffer,
        downloads,
      );
      post({ type: 'ready', pythonVersion: host.pythonVersion });
    } catch (error) {
      post({ type: 'boot-failed', message: error instanceof Error ? error.message : String(error) });
    }
    return;
  }
  if (!host) {
    post({ type: 'error', id: message.id, message: 'Python is not ready yet' });
    return;
  }
  // A stale interrupt from an earlier Stop must not hit this call.
  if (interruptBuffer) Atomics.store(interruptBuffer, 0, 0);
  try {
    if (message.method === 'run')
      await (
        await boot
      ).ensurePinnedPackages(host, (message.args as { files: Record<string, string> }).files, downloads);
    const value = host.call(message.method, message.args as never);
    post({ type: 'result', id: message.id, value });
  } catch (error) {
    post({ type: 'error', id: message.id, message: error instanceof Error ? error.message : String(error) });
  }
};
