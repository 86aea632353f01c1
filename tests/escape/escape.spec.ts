/**
 * Escape tests: every folder in tests/escape/cases/ is one way a project under judgement has tried
 * to reach the host, hang the command, or forge its verdict. Each is laid over lesson 04's solution
 * (its app.py imports the case's attempt.py first thing) and run through the real command line,
 * `prodready audit` and `prodready grade 04-gunicorn`, each a child process, asserting:
 *   - no marker appears in a folder outside the project (the attempts write there);
 *   - nothing connects to a local listener (the attempts dial it);
 *   - neither a canary from the caller's environment nor one from a file outside the tree shows
 *     up in what the command prints;
 *   - nothing raw reaches the terminal: no ESC, no C1 control, no line the project forged;
 *   - a runaway or forging case is never judged clean (exit 3 or findings), and the benign
 *     controls are (exit 0).
 *
 * case.json: kind (control | escape | runaway | forge), why, exit (the one exit code both commands
 * must give), generate ([{symlink, to} | {binary: name}] made at run time), infos (substrings of the info lines),
 * text (the case checks the text report for forged lines). In attempt.py, __OUTSIDE__, __PORT__
 * and __CANARY_FILE__ are replaced at run time. FILTER=name runs the cases whose name contains it.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadLessonContent } from '../../src/cli/lessons-fs';

interface Case {
  kind: 'control' | 'escape' | 'runaway' | 'forge';
  why: string;
  exit?: number;
  generate?: Array<{ symlink?: string; to?: string; binary?: string }>;
  infos?: string[];
  text?: boolean;
}

const root = resolve(import.meta.dirname, '../..');
const casesDir = resolve(import.meta.dirname, 'cases');
/** Lesson 04's solution as the learner gets it (its template with the lesson's files laid over). */
const solution = loadLessonContent(join(root, 'lessons/04-gunicorn'), { withMistakes: false }).solution;
const cases = readdirSync(casesDir)
  .filter((name) => existsSync(join(casesDir, name, 'case.json')))
  .filter((name) => !process.env.FILTER || name.includes(process.env.FILTER))
  .sort();

const ENV_CANARY = `env-canary-${randomBytes(8).toString('hex')}`;
const FILE_CANARY = `file-canary-${randomBytes(8).toString('hex')}`;

let work: string;
let outside: string;
let canaryFile: string;
let listener: Server;
let port: number;
const connections: string[] = [];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'prodready-escape-'));
  outside = join(work, 'outside');
  mkdirSync(outside);
  canaryFile = join(outside, 'canary.txt');
  writeFileSync(canaryFile, FILE_CANARY);
  listener = createServer((socket) => {
    connections.push(`${socket.remoteAddress}:${socket.remotePort}`);
    socket.destroy();
  });
  await new Promise<void>((done) => listener.listen(0, '127.0.0.1', done));
  port = (listener.address() as { port: number }).port;
});

afterAll(async () => {
  await new Promise<void>((done) => listener.close(() => done()));
  rmSync(work, { recursive: true, force: true });
});

/** The lesson 04 solution with the case's attempt imported first thing in app.py. */
function project(name: string, spec: Case): string {
  const dir = join(work, 'projects', name);
  for (const [path, text] of Object.entries(solution)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const attempt = readFileSync(join(casesDir, name, 'attempt.py'), 'utf8')
    .replaceAll('__OUTSIDE__', outside)
    .replaceAll('__PORT__', String(port))
    .replaceAll('__CANARY_FILE__', canaryFile);
  writeFileSync(join(dir, 'attempt.py'), attempt);
  const app = readFileSync(join(dir, 'app.py'), 'utf8');
  writeFileSync(join(dir, 'app.py'), `import attempt  # noqa: F401\n${app}`);
  for (const item of spec.generate ?? []) {
    if (item.symlink) symlinkSync((item.to ?? '.').replaceAll('__CANARY_FILE__', canaryFile), join(dir, item.symlink));
    if (item.binary) writeFileSync(join(dir, item.binary), Buffer.from([0, 1, 2, 0xff]));
  }
  return dir;
}

interface Run {
  code: number | null;
  output: string;
}

/** One command; a case runs its audit and its grade side by side (each a Deno child booting Pyodide). */
function cli(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(root, 'bin/prodready.js'), ...args], {
      cwd: work,
      env: { ...process.env, NO_COLOR: '1', PRODREADY_ESCAPE_CANARY: ENV_CANARY, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', fail);
    child.on('close', (code) => done({ code, output }));
  });
}

/** Limits small enough to keep the runaway cases short, large enough for a loaded CI machine. */
function limits(name: string): Record<string, string> {
  return {
    PRODREADY_CALL_TIMEOUT_MS: name === 'busy-loop' ? '10000' : '60000',
    PRODREADY_WASM_MEMORY_MB: '768',
    PRODREADY_OUTPUT_MB: '4',
  };
}

function expectNothingEscaped(run: Run): void {
  expect(readdirSync(outside), 'files outside the project').toEqual(['canary.txt']);
  expect(connections, 'connections to the local listener').toEqual([]);
  expect(run.output).not.toContain(ENV_CANARY);
  expect(run.output).not.toContain(FILE_CANARY);
  // eslint-disable-next-line no-control-regex -- no raw control character may reach the terminal
  expect(run.output).not.toMatch(/[\u001b\u0007\u0080-\u009f]/);
}

test('there are escape cases', () => {
  expect(cases.length).toBeGreaterThan(0);
});

describe('escape routes', () => {
  for (const name of cases) {
    const spec = JSON.parse(readFileSync(join(casesDir, name, 'case.json'), 'utf8')) as Case;
    test(`${name}: ${spec.why}`, { timeout: 600_000 }, async () => {
      const dir = project(name, spec);
      const [audit, grade] = await Promise.all([
        cli(['audit', dir], limits(name)),
        cli(['grade', '04-gunicorn', dir], limits(name)),
      ]);
      for (const run of [audit, grade]) {
        expectNothingEscaped(run);
        expect(run.code, run.output).not.toBe(2);
        expect(run.code, run.output).not.toBeNull();
      }
      if (spec.kind === 'control') {
        expect(audit.code, audit.output).toBe(0);
        expect(grade.code, grade.output).toBe(0);
        expect(audit.output).toContain('No findings in');
      } else {
        // Never judged clean: findings or failed checks (1), or could not judge (3).
        expect([1, 3], audit.output).toContain(audit.code);
        expect([1, 3], grade.output).toContain(grade.code);
        expect(audit.output).not.toMatch(/^No findings in \d+ files read\.$/m);
      }
      if (spec.exit !== undefined) {
        expect(audit.code, audit.output).toBe(spec.exit);
        expect(grade.code, grade.output).toBe(spec.exit);
      }
      if (spec.kind === 'forge') {
        expect(audit.output).toContain('judge-evasion');
        expect(grade.output).toMatch(/FAIL judge-evasion/);
      }
      for (const info of spec.infos ?? []) {
        expect(audit.output).toContain(info);
        expect(grade.output).toContain(info);
      }
      if (spec.text) {
        // The forged lines are shown escaped, inside the line that quotes them.
        for (const run of [audit, grade]) {
          expect(run.output).not.toMatch(/^No findings in 4 files\.$/m);
          expect(run.output).not.toMatch(/^::error/m);
        }
        // The harness strips ANSI from what the app prints; a file name reaches the report as it is, escaped.
        expect(audit.output).toContain('logo\\e[2J\\nNo findings in 4 files.py: skipped, binary');
      }
    });
  }
});
