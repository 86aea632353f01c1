/**
 * Evaluation for `prodready audit`: every rule over a discovered project, through one Python
 * runtime. The rules that run the app run once per production entrypoint; the nginx rules once
 * per nginx config; the process-manager rules once per unit or Supervisor program. Findings are
 * deduplicated by rule, file and line.
 */
import type { RequestSpec } from '../../lib/content/checks-schema';
import { GRADER_SESSION, GraderRuns, runApp, where, type GradingContext } from '../../lib/grading/context';
import type { Rule } from '../../lib/grading/rule';
import type { RuleId } from '../../lib/grading/rule-ids';
import { rules } from '../../lib/grading/rules';
import type { PythonRuntime } from '../../lib/grading/runtime';
import type { Severity } from '../../lib/grading/types';
import type {
  AppFacts,
  HostApi,
  HostMethod,
  RunOutcome,
  ServingInfo,
  WorkspaceFiles,
} from '../../lib/runtime/protocol';
import { TimeLimitError } from '../../lib/runtime/protocol';
import { BlockedError } from '../../lib/grading/types';
import { JudgeLimitError } from '../confined/runtime';
import { discover } from './discover';
import { reachableModules } from './imports';
import { readProject, type Entrypoint, type Project } from './project';
import { startNotes, withVersion } from './start-notes';

export interface AuditFinding {
  rule: string;
  severity: Severity;
  file: string;
  line: number;
  message: string;
}

/** A finding while evaluating: placed at the production command because the rule named no file. */
type Placed = AuditFinding & { atCommand: boolean };

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

const NGINX_RULES: RuleId[] = [
  'proxy-headers-missing',
  'host-header-spoofable',
  'add-header-dropped',
  'header-missing-always',
  'server-tokens',
  'weak-tls',
  'no-https-redirect',
  'alias-traversal',
  'proxy-ssrf',
  'h2c-smuggling',
  'allow-without-deny',
];
const PROCESS_RULES: RuleId[] = [
  'unit-runs-as-root',
  'unit-no-restart',
  'secret-in-unit-environment',
  'unit-not-hardened',
];
/**
 * Rules that run the app under an environment of their own (hardcoded-secret without and with a
 * fresh SECRET_KEY) go last, so every other rule reuses the app the entrypoint's first run started.
 */
const OWN_ENV_RULES: RuleId[] = ['hardcoded-secret'];
/** Read before any of the project's code runs, so code that rewrites the judge cannot rewrite this reading. */
const BEFORE_RUNNING: RuleId[] = ['judge-evasion'];
const APP_RULES = (Object.keys(rules) as RuleId[])
  .filter((id) => !NGINX_RULES.includes(id) && !PROCESS_RULES.includes(id) && !BEFORE_RUNNING.includes(id))
  .sort((a, b) => Number(OWN_ENV_RULES.includes(a)) - Number(OWN_ENV_RULES.includes(b)));

/**
 * Files the harness reads whatever the code says: modules, templates, the env files Flask loads,
 * and what says which packages production installs (requirements, pyproject, Pipfile, lock files).
 */
const HARNESS_ALWAYS =
  /(\.(py|pyi|html|htm|jinja|jinja2|j2|xml|svg|css|js|txt)$)|(^|\/)(\.env(\..+)?|\.flaskenv|pyproject\.toml|Pipfile(\.lock)?|poetry\.lock|requirements[^/]*\.in)$/i;

/**
 * What the app itself can read: Python, templates, env files, and any other file the code or a
 * production command names (config.json, settings.toml, a gunicorn config without .py). nginx
 * sites, units, Dockerfiles and the like stay on the Node side, where the rules read them.
 */
export function harnessFiles(files: WorkspaceFiles, commands: readonly string[] = []): WorkspaceFiles {
  const python = Object.keys(files)
    .filter((path) => path.endsWith('.py'))
    .map((path) => files[path])
    .join('\n');
  const named = `${python}\n${commands.join('\n')}`;
  const out: WorkspaceFiles = {};
  for (const [path, text] of Object.entries(files)) {
    const base = path.split('/').pop() ?? path;
    // The test suite is not what production serves (and a test's debug=True is not production's).
    if (TEST_CODE.test(path) && !commands.some((command) => command.includes(path))) continue;
    if (HARNESS_ALWAYS.test(path) || named.includes(base)) out[path] = text;
  }
  return out;
}

const TEST_CODE = /(^|\/)(tests?\/.*|test_[^/]*\.py|[^/]*_tests?\.py|conftest\.py)$/;

/**
 * The runtime the audit's rules see: `run` and `facts` get only the files the harness needs
 * (converting and writing hundreds of unrelated files each run is most of its cost), and the facts
 * about the app now serving are asked once per state: they depend on those files, that app and
 * its latest request, so they stay until the next run, stop or request.
 */
