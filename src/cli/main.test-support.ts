/** The command line's `main` in this process, for the CLI specs (no node and tsx to start per call). */
import { vi } from 'vitest';
import type { CliRun } from './cli.test-support';

/** `main(args)` with its console captured; relative paths in `args` are the caller's to make absolute. */
export async function runMain(args: string[]): Promise<CliRun> {
  const { main } = await import('./main');
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => void out.push(parts.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => void err.push(parts.join(' ')));
  try {
    const code = await main(args);
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}
