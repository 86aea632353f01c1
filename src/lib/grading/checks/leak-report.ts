/**
 * The learner names what leaked. The check runs the attack itself, reads what really leaked
 * (the secret the app holds, the source paths in the response) and looks for those values in the
 * report, so only the real values pass.
 */
import type { CheckSpec } from '../../content/checks-schema';
import { GRADER_SESSION, send, startApp, type GradingContext } from '../context';
import { projectPathsIn } from '../leaks';
import { PROJECT_DIR } from '../../runtime/protocol';
import type { CheckResult } from '../types';

type Spec = Extract<CheckSpec, { kind: 'leak-report' }>;

/** The first line of the report that matches `about` (the line to fix), else its first line. */
function lineAbout(report: string, about: RegExp): number {
  const index = report.split('\n').findIndex((line) => about.test(line) && !/^#/.test(line.trim()));
  return index + 1 || 1;
}

/** Why the report's path is not the one that leaked: the wrong file, or a name without its folder. */
function wrongPath(file: string, report: string, leaked: string[], body: string): string {
  const written = report.match(/\/[\w.-]+(?:\/[\w.-]+)+\.py\b/g) ?? [];
  const elsewhere = written.find((path) => !path.startsWith(PROJECT_DIR + '/'));
  if (elsewhere) {
    const library = /site-packages\/([\w-]+)\//.exec(elsewhere)?.[1];
    const whose = library
      ? `the path of ${library === 'flask' ? 'Flask' : library}'s own file`
      : 'a path outside the app';
    const shown = body.includes(elsewhere) ? 'the traceback shows it too, but ' : '';
    return `${file} names ${elsewhere}, ${whose}, not your app's: ${shown}the frames under ${PROJECT_DIR}/ are your code (${leaked[0]}).`;
  }
  const shortNames = leaked.map((path) => path.split('/').pop() ?? path);
  if (shortNames.some((name) => report.includes(name))) {
    return `${file} names the file, but not where it lives: write the full path the traceback shows, which tells an attacker the server's layout.`;
  }
  return `${file} does not name the source file path the traceback leaked.`;
}

export async function leakReport(
  spec: Spec,
  context: GradingContext,
  env: Record<string, string>,
): Promise<CheckResult> {
  const base = { id: spec.id, title: spec.title, hint: spec.hint };
  const fail = (message: string, line?: number): CheckResult => ({
    ...base,
    passed: false,
    message,
    file: line ? spec.file : undefined,
    line,
  });
  const report = context.files[spec.file];
  if (report === undefined) return fail(`${spec.file} is missing: create it and write down what leaked.`);

  await startApp(context, env);
  const attack = spec.attack ?? context.production.attack;
  const response = await send(context, attack);
  const facts = await context.runtime.call('facts', { session: GRADER_SESSION, files: context.files });
  const leakedPaths = projectPathsIn(response.body);

  if (spec.mustName.includes('secret')) {
    const secret = facts.secretKey;
    if (!secret || !response.body.includes(secret)) {
      return fail(
        `The attack on ${attack.path} no longer leaks the secret key, so there is nothing to report; reset the app to the starter.`,
      );
    }
    if (!report.includes(secret)) {
      return fail(
        `${spec.file} does not name the secret key the traceback leaked; copy its exact value.`,
        lineAbout(report, /secret|key/i),
      );
    }
  }
  if (spec.mustName.includes('path')) {
    if (leakedPaths.length === 0) {
      return fail(`The attack on ${attack.path} no longer leaks a source path; reset the app to the starter.`);
    }
    if (!leakedPaths.some((path) => report.includes(path))) {
      return fail(wrongPath(spec.file, report, leakedPaths, response.body), lineAbout(report, /path|file|\.py\b/i));
    }
  }
  return { ...base, passed: true, message: `${spec.file} names what the attack leaked.` };
}