export class AuditRuntime implements PythonRuntime {
  private facts: { files: WorkspaceFiles; result: Promise<AppFacts> } | null = null;
  private readonly subsets = new WeakMap<WorkspaceFiles, WorkspaceFiles>();
  private readonly factSubsets = new WeakMap<WorkspaceFiles, WorkspaceFiles>();
  private readonly commands: string[];

  constructor(
    private readonly inner: PythonRuntime,
    private readonly entries: ReadonlyArray<{ command: string; env: Record<string, string> }> = [],
  ) {
    this.commands = entries.map((entry) => entry.command);
  }

  /** Facts read the modules production imports: parsing every module of a large tree is most of their cost. */
  private factFiles(files: WorkspaceFiles): WorkspaceFiles {
    let subset = this.factSubsets.get(files);
    if (!subset) {
      const all = this.subset(files);
      const reachable = reachableModules(this.entries, all);
      subset = reachable ? Object.fromEntries(Object.entries(all).filter(([path]) => reachable.has(path))) : all;
      this.factSubsets.set(files, subset);
    }
    return subset;
  }

  private subset(files: WorkspaceFiles): WorkspaceFiles {
    let subset = this.subsets.get(files);
    if (!subset) {
      subset = harnessFiles(files, this.commands);
      this.subsets.set(files, subset);
    }
    return subset;
  }

  async call<M extends HostMethod>(method: M, args: Parameters<HostApi[M]>[0]): Promise<ReturnType<HostApi[M]>> {
    // Facts describe the served app and what its latest request raised: a run, a stop or a request ends them.
    if (method === 'run' || method === 'stop' || method === 'request') this.facts = null;
    if (method === 'run') {
      const options = args as Parameters<HostApi['run']>[0];
      // An audit run: the audit's packages, stand-ins for other imports, databases in memory.
      return this.inner.call(method, { ...options, files: this.subset(options.files), audit: true } as typeof args);
    }
    if (method === 'facts') {
      const { session, files } = args as Parameters<HostApi['facts']>[0];
      if (session !== GRADER_SESSION) return this.inner.call(method, args);
      if (this.facts?.files !== files) {
        const result = this.inner.call('facts', { session, files: this.factFiles(files) });
        this.facts = { files, result };
        // A failed call is not remembered: the next rule asks again.
        result.catch(() => {
          if (this.facts?.result === result) this.facts = null;
        });
      }
      return this.facts.result as Promise<ReturnType<HostApi[M]>>;
    }
    return this.inner.call(method, args);
  }
}

const NOT_FOUND: RequestSpec = { method: 'GET', path: '/__prodready_not_found__', headers: {} };
const DUMMY_PREFIX = 'prodready-audit-dummy';

/** Requests likely to make the app fail: each route with a free-form variable, given a bad value. */
export function attacksFor(routes: readonly string[]): RequestSpec[] {
  const attacks: RequestSpec[] = [];
  for (const route of routes) {
    if (route.startsWith('/static/') || !route.includes('<')) continue;
    let usable = true;
    let free = false;
    const path = route.replace(/<(?:(\w+)(?:\([^)]*\))?:)?(\w+)>/g, (_, converter: string | undefined) => {
      if (!converter || ['string', 'path', 'default'].includes(converter)) {
        free = true;
        return 'abc';
      }
      if (converter === 'int') return '1';
      if (converter === 'float') return '1.5';
      usable = false;
      return '';
    });
    if (usable && free && !attacks.some((attack) => attack.path === path)) {
      attacks.push({ method: 'GET', path, headers: {} });
    }
    if (attacks.length >= 3) break;
  }
  return [...attacks, NOT_FOUND];
}

/** The variable a failed start asks for: `KeyError: 'SECRET_KEY'`, or a message naming SECRET_KEY. */
function missingVariable(outcome: RunOutcome, env: Record<string, string>): string | null {
  const message = outcome.exit?.message ?? '';
  // Gunicorn reports "Worker failed to boot"; the worker's traceback in the log says why.
  const key = /(?:^|\n)KeyError: '([A-Za-z_][A-Za-z0-9_]*)'/.exec(`${message}\n${outcome.log}`)?.[1];
  if (key && env[key] === undefined) return key;
  if (/SECRET_KEY/.test(message) && env['SECRET_KEY'] === undefined) return 'SECRET_KEY';
  return null;
}

/** The server itself is told to believe forwarded headers from any address. */
function serverTrustsAnyone(serving: ServingInfo): boolean {
  const gunicorn = serving.settings['forwarded_allow_ips'];
  const waitress = serving.settings['trusted_proxy'];
  const list = Array.isArray(gunicorn) ? gunicorn.map(String) : typeof gunicorn === 'string' ? gunicorn.split(',') : [];
  return list.some((ip) => ip.trim() === '*') || waitress === '*';
}

