/**
 * What a host call was doing, in words, for the "could not judge" line: a limit hit says what it
 * stopped (`running \`gunicorn app:app\``), so the reader knows which entrypoint or file to look at.
 */
import type { HostApi, HostMethod } from '../../lib/runtime/protocol';

/** `command`: the last `run` of this child, which started the app a request or a read goes to. */
export function describeCall(method: HostMethod, args: unknown, command: string | null): string {
  const app = command === null ? 'the app' : `the app started by \`${command}\``;
  if (method === 'run') return `running \`${(args as Parameters<HostApi['run']>[0]).command}\``;
  if (method === 'request') {
    const { request } = args as Parameters<HostApi['request']>[0];
    return `asking ${app} for ${request.method} ${request.path}`;
  }
  if (method === 'facts') return `reading the settings of ${app}`;
  return `stopping ${app}`;
}
