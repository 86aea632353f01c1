/**
 * `npm run test:realworld`: audits every project of tests/realworld/ with the CLI's own code path
 * (argument parsing, discovery, evaluation, the JSON report) in the CLI's own confined runtime, a
 * fresh one per project as `prodready audit DIR` has, scores it against the reviewer's expect.json
 * (see score.ts) and prints one line per project and the totals. Exit 1 when a target of issue 9 is
 * missed or the set itself is malformed.
 *
 *   FILTER=a,b      only the projects whose folder name contains one of them
 *   RUNTIME=node    run Python in this process instead (faster to debug; not what users get)
 *   --markdown      the per-project table for docs/realworld.md, after the usual output
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAuditArgs, runAudit } from '../../src/cli/audit/command';
import { ConfinedRuntime } from '../../src/cli/confined/runtime';
import { NodeRuntime } from '../../src/cli/node-runtime';
import type { PythonRuntime } from '../../src/lib/grading/runtime';
import { RULE_IDS } from '../../src/lib/grading/rule-ids';
import { TARGETS, scoreProject, totals, unmetTargets, type Expectation, type ProjectScore, type Report } from './score';

const setDir = resolve(import.meta.dirname);

function projects(): string[] {
  return readdirSync(setDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(setDir, entry.name, 'expect.json')))
    .map((entry) => entry.name)
    .filter((name) => !process.env.FILTER || process.env.FILTER.split(',').some((part) => name.includes(part)))
    .sort();
}

/** Where each kind of file says what it starts: an expected entrypoint's line must be one of these. */
const COMMAND_LINES: Array<[RegExp, RegExp]> = [
  [/^(Dockerfile(\..+)?|.+\.Dockerfile)$/, /^\s*(ENTRYPOINT|CMD)\b/i],
  [/^Procfile$/, /^\w[\w-]*:/],
  [/\.service$/, /^\s*ExecStart=/],
  [/^(docker-)?compose(\.[\w-]+)?\.ya?ml$/, /^\s*(command|entrypoint)\s*:/],
];

function readLine(dir: string, file: string, line: number): string | undefined {
  return readFileSync(join(dir, file), 'utf8').split('\n')[line - 1];
}

/** What is wrong with a project's folder itself: a stale expectation scores nothing honestly. */
function problems(name: string, expectation: Expectation): string[] {
  const dir = join(setDir, name);
  const out: string[] = [];
  for (const file of ['SOURCE', 'NOTES.md']) if (!existsSync(join(dir, file))) out.push(`no ${file}`);
  const lines = (file: string) =>
    existsSync(join(dir, file)) ? readFileSync(join(dir, file), 'utf8').split('\n').length : -1;
  for (const want of expectation.found) {
    if (!(RULE_IDS as readonly string[]).includes(want.rule)) out.push(`unknown rule ${want.rule}`);
    if (want.file === undefined) {
      if (want.line !== undefined) out.push(`${want.rule}: a line without a file`);
      continue;
    }
    const count = lines(want.file);
    if (count < 0) out.push(`${want.rule}: no file ${want.file}`);
    else if (want.line !== undefined && (want.line < 1 || want.line > count))
      out.push(`${want.rule}: ${want.file} has no line ${want.line}`);
  }
  for (const rule of expectation.notFound ?? []) {
    if (!(RULE_IDS as readonly string[]).includes(rule)) out.push(`unknown rule ${rule} in notFound`);
    if (expectation.found.some((want) => want.rule === rule)) out.push(`${rule} is both found and notFound`);
  }
  if (expectation.entrypoints.length === 0) out.push('no entrypoint: say what production starts');
  for (const entry of expectation.entrypoints) {
    for (const place of entry.via ?? []) {
      const count = lines(place.file);
      if (count < 0) out.push(`entrypoint via ${place.file} missing`);
      else if (place.line !== null && (place.line < 1 || place.line > count))
        out.push(`entrypoint via ${place.file} has no line ${place.line}`);
    }
    if (entry.file === null) continue;
    if (lines(entry.file) < 0) {
      out.push(`entrypoint file ${entry.file} missing`);
      continue;
    }
    const text = entry.line === null ? '' : (readLine(dir, entry.file, entry.line) ?? '');
    const kind = COMMAND_LINES.find(([name]) => name.test(entry.file?.split('/').pop() ?? ''));
    if (entry.line !== null && kind && !kind[1].test(text))
      out.push(`entrypoint ${entry.file}:${entry.line} is not a command line (${JSON.stringify(text.trim())})`);
  }
  return out;
}

