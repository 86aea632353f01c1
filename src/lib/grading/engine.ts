/**
 * The grading engine: runs a lesson's checks against a set of files, one after another, through a
 * PythonRuntime. Knows nothing of the UI; the browser and the CLI call the same function.
 */
import type { CheckSpec } from '../content/checks-schema';
import type { Lesson } from '../content/lesson';
import { TIME_LIMITS, type WorkspaceFiles } from '../runtime/protocol';
import { acmeChallenge } from './checks/acme-challenge';
import { certificateChain } from './checks/certificate-chain';
import { clientViewCheck } from './checks/client-view';
import { debuggerChain } from './checks/debugger-chain';
import { envMatrix } from './checks/env-matrix';
import { forgedSession } from './checks/forged-session';
import { httpCheck } from './checks/http';
import { leakReport } from './checks/leak-report';
import { logSecrets } from './checks/log-secrets';
import { logTrail } from './checks/log-trail';
import { managedCommand } from './checks/managed-command';
import { apacheSyntax } from './checks/apache-syntax';
import { nginxSyntax } from './checks/nginx-syntax';
import { proxyRequest } from './checks/proxy-request';
import { pythonSyntax } from './checks/python-syntax';
import { blueTeam } from './checks/blue-team';
import { redTeam } from './checks/red-team';
import { auditClean } from './checks/audit-clean';
import { rules } from './rules';
import { serviceStarts } from './checks/service-starts';
import { rateLimit } from './checks/rate-limit';
import { renewalHook } from './checks/renewal-hook';
import { requirementsPinned } from './checks/requirements-pinned';
import { ruleCheck } from './checks/rule';
import { serverSettings } from './checks/server-settings';
import { GRADER_SESSION, GraderRuns, type GradingContext } from './context';
import { productionCommand, productionEnvironment } from './production';
import type { PythonRuntime } from './runtime';
import { BlockedError, type BlockingError, type CheckResult } from './types';

function contextFor(
  lesson: Lesson,
  files: WorkspaceFiles,
  runtime: PythonRuntime,
  check: CheckSpec,
  runs: GraderRuns,
): GradingContext {
  const secrets = 'env' in check && check.env ? check.env : lesson.run.env;
  const attack =
    'attack' in check && check.attack ? check.attack : { method: 'GET', path: lesson.attackPath, headers: {} };
  const { command, source } = productionCommand(files, lesson.run.command);
  const { env, credentials } = productionEnvironment(files, source, secrets);
  return { files, runtime, runs, production: { command, commandSource: source, env, credentials, attack } };
}

/** What a check may need beyond its context: the capstone's red team replays other checks. */
interface Grading {
  lesson: Lesson;
  contextFor(check: CheckSpec): GradingContext;
  runs: GraderRuns;
}

async function runCheck(check: CheckSpec, context: GradingContext, grading: Grading): Promise<CheckResult> {
  switch (check.kind) {
    case 'red-team':
      return redTeam(check, grading.lesson.redTeam ?? [], context, grading.contextFor, (attack, attackContext) =>
        runWithinLimit(attack, attackContext, grading),
      );
    case 'audit-clean':
      return auditClean(check, context);
    case 'blue-team':
      return blueTeam(check, context, context.production.env);
    case 'service-starts':
      return serviceStarts(check, context);
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
    case 'apache-syntax':
      return apacheSyntax(check, context);
    case 'managed-command':
      return managedCommand(check, context);
    case 'proxy-request':
      return proxyRequest(check, context, context.production.env);
    case 'debugger-chain':
      return debuggerChain(check, context, context.production.env);
    case 'forged-session':
      return forgedSession(check, context, context.production.env);
    case 'requirements-pinned':
      return requirementsPinned(check, context);
    case 'certificate-chain':
      return certificateChain(check, context);
    case 'acme-challenge':
      return acmeChallenge(check, context);
    case 'renewal-hook':
      return renewalHook(check, context);
    case 'rate-limit':
      return rateLimit(check, context, context.production.env);
    case 'log-trail':
      return logTrail(check, context, context.production.env);
    case 'log-secrets':
      return logSecrets(check, context, context.production.env);
  }
}

