/**
 * Lesson 09's first attack: a session cookie signed with a key that leaked, sent to a page that
 * shows who is logged in. Judged against a control: the same cookie signed with the app's own key
 * must be accepted, so a page that ignores sessions (or a route that is gone) cannot pass by
 * refusing everything.
 */
import type { CheckSpec } from '../../content/checks-schema';
import { GRADER_SESSION, sendRequest, startApp, where, type GradingContext } from '../context';
import { forgeFlaskSession } from '../flask-session';
import type { CheckResult } from '../types';
import type { SourceLocation, WorkspaceFiles } from '../../runtime/protocol';

type Spec = Extract<CheckSpec, { kind: 'forged-session' }>;

/** Where the project writes SECRET_KEY_FALLBACKS, to point at it when a fallback still accepts the key. */
function fallbacksWritten(files: WorkspaceFiles): SourceLocation | null {
  for (const file of Object.keys(files)
    .filter((path) => path.endsWith('.py'))
    .sort()) {
    const index = files[file]!.split('\n').findIndex((line) => line.includes('SECRET_KEY_FALLBACKS'));
    if (index >= 0) return { file, line: index + 1 };
  }
  return null;
}

export async function forgedSession(
  spec: Spec,
  context: GradingContext,
  env: Record<string, string>,
): Promise<CheckResult> {
  const result = (passed: boolean, message: string, at?: SourceLocation | null): CheckResult => ({
    id: spec.id,
    title: spec.title,
    passed,
    message,
    ...(at ? { file: at.file, line: at.line } : {}),
    ...(passed ? {} : { hint: spec.hint }),
  });
  await startApp(context, env);
  const facts = await context.runtime.call('facts', { session: GRADER_SESSION, files: context.files });
  const claims = JSON.stringify(spec.session);
  const visit = async (key: string) => {
    const cookie = await forgeFlaskSession(spec.session, key);
    const response = await sendRequest(context, {
      method: 'GET',
      path: spec.path,
      headers: [['Cookie', `session=${cookie}`]],
    });
    return response.status < 400 && response.body.includes(spec.acceptedWhen);
  };

  if (!facts.secretKey) return result(false, 'The app has no SECRET_KEY: it cannot sign sessions at all.');
  if (!(await visit(facts.secretKey))) {
    return result(
      false,
      `A session ${claims} signed with the app's own key is not accepted at ${spec.path} (no "${spec.acceptedWhen}"): the check cannot tell a refused forgery from a page that ignores sessions. Keep the login working.`,
    );
  }
  for (const leaked of spec.leakedKeys) {
    if (leaked === facts.secretKey) {
      return result(
        false,
        `The app still signs its sessions with the key that leaked (${leaked}): anyone who has it forges ${claims} and is "${spec.acceptedWhen}" at ${spec.path}. Rotate it: a new key from the environment.`,
        facts.secretLiteral,
      );
    }
    if (await visit(leaked)) {
      const fallback = fallbacksWritten(context.files);
      return result(
        false,
        `A session ${claims} forged with the leaked key ${leaked} is still accepted at ${spec.path} ("${spec.acceptedWhen}")${
          fallback ? `: SECRET_KEY_FALLBACKS at ${where(fallback)} still trusts it` : ''
        }. A leaked key never goes into the fallbacks; they are for a key rotated in the normal course, and only until the sessions it signed expire.`,
        fallback,
      );
    }
  }
  return result(
    true,
    `A session ${claims} forged with the leaked key is refused at ${spec.path}; one signed with the app's own key is accepted.`,
  );
}