async function auditJson(dir: string, runtime: PythonRuntime): Promise<Report> {
  const out: string[] = [];
  await runAudit(
    parseAuditArgs([dir, '--format', 'json']),
    runtime,
    '0.1.0',
    (text) => out.push(text),
    () => {},
    false,
  );
  return JSON.parse(out.join('\n')) as Report;
}

/**
 * One project's report, as `prodready audit DIR` makes it: a fresh confined runtime (its limits are
 * per command), or the shared in-process one with RUNTIME=node. What the runtime could not judge (a
 * limit, a crash) comes back beside the report.
 */
async function auditProject(dir: string, shared: NodeRuntime | null): Promise<{ report: Report; unjudged: string[] }> {
  if (shared) return { report: await auditJson(dir, shared), unjudged: [] };
  const runtime = await ConfinedRuntime.start();
  try {
    return { report: await auditJson(dir, runtime), unjudged: [...runtime.unjudged] };
  } finally {
    runtime.close();
  }
}

const at = (file: string | null, line: number | null | undefined) =>
  file === null ? '(guessed)' : line ? `${file}:${line}` : file;

function printProject(score: ProjectScore): void {
  const clean = score.started === score.entrypoints && score.falsePositives.length === 0 && score.misses.length === 0;
  console.log(
    `${clean ? 'ok  ' : 'FAIL'} ${score.name.padEnd(28)} started ${score.started}/${score.entrypoints}` +
      `  tp ${score.truePositives.length}  fp ${score.falsePositives.length}  miss ${score.misses.length}`,
  );
  for (const { entrypoint, reason } of score.notStarted)
    console.log(`       not started ${at(entrypoint.file, entrypoint.line)} \`${entrypoint.command}\`: ${reason}`);
  for (const got of score.falsePositives) console.log(`       fp   ${got.rule} ${at(got.file, got.line)}`);
  for (const want of score.misses) console.log(`       miss ${want.rule} ${at(want.file ?? '(any file)', want.line)}`);
}

/** Text for a markdown table cell: code spans for what is code, so `__init__.py` stays itself. */
const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;

function markdownTable(scores: readonly ProjectScore[]): string {
  const rows = scores.map((score) => {
    const why = [
      ...score.notStarted.map(
        ({ entrypoint, reason }) =>
          `not started ${code(at(entrypoint.file, entrypoint.line))}: ${code(reason.replace(/\s+/g, ' '))}`,
      ),
      ...score.falsePositives.map((got) => `fp ${code(got.rule)} ${code(at(got.file, got.line))}`),
      ...score.misses.map((want) => `miss ${code(want.rule)} ${code(at(want.file ?? '(any file)', want.line))}`),
    ]
      .join('; ')
      .replace(/\|/g, '\\|');
    return `| ${score.name} | ${score.started}/${score.entrypoints} | ${score.truePositives.length} | ${score.falsePositives.length} | ${score.misses.length} | ${why} |`;
  });
  return ['| project | started | tp | fp | miss | why |', '|---|---|---|---|---|---|', ...rows].join('\n');
}

async function main(): Promise<number> {
  const names = projects();
  const shared = process.env.RUNTIME === 'node' ? await NodeRuntime.start() : null;
  const scores: ProjectScore[] = [];
  let malformed = 0;
  for (const name of names) {
    const expectation = JSON.parse(readFileSync(join(setDir, name, 'expect.json'), 'utf8')) as Expectation;
    const wrong = problems(name, expectation);
    if (wrong.length > 0) {
      malformed++;
      console.log(`BAD  ${name}: ${wrong.join('; ')}`);
      continue;
    }
    const { report, unjudged } = await auditProject(join(setDir, name), shared);
    const score = scoreProject(name, expectation, report);
    scores.push(score);
    printProject(score);
    for (const reason of unjudged) console.log(`       could not judge: ${reason}`);
  }
  const total = totals(scores);
  console.log(
    `\n${total.projects} projects: entrypoints started ${total.started}/${total.entrypoints} ` +
      `(${total.startRate.toFixed(1)} %, target ≥ ${TARGETS.startRate} %), precision ` +
      `${total.truePositives}/${total.truePositives + total.falsePositives} (${total.precision.toFixed(1)} %, ` +
      `target ≥ ${TARGETS.precision} %), misses ${total.misses} (${total.missesPerTen.toFixed(1)} per ten ` +
      `projects, target ≤ ${TARGETS.missesPerTen})`,
  );
  if (process.argv.includes('--markdown')) console.log(`\n${markdownTable(scores)}`);
  const unmet = unmetTargets(total);
  if (malformed > 0) unmet.push(`${malformed} project folder(s) malformed`);
  if (unmet.length > 0) console.log(`FAIL: ${unmet.join('; ')}`);
  return unmet.length > 0 ? 1 : 0;
}

// The runtime's worker keeps the event loop alive: leave with the verdict.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