/**
 * A check past TIME_LIMITS.checkMs fails with that, and Python is interrupted; the check's own
 * code may still be awaiting, so its runtime refuses further calls from then on.
 */
async function runWithinLimit(check: CheckSpec, context: GradingContext, grading: Grading): Promise<CheckResult> {
  const { runs } = grading;
  // The red team replays each attack within its own limit; its own limit leaves room for all of them.
  // The audit runs every rule: each gets a check's time.
  const limitMs =
    TIME_LIMITS.checkMs *
    (check.kind === 'red-team'
      ? (grading.lesson.redTeam?.length ?? 0) + 1
      : check.kind === 'audit-clean'
        ? Object.keys(rules).length
        : 1);
  let expired = false;
  const runtime = context.runtime;
  const guarded: PythonRuntime = {
    call: (method, args, options) =>
      expired ? Promise.reject(new Error('the check ran out of time')) : runtime.call(method, args, options),
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<CheckResult>((resolve) => {
    timer = setTimeout(() => {
      expired = true;
      runs.forget();
      void runtime.interrupt?.();
      const seconds = limitMs / 1000;
      resolve({
        id: check.id,
        title: check.title,
        passed: false,
        message: `This check took longer than ${seconds} s and was stopped: something in your code is too slow or never ends.`,
        hint: check.hint,
      });
    }, limitMs);
  });
  try {
    return await Promise.race([runCheck(check, { ...context, runtime: guarded }, grading), limit]);
  } finally {
    clearTimeout(timer);
  }
}

/** A blocking error met twice is the same error: by its line when it has one, else by its words. */
function blockingKey(blocking: BlockingError): string {
  return blocking.file && blocking.line
    ? `${blocking.file}:${blocking.line}`
    : `${blocking.file ?? ''}|${blocking.message}`;
}

/**
 * The first check to meet a blocking error reports it (its words, file and line); the later ones
 * that meet the same error are "not run" and point at that first one, instead of repeating it.
 */
function settleBlocking(result: CheckResult, reported: Map<string, CheckResult>): CheckResult {
  if (result.passed || !result.blocking) return result;
  const key = blockingKey(result.blocking);
  const first = reported.get(key);
  if (!first) {
    reported.set(key, result);
    return result;
  }
  return {
    id: result.id,
    title: result.title,
    passed: false,
    message: `Not run: it needs what "${first.title}" reports broken; fix that first.`,
    notRunBecause: first.id,
  };
}

function blockedResult(check: CheckSpec, blocking: BlockingError): CheckResult {
  return {
    id: check.id,
    title: check.title,
    passed: false,
    message: blocking.message,
    file: blocking.file,
    line: blocking.line,
    hint: check.hint,
    blocking,
  };
}

export async function grade(lesson: Lesson, files: WorkspaceFiles, runtime: PythonRuntime): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const reported = new Map<string, CheckResult>();
  const runs = new GraderRuns();
  const grading: Grading = { lesson, runs, contextFor: (check) => contextFor(lesson, files, runtime, check, runs) };
  try {
    for (const check of lesson.checks) {
      const context = grading.contextFor(check);
      let result: CheckResult;
      try {
        result = await runWithinLimit(check, context, grading);
      } catch (error) {
        if (error instanceof BlockedError) {
          result = blockedResult(check, error.blocking);
        } else {
          // A check that cannot run fails with the reason; the rest still run.
          const reason = error instanceof Error ? error.message : String(error);
          result = { id: check.id, title: check.title, passed: false, message: `The check could not run: ${reason}` };
        }
      }
      results.push(settleBlocking(result, reported));
    }
  } finally {
    await runtime.call('stop', { session: GRADER_SESSION }).catch(() => null);
  }
  return results;
}
