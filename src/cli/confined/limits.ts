/**
 * The confined runtime's limits. Past any of them the child is killed and what it was judging is
 * "could not be judged". Each can be changed through the environment of the command line (the
 * caller's, never the project's): PRODREADY_CALL_TIMEOUT_MS and friends, see docs/confinement.md.
 */
export interface Limits {
  /** One host call (a run, a request, the facts); a busy loop at import ends here. */
  callMs: number;
  /** Starting the child: Deno, Pyodide, the packages, the harness. */
  bootMs: number;
  /** The whole command (grade, audit, lessons check). */
  commandMs: number;
  /** Python's WebAssembly memory: past it malloc fails inside Python (MemoryError). */
  wasmBytes: number;
  /** V8's JavaScript heap (--max-old-space-size). */
  heapMb: number;
  /** The child's resident memory, watched from outside: the backstop for both of the above. */
  rssBytes: number;
  /** What one call may print, and the largest answer it may send back. */
  outputBytes: number;
}

const MB = 1024 * 1024;

export const DEFAULT_LIMITS: Limits = {
  callMs: 60_000,
  bootMs: 120_000,
  commandMs: 15 * 60_000,
  wasmBytes: 1536 * MB,
  heapMb: 512,
  rssBytes: 2560 * MB,
  outputBytes: 16 * MB,
};

const FROM_ENV: Record<keyof Limits, [string, number]> = {
  callMs: ['PRODREADY_CALL_TIMEOUT_MS', 1],
  bootMs: ['PRODREADY_BOOT_TIMEOUT_MS', 1],
  commandMs: ['PRODREADY_COMMAND_TIMEOUT_MS', 1],
  wasmBytes: ['PRODREADY_WASM_MEMORY_MB', MB],
  heapMb: ['PRODREADY_HEAP_MB', 1],
  rssBytes: ['PRODREADY_MEMORY_MB', MB],
  outputBytes: ['PRODREADY_OUTPUT_MB', MB],
};

export class LimitsError extends Error {}

/** The defaults, with what the environment sets; a value that is not a positive number is an error naming it. */
export function limitsFromEnv(env: NodeJS.ProcessEnv = process.env): Limits {
  const limits = { ...DEFAULT_LIMITS };
  for (const [key, [name, unit]] of Object.entries(FROM_ENV) as Array<[keyof Limits, [string, number]]>) {
    const text = env[name];
    if (text === undefined || text === '') continue;
    const value = Number(text);
    if (!Number.isFinite(value) || value <= 0) throw new LimitsError(`${name}=${text}: not a positive number`);
    limits[key] = Math.round(value * unit);
  }
  return limits;
}
