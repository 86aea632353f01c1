/**
 * The confined runtime's child: runs under Deno with read access to the runtime's assets and
 * nothing else (see deno.ts), boots the Python host, and answers HostApi calls framed as one JSON
 * line each on stdin and stdout (frames.ts). The project's files arrive inside the calls; this
 * process never opens the project folder.
 *
 * Inside the sandbox, cheap extra layers: `import js` sees an empty object, WebAssembly memory is
 * capped (so a memory bomb is a MemoryError, not 4 GB), and code generation from strings is refused
 * by a V8 flag (deno.ts). `Deno` stays in the global scope: Deno's own Node layer needs it.
 */
import type { HostApi, HostMethod } from '../../lib/runtime/protocol';
import { bootPythonHost } from '../python-boot';
import type { ChildConfig, FromChild, ToChild } from './frames';

interface DenoStdio {
  writeSync(bytes: Uint8Array): number;
}
interface DenoApi {
  args: string[];
  stdin: { readable: ReadableStream<Uint8Array> };
  stdout: DenoStdio;
  exit(code: number): never;
}
const deno = (globalThis as unknown as { Deno: DenoApi }).Deno;
const config = JSON.parse(deno.args[0] ?? '{}') as ChildConfig;
const stdout = deno.stdout;
const exit: (code: number) => never = (code) => deno.exit(code);
const encoder = new TextEncoder();

function send(frame: FromChild): void {
  const bytes = encoder.encode(`${JSON.stringify(frame)}\n`);
  for (let written = 0; written < bytes.length;) written += stdout.writeSync(bytes.subarray(written));
}

/**
 * Emscripten asks for a growable memory of up to 4 GB; a smaller maximum makes malloc fail inside
 * Python (MemoryError) instead of the process growing until something else kills it.
 */
function capWasmMemory(maxBytes: number): void {
  const pages = Math.max(1, Math.floor(maxBytes / 65536));
  const Original = WebAssembly.Memory;
  const Capped = function (descriptor: WebAssembly.MemoryDescriptor) {
    const maximum = Math.min(descriptor.maximum ?? pages, pages);
    return new Original({ ...descriptor, initial: Math.min(descriptor.initial, maximum), maximum });
  } as unknown as typeof WebAssembly.Memory;
  Capped.prototype = Original.prototype;
  Object.defineProperty(WebAssembly, 'Memory', { value: Capped, configurable: false, writable: false });
}

/**
 * Pyodide sees Deno's Node layer and asks `process.getuid()` as it would in Node, which the
 * sandbox refuses (and would tell the caller's uid). The browser's answer is 0; so is this one.
 */
function answerLikeTheBrowser(): void {
  const node = (globalThis as unknown as { process?: Record<string, unknown> }).process;
  if (!node) return;
  node['getuid'] = () => 0;
  node['getgid'] = () => 0;
  node['geteuid'] = () => 0;
  node['getegid'] = () => 0;
}

/** What the project printed during the current call; past the cap the child stops (the parent reports it). */
let printed = 0;
function countOutput(text: string): void {
  printed += text.length;
  if (printed > config.outputCapBytes) {
    send({ type: 'limit', limit: 'output', message: `the project printed more than ${config.outputCapBytes} bytes` });
    exit(3);
  }
}

async function main(): Promise<void> {
  capWasmMemory(config.wasmMaxBytes);
  answerLikeTheBrowser();
  let host;
  try {
    ({ host } = await bootPythonHost(config.assets, {
      output: (_session, text) => countOutput(text),
      jsglobals: Object.create(null) as object,
    }));
  } catch (error) {
    send({ type: 'boot-failed', message: error instanceof Error ? error.message : String(error) });
    exit(2);
  }
  send({ type: 'ready', pythonVersion: host.pythonVersion });

  let buffered = '';
  const decoder = new TextDecoder();
  for await (const chunk of deno.stdin.readable) {
    buffered += decoder.decode(chunk, { stream: true });
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      if (line.trim()) answer(host, JSON.parse(line) as ToChild);
    }
  }
  exit(0);
}

function isFatal(error: unknown): boolean {
  for (let current = error; current instanceof Error; current = current.cause) {
    if ((current as { pyodide_fatal_error?: boolean }).pyodide_fatal_error) return true;
    if (/Pyodide already fatally failed/.test(current.message)) return true;
  }
  return false;
}

function answer(host: Awaited<ReturnType<typeof bootPythonHost>>['host'], frame: ToChild): void {
  printed = 0;
  let value: ReturnType<HostApi[HostMethod]>;
  try {
    value = host.call(frame.method, frame.args as never);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // A fatal error (a refused permission inside os.system, a wasm trap) leaves Pyodide unusable:
    // say so and stop; the parent starts a fresh child for what comes next.
    if (isFatal(error)) {
      send({ type: 'limit', limit: 'crash', message: `Python stopped: ${message.split('\n')[0] ?? message}` });
      exit(3);
    }
    send({ type: 'error', id: frame.id, message });
    return;
  }
  const json = JSON.stringify({ type: 'result', id: frame.id, value });
  if (json.length > config.outputCapBytes) {
    send({
      type: 'limit',
      limit: 'output',
      message: `the answer to ${frame.method} is over ${config.outputCapBytes} bytes`,
    });
    exit(3);
  }
  const bytes = encoder.encode(`${json}\n`);
  for (let written = 0; written < bytes.length;) written += stdout.writeSync(bytes.subarray(written));
}

await main();
