/**
 * A stand-in for Python in unit tests: records every request and answers with `answer` (an OK
 * "hi" unless a test replaces it). `onRequest` runs first, e.g. to stream the app's log the way
 * the worker does before it answers.
 */
import type { PythonRuntime } from '../../grading/runtime';
import type { HostApi, HostMethod, HttpRequest, HttpResponse } from '../../runtime/protocol';

export function okResponse(overrides: Partial<HttpResponse> = {}): HttpResponse {
  return {
    status: 200,
    reason: 'OK',
    headers: [['Content-Type', 'text/plain']],
    body: 'hi',
    log: '',
    interrupted: false,
    ...overrides,
  };
}

export class FakeRuntime implements PythonRuntime {
  readonly requests: Array<{ session: string; request: HttpRequest }> = [];
  answer: (request: HttpRequest) => HttpResponse | Promise<HttpResponse> = () => okResponse();
  onRequest: (request: HttpRequest) => void = () => {};

  async call<M extends HostMethod>(method: M, args: Parameters<HostApi[M]>[0]): Promise<ReturnType<HostApi[M]>> {
    if (method !== 'request') throw new Error(`the fake runtime only answers requests, not ${method}`);
    const { session, request } = args as Parameters<HostApi['request']>[0];
    this.requests.push({ session, request });
    this.onRequest(request);
    return (await this.answer(request)) as ReturnType<HostApi[M]>;
  }
}
