/** A rule: a named finding shared by lessons and `prodready audit` (docs/rules.md). */
import type { GradingContext } from './context';
import type { RuleId } from './rule-ids';
import type { Finding, Severity } from './types';

export interface RuleVerdict {
  findings: Finding[];
  /** Set when the rule could not decide (for example the app did not start); says why. */
  inconclusive?: string;
}

/**
 * What a rule judges, which decides what the audit gives it:
 * - app: the running app, once per production entrypoint (command, folder, environment);
 * - nginx: one nginx config as deployed;
 * - apache: one Apache httpd site as deployed;
 * - process: one systemd unit or Supervisor program;
 * - project: the project's deployment files as a whole (Dockerfiles, compose files, .env).
 */
export type RuleScope = 'app' | 'nginx' | 'apache' | 'process' | 'project';

/** What an app rule needs from the audit beyond the running app. */
export interface RuleNeeds {
  /** Tried with each route that takes an argument, until one answer shows the problem. */
  everyRoute?: boolean;
  /** Runs the app under an environment of its own: scheduled last, so the others share the first run. */
  ownEnvironment?: boolean;
  /** Only meaningful behind a proxy, with the server reachable some other way (not in a container, not behind a platform router). */
  proxyInFront?: boolean;
  /** Only a finding when someone other than the proxy can connect to the app server (or the server itself trusts anyone). */
  reachedByOthers?: boolean;
  /** Asks the app through the workspace's nginx config: without one it has nothing to judge (the capstone's red team skips it). */
  throughNginx?: boolean;
  /** Reads the code before any of it runs (so code that rewrites the judge cannot rewrite this reading). */
  beforeRunning?: boolean;
}

export interface Rule {
  id: RuleId;
  scope: RuleScope;
  needs?: RuleNeeds;
  severity: Severity;
  title: string;
  /** Why it matters, for the learner and the audit report. */
  explanation: string;
  /** What a pass confirmed, in plain words, for the learner (no rule id, not the check's title). */
  confirms?: string;
  fix: string;
  references: string[];
  evaluate(context: GradingContext): Promise<RuleVerdict>;
}
