/**
 * Evaluation for `prodready audit`: every rule of the registry over a discovered project, through
 * one Python runtime, scheduled by scope: app rules once per production entrypoint (an
 * entrypoint judged before with the same command and environment is not run again), nginx rules
 * once per nginx config, process rules once per unit or Supervisor program, project rules once.
 * Findings are deduplicated by rule, file and line.
 */
import { GRADER_SESSION, where, type GradingContext } from '../../lib/grading/context';
import type { RuleScope } from '../../lib/grading/rule';
import type { RuleId } from '../../lib/grading/rule-ids';
import { rules } from '../../lib/grading/rules';
import type { PythonRuntime } from '../../lib/grading/runtime';
import type { Severity } from '../../lib/grading/types';
import { TimeLimitError } from '../../lib/runtime/protocol';
import { BlockedError } from '../../lib/grading/types';
import { JudgeLimitError } from '../confined/runtime';
import { auditEntrypoint, type EntrypointAudit } from './app-rules';
import { filesUnder } from './server-command';
import { NOT_FOUND } from './attacks';
import { AuditRuntime } from './audit-runtime';
import { deploymentDirectories } from './deployment-directories';
import { discover } from './discover';
import type { Entrypoint } from './entrypoints';
import { runRule, type AuditFinding, type Placed } from './findings';
import { readProject, type Project } from './project';

export type { AuditFinding } from './findings';

/** What production starts, as the audit found it, and whether the app came up under it. */
export interface AuditEntrypoint {
  /** As the project writes it. */
  command: string;
  /** Where it is written; null when the audit guessed it (no Procfile, unit, Dockerfile...). */
  file: string | null;
  line: number | null;
  started: boolean;
  /** Why it did not start (the exception line of its traceback), when it did not. */
  reason?: string;
}

export interface AuditResult {
  findings: AuditFinding[];
  entrypoints: AuditEntrypoint[];
  /** What the audit could not read or run, and the assumptions it made; never findings. */
  infos: string[];
  /** What could not be judged (an app that did not start, a limit the runtime hit): the exit code is 3, never clean. */
  unjudged: string[];
  /** How many files it read. */
  fileCount: number;
}

/** The registry's rules of one scope. */
export const rulesOf = (scope: RuleScope) => (Object.keys(rules) as RuleId[]).filter((id) => rules[id].scope === scope);

export function dedupe(findings: AuditFinding[]): AuditFinding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = `${finding.rule}\u0000${finding.file}\u0000${finding.line}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const SEVERITY_ORDER: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

/** The registry's app rules that read the code before any of it runs. */
const BEFORE_RUNNING = rulesOf('app').filter((id) => rules[id].needs?.beforeRunning);

export async function auditProject(project: Project, host: PythonRuntime): Promise<AuditResult> {
  const infos = [...project.infos];
  const unjudged: string[] = [];
  const runtime = new AuditRuntime(host, project.entrypoints, deploymentDirectories(project.files));
  const findings: Array<AuditFinding | Placed> = [];
  const entrypoints: AuditEntrypoint[] = project.notRun.map((skipped) => ({ ...skipped, started: false }));
  const staticContext = (extra: Partial<GradingContext>): GradingContext => ({
    files: project.files,
    runtime,
    production: { command: '', commandSource: null, env: {}, attack: NOT_FOUND },
    nginx: null,
    apache: null,
    process: null,
    ...extra,
  });
  try {
    const commands = project.entrypoints.length > 0 ? project.entrypoints : [{ command: '', source: null, root: '' }];
    for (const id of BEFORE_RUNNING) {
      for (const { command, source, root } of commands) {
        const production = { command, commandSource: source, env: {}, attack: NOT_FOUND };
        // In a lesson-mode run of the host itself: the reading needs none of the audit's packages or stand-ins.
        const context = staticContext({ production, runtime: host, files: filesUnder(project.files, root) });
        findings.push(...(await runRule(rules[id], context, infos)));
      }
    }
    // A unit and a Procfile often start the same command with the same environment: the app
    // behaves the same, so it is judged once and the findings placed at the command move to each.
    const judged = new Map<string, { entry: Entrypoint; found: Placed[]; started: boolean; reason?: string }>();
    for (const entry of project.entrypoints) {
      const key = JSON.stringify([
        entry.command,
        entry.root,
        entry.env,
        entry.container,
        entry.platform,
        project.nginx.length,
      ]);
      const same = judged.get(key);
      const place = { command: entry.written, file: entry.source?.file ?? null, line: entry.source?.line ?? null };
      if (!same) {
        const audited = await auditEntrypoint(project, entry, runtime, infos, unjudged).catch(
          (error: unknown): EntrypointAudit => {
            // The app hit a limit: the runtime reports which, and the audit goes on with what needs no Python.
            if (error instanceof JudgeLimitError || error instanceof TimeLimitError || error instanceof BlockedError) {
              return { started: false, reason: error.message, found: [] };
            }
            throw error;
          },
        );
        judged.set(key, { entry, ...audited });
        findings.push(...audited.found);
        entrypoints.push({ ...place, started: audited.started, ...(audited.reason ? { reason: audited.reason } : {}) });
        continue;
      }
      entrypoints.push({ ...place, started: same.started, ...(same.reason ? { reason: same.reason } : {}) });
      const from = where(same.entry.source);
      const to = where(entry.source);
      for (const finding of same.found) {
        if (!finding.atCommand) continue;
        findings.push({
          ...finding,
          file: entry.source?.file ?? finding.file,
          line: entry.source?.line ?? finding.line,
          message: from && to ? finding.message.split(from).join(to) : finding.message,
        });
      }
    }
    for (const nginx of project.nginx) {
      for (const id of rulesOf('nginx')) findings.push(...(await runRule(rules[id], staticContext({ nginx }), infos)));
    }
    for (const apache of project.apache) {
      for (const id of rulesOf('apache'))
        findings.push(...(await runRule(rules[id], staticContext({ apache }), infos)));
    }
    for (const id of rulesOf('project')) {
      findings.push(...(await runRule(rules[id], staticContext({ deployment: project.deployment }), infos)));
    }
    for (const process of project.processes) {
      for (const id of rulesOf('process'))
        findings.push(...(await runRule(rules[id], staticContext({ process }), infos)));
    }
  } finally {
    await runtime.call('stop', { session: GRADER_SESSION }).catch(() => null);
  }
  const sorted = dedupe(
    findings.map(({ rule, severity, file, line, message }) => ({ rule, severity, file, line, message })),
  ).sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.rule.localeCompare(b.rule),
  );
  return { findings: sorted, entrypoints, infos, unjudged, fileCount: Object.keys(project.files).length };
}

/** Discover DIR and audit it. */
export async function audit(dir: string, runtime: PythonRuntime): Promise<AuditResult> {
  const discovery = discover(dir);
  return auditProject(readProject(discovery.files, discovery.infos), runtime);
}
