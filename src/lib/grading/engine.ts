/**
 * The grading engine: runs a lesson's checks against a set of files, one after another, through a
 * PythonRuntime. Knows nothing of the UI; the browser and the CLI call the same function.
 */
import type { CheckSpec } from '../content/checks-schema';
import type { Lesson } from '../content/lesson';
import type { WorkspaceFiles } from '../runtime/protocol';
import { clientViewCheck } from './checks/client-view';
import { envMatrix } from './checks/env-matrix';
import { httpCheck } from './checks/http';
import { leakReport } from './checks/leak-report';
import { managedCommand } from './checks/managed-command';
import { nginxSyntax } from './checks/nginx-syntax';
import { proxyRequest } from './checks/proxy-request';
import { pythonSyntax } from './checks/python-syntax';
import { ruleCheck } from './checks/rule';
import { serverSettings } from './checks/server-settings';
import { GRADER_SESSION, GraderRuns, type GradingContext } from './context';
import { productionCommand } from './production';
import type { PythonRuntime } from './runtime';
import type { CheckResult } from './types';

function contextFor(
  lesson: Lesson,
  files: WorkspaceFiles,
  runtime: PythonRuntime,
  check: CheckSpec,
  runs: GraderRuns,
): GradingContext {
  const env = 'env' in check && check.env ? check.env : lesson.run.env;
  const attack =
    'attack' in check && check.attack ? check.attack : { method: 'GET', path: lesson.attackPath, headers: {} };
  const { command, source } = productionCommand(files, lesson.run.command);
  return { files, runtime, runs, production: { command, commandSource: source, env, attack } };
}

async function runCheck(check: CheckSpec, context: GradingContext): Promise<CheckResult> {
  switch (check.kind) {
    case 'python-syntax':
      return pythonSyntax(check, context);
    case 'rule':
      return ruleCheck(check, context);
    case 'http':
      return httpCheck(check, context, context.production.env);
    case 'env-matrix':
      return envMatrix(check, context);
    case 'leak-report':
      return leakReport(check, context, context.production.env);
    case 'server-settings':
      return serverSettings(check, context, context.production.env);
    case 'client-view':
      return clientViewCheck(check, context, context.production.env);
    case 'nginx-syntax':
      return nginxSyntax(check, context);
    case 'managed-command':
      return managedCommand(check, context);
    case 'proxy-request':
      return proxyRequest(check, context, context.production.env);
  }
}

export async function grade(lesson: Lesson, files: WorkspaceFiles, runtime: PythonRuntime): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const runs = new GraderRuns();
  try {
    for (const check of lesson.checks) {
      const context = contextFor(lesson, files, runtime, check, runs);
      try {
        results.push(await runCheck(check, context));
      } catch (error) {
        // A check that cannot run fails with the reason; the rest still run.
        const reason = error instanceof Error ? error.message : String(error);
        results.push({
          id: check.id,
          title: check.title,
          passed: false,
          message: `The check could not run: ${reason}`,
        });
      }
    }
  } finally {
    await runtime.call('stop', { session: GRADER_SESSION }).catch(() => null);
  }
  return results;
}
