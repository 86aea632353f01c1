/**
 * Lesson 08's attack replayed against the app run as production runs it (debugger-chain.ts):
 * facts through the file-read hole, the PIN, the console unlocked with Host: 127.0.0.1, code run.
 * Passes only when both links are broken.
 */
import type { CheckSpec } from '../../content/checks-schema';
import { sendRequest, startApp, type GradingContext } from '../context';
import { chainVerdict, replayChain, type ChainSend } from '../debugger-chain';
import type { CheckResult } from '../types';

type Spec = Extract<CheckSpec, { kind: 'debugger-chain' }>;

export async function debuggerChain(
  spec: Spec,
  context: GradingContext,
  env: Record<string, string>,
): Promise<CheckResult> {
  await startApp(context, env);
  const send: ChainSend = async (request) =>
    sendRequest(context, { method: 'GET', path: request.path, headers: Object.entries(request.headers) });
  const options = { fileRead: spec.fileRead, crashPath: context.production.attack.path };
  const { passed, message } = chainVerdict(await replayChain(send, options));
  return { id: spec.id, title: spec.title, passed, message, ...(passed ? {} : { hint: spec.hint }) };
}
