import { describe, expect, test } from 'vitest';
import type { PythonRuntime } from '../../lib/grading/runtime';
import { GRADER_SESSION } from '../../lib/grading/context';
import type { HostApi, HostMethod } from '../../lib/runtime/protocol';
import { AuditRuntime } from './audit-runtime';

/** An inner runtime that records what reaches it and answers facts with a count. */
function recording() {
  const calls: Array<{ method: string; args: unknown }> = [];
  const inner: PythonRuntime = {
    call: async <M extends HostMethod>(method: M, args: Parameters<HostApi[M]>[0]) => {
      calls.push({ method, args });
      return { asked: calls.length } as unknown as ReturnType<HostApi[M]>;
    },
  } as PythonRuntime;
  return { inner, calls };
}

describe('AuditRuntime facts', () => {
  const files = { 'app.py': 'from flask import Flask\napp = Flask(__name__)\n' };

  test('the same files ask Python once; a request makes the next ask again', async () => {
    const { inner, calls } = recording();
    const runtime = new AuditRuntime(inner);
    await runtime.call('facts', { session: GRADER_SESSION, files });
    await runtime.call('facts', { session: GRADER_SESSION, files });
    expect(calls.filter((call) => call.method === 'facts')).toHaveLength(1);
    await runtime.call('request', { session: GRADER_SESSION, request: { method: 'GET', path: '/' } } as never);
    await runtime.call('facts', { session: GRADER_SESSION, files });
    expect(calls.filter((call) => call.method === 'facts')).toHaveLength(2);
  });

  test('asking for the error-handler probe is passed on, and is not answered by facts without it', async () => {
    const { inner, calls } = recording();
    const runtime = new AuditRuntime(inner);
    await runtime.call('facts', { session: GRADER_SESSION, files });
    await runtime.call('facts', { session: GRADER_SESSION, files, probeErrorHandlers: true });
    const facts = calls.filter((call) => call.method === 'facts');
    expect(facts).toHaveLength(2);
    expect(facts[1]?.args).toMatchObject({ probeErrorHandlers: true });
  });
});
