/**
 * The app rules over one production entrypoint: the app started once, every rule of scope "app"
 * run against it (the rules that need an environment of their own last), each error-answer rule
 * tried with every route that takes an argument, findings named by project paths.
 */
import type { RequestSpec } from '../../lib/content/checks-schema';
import { GRADER_SESSION, GraderRuns, where, type GradingContext } from '../../lib/grading/context';
import { rules } from '../../lib/grading/rules';
import type { RuleId } from '../../lib/grading/rule-ids';
import type { PythonRuntime } from '../../lib/grading/runtime';
import type { SourceLocation } from '../../lib/runtime/protocol';
import { readTheCode, startApp } from './app-start';
import { withVersion } from './start-notes';
import { NOT_FOUND, attacksFor } from './attacks';
import type { Entrypoint } from './entrypoints';
import { runRule, type Placed } from './findings';
import type { Project } from './project';
import { filesUnder } from './server-command';
import { reachableByOutsiders, serverTrustsAnyone } from './reachability';

/** The app rules, those that run the app under an environment of their own last (the others reuse the first run). */
const APP_RULES = (Object.keys(rules) as RuleId[])
  .filter((id) => rules[id].scope === 'app' && !rules[id].needs?.beforeRunning)
  .sort((a, b) => Number(Boolean(rules[a].needs?.ownEnvironment)) - Number(Boolean(rules[b].needs?.ownEnvironment)));

/** Values an operator sets to mean "debug off"; code that reads any of them as on is live in production. */
const DEBUG_OFF_VALUES = ['0', 'false'];

/** Whether the entrypoint's app started, and the findings about it named by project paths. */
export interface EntrypointAudit {
  started: boolean;
  /** Why it did not start. */
  reason?: string;
  found: Placed[];
}

/** Findings about the app name its files as the app sees them from its folder: back to project paths. */
export async function auditEntrypoint(
  project: Project,
  entry: Entrypoint,
  runtime: PythonRuntime,
  infos: string[],
  unjudged: string[],
): Promise<EntrypointAudit> {
  const judged = await judgeEntrypoint(project, entry, runtime, infos, unjudged);
  const found = judged.found;
  if (entry.published && project.nginx.length > 0) found.push(publishedPastProxy(entry.published));
  if (!entry.root) return judged;
  const prefix = `${entry.root}/`;
  return {
    ...judged,
    found: found.map((finding) =>
      project.files[finding.file] === undefined && project.files[prefix + finding.file] !== undefined
        ? {
            ...finding,
            file: prefix + finding.file,
            message: finding.message.split(`${finding.file}:`).join(`${prefix}${finding.file}:`),
          }
        : finding,
    ),
  };
}

/** A compose service publishing the app's port on the host: clients reach it without the proxy. */
function publishedPastProxy(at: SourceLocation): Placed {
  return {
    atCommand: false,
    rule: 'bind-all-interfaces',
    severity: rules['bind-all-interfaces'].severity,
    file: at.file,
    line: at.line,
    message: `The app's container publishes its port on every interface of the host (${where(at)}): clients reach the app server directly, past nginx. Publish only the proxy, or bind the port to 127.0.0.1.`,
  };
}

async function judgeEntrypoint(
  project: Project,
  entry: Entrypoint,
  runtime: PythonRuntime,
  infos: string[],
  unjudged: string[],
): Promise<EntrypointAudit> {
  const env = { ...entry.env };
  const files = filesUnder(project.files, entry.root);
  const context: GradingContext = {
    files,
    runtime,
    production: { command: entry.command, commandSource: entry.source, env, attack: NOT_FOUND },
    nginx: project.nginx[0] ?? null,
    process: null,
    // One app for every rule of this entrypoint: consecutive rules that run it the same way reuse it.
    runs: new GraderRuns(),
  };
  const { outcome, reason } = await startApp(context, entry, infos, unjudged);
  if (!outcome.serving) return { started: false, reason, found: await readTheCode(files, entry, runtime) };
  const facts = await runtime.call('facts', { session: GRADER_SESSION, files });
  const attacks = attacksFor(facts.routes ?? []);
  const found: Placed[] = [];
  const serving = outcome.serving;
  let debugFound = true;
  for (const id of APP_RULES) {
    const rule = rules[id];
    // Containers listen on every interface to be reachable at all; without a proxy in front the
    // binding is how the app is meant to be reached.
    if (rule.needs?.proxyInFront && (entry.container || entry.platform || project.nginx.length === 0)) continue;
    // Behind a platform's router the project's nginx is not in front: what it passes on is not this app's.
    if (rule.needs?.throughNginx && entry.platform) continue;
    const reach =
      rule.needs?.reachedByOthers && !serverTrustsAnyone(serving)
        ? reachableByOutsiders(serving, entry, project)
        : null;
    // Known to be reached by the proxy alone: nothing to ask the app.
    if (reach && !reach.outsiders && !reach.unknown) continue;
    // Rules that judge what an error answer carries try every route that takes an argument.
    const tries = rule.needs?.everyRoute ? attacks : [attacks[0] as RequestSpec];
    let results: Placed[] = [];
    for (const attack of tries) {
      results = await runRule(rule, { ...context, production: { ...context.production, attack } }, infos);
      if (results.length > 0) break;
    }
    if (id === 'debug-enabled') debugFound = results.length > 0;
    // ProxyFix believes whoever connects; that is right when only the proxy can connect.
    if (reach && !reach.outsiders && results[0]) {
      if (reach.unknown) infos.push(`${results[0].file}:${results[0].line}: not reported as ${id}: ${reach.unknown}`);
      results = [];
    }
    found.push(...results.map((finding) => withVersion(finding, outcome)));
  }
  if (!debugFound && env['FLASK_DEBUG'] === undefined) {
    // What does the code do when the operator writes FLASK_DEBUG=0 or false to turn debug off?
    // Last, because each value is a run of its own.
    for (const value of DEBUG_OFF_VALUES) {
      const withValue = { ...env, FLASK_DEBUG: value };
      const production = { ...context.production, env: withValue, attack: attacks[0] as RequestSpec };
      const results = (await runRule(rules['debug-enabled'], { ...context, production }, infos)).map((finding) => ({
        ...finding,
        message: `With FLASK_DEBUG=${value}: ${finding.message}`,
      }));
      found.push(...results);
      if (results.length > 0) break;
    }
  }
  return { started: true, found };
}
