/**
 * The debugger chain (src/lib/grading/debugger-chain.ts) against real Gunicorn and Werkzeug from the
 * venv of the pinned packages, on this real Linux machine: for each lesson with a `debugger-chain`
 * check, the starter must fall to the whole chain (facts read through the hole, the PIN computed,
 * the console unlocked with Host: 127.0.0.1, code run), which proves the lesson's attack is real
 * and werkzeug-pin.ts equal to Werkzeug's own derivation; the solution must refuse it; and each
 * mistake must get the same verdict the virtual server gives it in the lesson proofs.
 *
 * One Gunicorn worker (WEB_CONCURRENCY=1, which the lessons' gunicorn.conf.py reads): each worker
 * process builds its own DebuggedApplication with its own console secret, so with several a
 * request can land on a worker that never showed the page the secret came from. A real attacker
 * retries until two requests meet; the test makes them meet.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadLesson, loadLessonContent } from '../../src/cli/lessons-fs';
import { chainVerdict, replayChain, type ChainResponse } from '../../src/lib/grading/debugger-chain';
import { request, tryRequest } from './lib/http';
import { launch, plan } from './lib/launch';
import { entrypoints, LESSONS, lessonIds, type Files } from './lib/lessons';
import { freePort, waitUntil, type Started } from './lib/processes';
import { ensureVenv, type Venv } from './lib/venv';

interface Subject {
  lesson: string;
  name: string;
  files: Files;
  /** The part of the chain-broken message the lesson proofs expect; null when it must pass. */
  expectFailure: string | null;
  /** The starter: the whole chain must work, code run included. */
  wholeChain: boolean;
}

const chainLessons = await Promise.all(
  lessonIds().map(async (id) => {
    const lesson = await loadLesson(join(LESSONS, id));
    const check = lesson.checks.find((spec) => spec.kind === 'debugger-chain');
    return check?.kind === 'debugger-chain' ? { lesson, check } : null;
  }),
);
const found = chainLessons.filter((entry) => entry !== null);

const subjects: Subject[] = found.flatMap(({ lesson, check }) => {
  const content = loadLessonContent(join(LESSONS, lesson.id), { withMistakes: true });
  return [
    { lesson: lesson.id, name: 'starter', files: content.starter, expectFailure: '', wholeChain: true },
    { lesson: lesson.id, name: 'solution', files: content.solution, expectFailure: null, wholeChain: false },
    ...lesson.mistakes
      // A mistake that keeps the app from starting has no chain to replay.
      .filter((mistake) => !('parses' in mistake.fails))
      .map((mistake) => ({
        lesson: lesson.id,
        name: `mistakes/${mistake.name}`,
        files: mistake.files,
        expectFailure: mistake.fails[check.id] ?? null,
        wholeChain: false,
      })),
  ];
});

let venv: Venv;
const dirs: string[] = [];

before(
  async () => {
    venv = await ensureVenv();
  },
  { timeout: 420_000 },
);
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

test('the lessons with a debugger-chain check are found', () => {
  assert.ok(
    found.some((entry) => entry.lesson.id === '08-debugger-pin'),
    'lesson 08 is picked up',
  );
});

function toChainResponse(reply: Awaited<ReturnType<typeof request>>): ChainResponse {
  const headers: Array<[string, string]> = [];
  for (const [name, value] of Object.entries(reply.headers)) {
    for (const one of Array.isArray(value) ? value : [value ?? '']) headers.push([name, one]);
  }
  return { status: reply.status, headers, body: reply.body };
}

for (const subject of subjects) {
  const { lesson: id, name, files } = subject;
  const entry = found.find((f) => f.lesson.id === id)!;
  describe(`${id} ${name} on real Gunicorn`, { timeout: 120_000 }, () => {
    let app: Started | undefined;
    let port = 0;

    before(async () => {
      const workDir = mkdtempSync(join(tmpdir(), `prodready-chain-${id}-`));
      dirs.push(workDir);
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(workDir, path)), { recursive: true });
        writeFileSync(join(workDir, path), text);
      }
      const [production] = entrypoints(files);
      assert.ok(production, `${id} ${name}: no production entrypoint (Procfile web:)`);
      port = await freePort();
      const launchPlan = plan({
        entry: production,
        dir: workDir,
        venvBin: venv.bin,
        port,
        socketPath: join(workDir, 'app.sock'),
        env: { ...entry.lesson.run.env, WEB_CONCURRENCY: '1' },
      });
      app = launch(`${id} ${name}`, launchPlan);
      const server = app;
      await waitUntil(server, `answer on 127.0.0.1:${port}`, () => tryRequest({ port, path: '/' }));
    });
    after(async () => {
      await app?.stop();
    });

    test(
      subject.wholeChain
        ? 'the whole chain works: facts through the hole, the PIN, the console unlocked, code run'
        : subject.expectFailure === null
          ? 'the chain is broken at both links'
          : `the chain fails as the lesson proofs say: "${subject.expectFailure}"`,
      async () => {
        const send = async (chainRequest: { path: string; headers: Record<string, string> }) =>
          toChainResponse(await request({ port, path: chainRequest.path, headers: chainRequest.headers }));
        const options = { fileRead: entry.check.fileRead, crashPath: entry.lesson.attackPath };
        const report = await replayChain(send, options);
        const verdict = chainVerdict(report);
        const log = `\n${verdict.message}\nserver output:\n${app?.output() ?? ''}`;
        if (subject.wholeChain) {
          assert.ok(report.pin, `no PIN computed from what the hole gave${log}`);
          assert.ok(report.ran, `the real console did not run the code with the computed PIN ${report.pin}${log}`);
          assert.equal(report.pinOff, false, `the starter's console must ask for the PIN${log}`);
        } else if (subject.expectFailure === null) {
          assert.equal(verdict.passed, true, `real Gunicorn: ${verdict.message}${log}`);
        } else {
          assert.equal(verdict.passed, false, `real Gunicorn lets the chain pass${log}`);
          assert.ok(verdict.message.includes(subject.expectFailure), `real Gunicorn's verdict differs${log}`);
        }
      },
    );
  });
}