/** Someone other than a proxy on this machine can connect to the app server. */
function reachableByOutsiders(serving: ServingInfo, entry: Entrypoint): boolean {
  if (entry.platform) return false;
  if (entry.container) return true;
  const addresses = (serving.settings['addresses'] as string[] | undefined) ?? [`${serving.host}:${serving.port}`];
  return addresses.some((address) => !/^(unix:|127\.|\[?::1\]?:|localhost:)/.test(address.replace(/^https?:\/\//, '')));
}

/** Values an operator sets to mean "debug off"; code that reads any of them as on is live in production. */
const DEBUG_OFF_VALUES = ['0', 'false'];

/** Why a run did not serve, in the program's own words: the exception line of its traceback when there is one. */
function whyNotServing(outcome: RunOutcome): string {
  // Gunicorn's own log prefix ([date] [pid] [INFO]) says nothing here.
  const message = (outcome.exit?.message ?? 'no server started').replace(/^\[[^\]]+\] \[\d+\] \[\w+\] /, '');
  const raised = outcome.log
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^[\w.]*(Error|Exception|Exit|Interrupt)\b.*$/.test(line))
    .pop();
  return raised && !message.includes(raised) ? `${raised}; ${message}` : message;
}

function describeEntry(entry: Entrypoint): string {
  return entry.source ? `${where(entry.source)} \`${entry.written}\`` : `\`${entry.written}\``;
}

/**
 * When the app cannot be imported, what its code says on its own: literal settings that turn
 * debug on, and secret keys spelled out in the code (as the value or a fallback). Found with
 * Python's ast through the harness; each message says it was read, not run.
 */
async function readTheCode(project: Project, entry: Entrypoint, runtime: PythonRuntime): Promise<Placed[]> {
  const facts = await runtime.call('facts', { session: GRADER_SESSION, files: project.files });
  const read = '(read from the code: the app could not be imported)';
  // `app.run(debug=True)` is live only when production runs the module as a script; a server
  // such as Gunicorn imports it and never reaches the `__main__` block.
  const runsScript = /^(\S*\/)?python3?(\s|$)/.test(entry.command);
  const debug = facts.debugSettings
    .filter((setting) => runsScript || !setting.form.startsWith('debug='))
    .map((setting) => ({
      atCommand: false,
      rule: 'debug-enabled',
      severity: rules['debug-enabled'].severity,
      file: setting.file,
      line: setting.line,
      message: `\`${setting.form}\` at ${where(setting)} turns debug mode on ${read}.`,
    }));
  const secrets = (facts.settingLocations?.['SECRET_KEY'] ?? [])
    .filter((location) => location.literal)
    .map((location) => ({
      atCommand: false,
      rule: 'hardcoded-secret',
      severity: rules['hardcoded-secret'].severity,
      file: location.file,
      line: location.line,
      message: `The secret key is written in the code at ${where(location)}, as its value or its fallback ${read}.`,
    }));
  return [...debug, ...secrets];
}

async function runRule(rule: Rule, context: GradingContext, infos: string[]): Promise<Placed[]> {
  try {
    const verdict = await rule.evaluate(context);
    const fallback = context.production.commandSource;
    return verdict.findings.map((finding) => ({
      atCommand: !finding.file,
      rule: finding.rule,
      severity: finding.severity,
      file: finding.file ?? fallback?.file ?? '',
      line: finding.line ?? (finding.file ? 1 : (fallback?.line ?? 1)),
      message: finding.message,
    }));
  } catch (error) {
    // The runtime hit a limit: the runtime itself reports it once, not once per rule.
    if (error instanceof JudgeLimitError) return [];
    infos.push(`rule ${rule.id} could not run: ${error instanceof Error ? error.message : String(error)}`);
    return [];
  }
}

async function auditEntrypoint(
  project: Project,
  entry: Entrypoint,
  runtime: PythonRuntime,
  infos: string[],
  unjudged: string[],
  /** Filled in with why the app did not start, when it did not. */
  status: { reason?: string },
): Promise<Placed[]> {
  const env = { ...entry.env };
  const context: GradingContext = {
    files: project.files,
    runtime,
    production: { command: entry.command, commandSource: entry.source, env, attack: NOT_FOUND },
    nginx: project.nginx[0] ?? null,
    process: null,
    // One app for every rule of this entrypoint: consecutive rules that run it the same way reuse it.
    runs: new GraderRuns(),
  };
  let outcome = await runApp(context, env);
  for (let tries = 0; !outcome.serving && tries < 5; tries++) {
    const name = missingVariable(outcome, env);
    if (!name) break;
    env[name] = `${DUMMY_PREFIX}-${name.toLowerCase()}`;
    infos.push(
      `${describeEntry(entry)} needs ${name} to start: the rules that run the app used a dummy value (hardcoded-secret still checks the app without it)`,
    );
    outcome = await runApp(context, env);
  }
  const notes = startNotes(describeEntry(entry), outcome);
  if (notes) infos.push(notes);
  if (!outcome.serving) {
    const exit = outcome.exit;
    const at = exit?.location ? ` at ${where(exit.location)}` : '';
    status.reason = `${whyNotServing(outcome)}${at}`;
    const why = `${describeEntry(entry)} did not start (${status.reason})`;
    infos.push(
      `${why}: the rules that run the app were skipped and its code was read instead; the config rules still ran`,
    );
    unjudged.push(`${why}: the rules that run the app could not judge it`);
    return readTheCode(project, entry, runtime);
  }
  const facts = await runtime.call('facts', { session: GRADER_SESSION, files: project.files });
  const attacks = attacksFor(facts.routes ?? []);
  const found: Placed[] = [];
  const serving = outcome.serving;
  let debugFound = true;
  for (const id of APP_RULES) {
    // Containers listen on every interface to be reachable at all; without a proxy in front the
    // binding is how the app is meant to be reached.
    if (id === 'bind-all-interfaces' && (entry.container || entry.platform || project.nginx.length === 0)) continue;
    const rule = rules[id];
    // Rules that judge what an error answer carries try every route that takes an argument.
    const tries = id === 'traceback-exposed' || id === 'error-detail-exposed' ? attacks : [attacks[0] as RequestSpec];
    let results: Placed[] = [];
    for (const attack of tries) {
      results = await runRule(rule, { ...context, production: { ...context.production, attack } }, infos);
      if (results.length > 0) break;
    }
    if (id === 'debug-enabled') debugFound = results.length > 0;
    // ProxyFix believes whoever connects; that is right when only the proxy can connect.
    if (id === 'proxy-trust-wildcard' && !serverTrustsAnyone(serving) && !reachableByOutsiders(serving, entry)) {
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
  return found;
}

function reported(entry: Entrypoint, status: { reason?: string }): AuditEntrypoint {
  return {
    command: entry.written,
    file: entry.source?.file ?? null,
    line: entry.source?.line ?? null,
    started: status.reason === undefined,
    ...(status.reason === undefined ? {} : { reason: status.reason }),
  };
}

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

export async function auditProject(project: Project, host: PythonRuntime): Promise<AuditResult> {
  const infos = [...project.infos];
  const unjudged: string[] = [];
  const runtime = new AuditRuntime(host, project.entrypoints);
  const findings: Array<AuditFinding | Placed> = [];
  const staticContext = (extra: Partial<GradingContext>): GradingContext => ({
    files: project.files,
    runtime,
    production: { command: '', commandSource: null, env: {}, attack: NOT_FOUND },
    nginx: null,
    process: null,
    ...extra,
  });

  const entrypoints: AuditEntrypoint[] = [];
  try {
    const commands = project.entrypoints.length > 0 ? project.entrypoints : [{ command: '', source: null }];
    for (const id of BEFORE_RUNNING) {
      for (const { command, source } of commands) {
        const production = { command, commandSource: source, env: {}, attack: NOT_FOUND };
        // In a lesson-mode run of the host itself: the reading needs none of the audit's packages or stand-ins.
        findings.push(...(await runRule(rules[id], staticContext({ production, runtime: host }), infos)));
      }
    }
    // A unit and a Procfile often start the same command with the same environment: the app
    // behaves the same, so it is judged once and the findings placed at the command move to each.
    const judged = new Map<string, { entry: Entrypoint; found: Placed[]; status: { reason?: string } }>();
    for (const entry of project.entrypoints) {
      const key = JSON.stringify([entry.command, entry.env, entry.container, project.nginx.length]);
      const same = judged.get(key);
      if (!same) {
        const status: { reason?: string } = {};
        const found = await auditEntrypoint(project, entry, runtime, infos, unjudged, status).catch(
          (error: unknown) => {
            // The app hit a limit: the runtime reports which, and the audit goes on with what needs no Python.
            if (error instanceof JudgeLimitError || error instanceof TimeLimitError || error instanceof BlockedError) {
              status.reason = error.message;
              return [];
            }
            throw error;
          },
        );
        entrypoints.push(reported(entry, status));
        judged.set(key, { entry, found, status });
        findings.push(...found);
        continue;
      }
      entrypoints.push(reported(entry, same.status));
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
      for (const id of NGINX_RULES) findings.push(...(await runRule(rules[id], staticContext({ nginx }), infos)));
    }
    for (const process of project.processes) {
      for (const id of PROCESS_RULES) findings.push(...(await runRule(rules[id], staticContext({ process }), infos)));
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
