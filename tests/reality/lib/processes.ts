/**
 * Child processes for the reality tests: each in its own process group (so a server's workers stop
 * with it), output kept for assertions and failure messages, bounded waits, and a stop that always
 * ends the whole group. Anything still running when Node exits is killed there too.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface Started {
  readonly name: string;
  readonly child: ChildProcess;
  /** stdout and stderr interleaved, as the process wrote them */
  output(): string;
  exited(): boolean;
  exitCode(): number | null;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) killGroup(child, 'SIGKILL');
});

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

export function start(name: string, command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }) {
  const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let log = '';
  let done = false;
  let code: number | null = null;
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.on('error', (error) => {
    log += `\n[spawn error] ${error.message}\n`;
    done = true;
  });
  const exit = new Promise<void>((resolve) =>
    child.on('close', (exitCode, signal) => {
      code = exitCode;
      done = true;
      running.delete(child);
      if (signal) log += `\n[${name} ended by ${signal}]\n`;
      resolve();
    }),
  );
  const started: Started = {
    name,
    child,
    output: () => log,
    exited: () => done,
    exitCode: () => code,
    async stop() {
      if (done) return;
      killGroup(child, 'SIGTERM');
      const timedOut = await Promise.race([exit.then(() => false), sleep(5_000).then(() => true)]);
      if (timedOut) {
        killGroup(child, 'SIGKILL');
        await Promise.race([exit, sleep(2_000)]);
      }
      // A worker that outlived its master still belongs to the group.
      killGroup(child, 'SIGKILL');
    },
  };
  return started;
}

/** Polls `ready` until it returns a value, the process exits, or `timeoutMs` passes; the error carries the log. */
export async function waitUntil<T>(
  server: Started,
  what: string,
  ready: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    const value = await ready();
    if (value !== undefined) return value;
    if (server.exited()) {
      throw new Error(
        `${server.name} exited (code ${server.exitCode()}) before ${what}. Its output:\n${server.output()}`,
      );
    }
    if (Date.now() > deadline) {
      throw new Error(`${server.name}: no ${what} after ${timeoutMs / 1000} s. Its output:\n${server.output()}`);
    }
    await sleep(Math.min(50 * (attempt + 1), 250));
  }
}

/** A free TCP port on 127.0.0.1 (the kernel picks it; closed again before use). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Runs a command to completion with a time limit; throws with its output when it fails. */
export function run(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
) {
  const result = spawnSync(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 60_000,
    killSignal: 'SIGKILL',
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  return { ok: result.status === 0 && !result.error, status: result.status, output, error: result.error };
}

export function runOrThrow(command: string, args: string[], options: Parameters<typeof run>[2] = {}): string {
  const result = run(command, args, options);
  if (!result.ok) {
    const why = result.error ? result.error.message : `exit ${result.status}`;
    throw new Error(`${command} ${args.join(' ')} failed (${why}):\n${result.output}`);
  }
  return result.output;
}
