/**
 * Scoring of the real-world regression set: what a careful reviewer judged by hand for each
 * project (expect.json) against what `prodready audit --format json` reports for it.
 *
 * expect.json:
 *   entrypoints  what production starts: {file, line, command, via?} where the project declares it (file
 *                null when nothing declares it and a module starts the app itself); `via` lists the lines
 *                the declaration leads to (a wrapper script's exec, the CMD an ENTRYPOINT script execs):
 *                the audit may report the entrypoint at any of these places
 *   found        true findings: {rule, file?, line?}; without a file for a finding about the app as a whole,
 *                which the audit may place at whichever command or module starts it
 *   notFound     rules that must not fire (each one firing is a false positive like any other)
 */

export interface Place {
  file: string;
  /** Null: any line of the file. */
  line: number | null;
}

export interface ExpectedEntrypoint {
  file: string | null;
  line: number | null;
  command: string;
  via?: Place[];
}

export interface ExpectedFinding {
  rule: string;
  file?: string;
  line?: number;
}

export interface Expectation {
  entrypoints: ExpectedEntrypoint[];
  found: ExpectedFinding[];
  notFound?: string[];
}

export interface ReportedFinding {
  rule: string;
  file: string;
  line: number;
  message?: string;
}

export interface ReportedEntrypoint {
  command: string;
  file: string | null;
  line: number | null;
  started: boolean;
  reason?: string;
}

export interface Report {
  findings: ReportedFinding[];
  /** Absent from reports of an audit older than the field: then no entrypoint counts as started. */
  entrypoints?: ReportedEntrypoint[];
}

export interface ProjectScore {
  name: string;
  started: number;
  entrypoints: number;
  /** Expected entrypoints that did not start, with the audit's reason (or that it never found them). */
  notStarted: Array<{ entrypoint: ExpectedEntrypoint; reason: string }>;
  truePositives: ReportedFinding[];
  falsePositives: ReportedFinding[];
  misses: ExpectedFinding[];
}

export interface Totals {
  projects: number;
  started: number;
  entrypoints: number;
  truePositives: number;
  falsePositives: number;
  misses: number;
  /** Per cent of expected entrypoints that started. */
  startRate: number;
  /** Per cent of reported findings that are true (100 when nothing was reported). */
  precision: number;
  missesPerTen: number;
}

/** The figures issue 9 sets for the audit on real projects. */
export const TARGETS = { startRate: 90, precision: 95, missesPerTen: 1 } as const;

export function matches(want: ExpectedFinding, got: ReportedFinding): boolean {
  return (
    want.rule === got.rule &&
    (want.file === undefined || want.file === got.file) &&
    (want.line === undefined || want.line === got.line)
  );
}

/** The reported entrypoint for an expected one: at its declaration or a line it leads to; by command when neither has a place. */
function reportedFor(
  want: ExpectedEntrypoint,
  reported: readonly ReportedEntrypoint[],
): ReportedEntrypoint | undefined {
  if (want.file === null) return reported.find((got) => got.file === null && got.command === want.command);
  const places: Place[] = [{ file: want.file, line: want.line }, ...(want.via ?? [])];
  const at = (got: ReportedEntrypoint) =>
    places.some((place) => got.file === place.file && (place.line === null || got.line === place.line));
  // A place reported twice (a first run, then the same command again) counts once, started if either did.
  return reported.find((got) => at(got) && got.started) ?? reported.find(at);
}

export function scoreProject(name: string, expectation: Expectation, report: Report): ProjectScore {
  const reportedEntrypoints = report.entrypoints ?? [];
  const notStarted: ProjectScore['notStarted'] = [];
  let started = 0;
  for (const entrypoint of expectation.entrypoints) {
    const got = reportedFor(entrypoint, reportedEntrypoints);
    if (got?.started) started++;
    else notStarted.push({ entrypoint, reason: got ? (got.reason ?? 'did not start') : 'not found by the audit' });
  }
  const truePositives = report.findings.filter((got) => expectation.found.some((want) => matches(want, got)));
  const falsePositives = report.findings.filter((got) => !expectation.found.some((want) => matches(want, got)));
  const misses = expectation.found.filter((want) => !report.findings.some((got) => matches(want, got)));
  return {
    name,
    started,
    entrypoints: expectation.entrypoints.length,
    notStarted,
    truePositives,
    falsePositives,
    misses,
  };
}

export function totals(scores: readonly ProjectScore[]): Totals {
  const sum = (pick: (score: ProjectScore) => number) => scores.reduce((total, score) => total + pick(score), 0);
  const started = sum((s) => s.started);
  const entrypoints = sum((s) => s.entrypoints);
  const truePositives = sum((s) => s.truePositives.length);
  const falsePositives = sum((s) => s.falsePositives.length);
  const misses = sum((s) => s.misses.length);
  const reported = truePositives + falsePositives;
  return {
    projects: scores.length,
    started,
    entrypoints,
    truePositives,
    falsePositives,
    misses,
    startRate: entrypoints === 0 ? 0 : (100 * started) / entrypoints,
    precision: reported === 0 ? 100 : (100 * truePositives) / reported,
    missesPerTen: scores.length === 0 ? 0 : (10 * misses) / scores.length,
  };
}

/** The targets the totals miss, each said in words; empty when all are met. */
export function unmetTargets(total: Totals): string[] {
  const out: string[] = [];
  if (total.projects === 0) out.push('no project was scored');
  if (total.startRate < TARGETS.startRate)
    out.push(`entrypoints started ${total.startRate.toFixed(1)} % < ${TARGETS.startRate} %`);
  if (total.precision < TARGETS.precision)
    out.push(`precision ${total.precision.toFixed(1)} % < ${TARGETS.precision} %`);
  if (total.missesPerTen > TARGETS.missesPerTen)
    out.push(`misses per ten projects ${total.missesPerTen.toFixed(1)} > ${TARGETS.missesPerTen}`);
  return out;
}
