/**
 * Lesson checks that send plain requests, replayed against real Gunicorn, Flask and Werkzeug from
 * the venv of the pinned packages: for each lesson with a `forged-session` check, its `http` checks
 * and its forged session (signed by src/lib/grading/flask-session.ts, verified here by real Flask
 * and itsdangerous) must give on the real server the verdict the lesson proofs expect from the
 * virtual one: the solution and alternatives pass them all, the starter fails the ones it names
 * (the attacks are real), each mistake fails the ones it names.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadLesson } from '../../src/cli/lessons-fs';
import type { CheckSpec } from '../../src/lib/content/checks-schema';
import type { Lesson } from '../../src/lib/content/lesson';
import { forgeFlaskSession } from '../../src/lib/grading/flask-session';
import { tracebackIn } from '../../src/lib/grading/leaks';
import { tryRequest } from './lib/http';
import { launch, plan } from './lib/launch';
import { entrypoints, LESSONS, lessonIds, type Files } from './lib/lessons';
import { freePort, waitUntil, type Started } from './lib/processes';
import { ensureVenv, type Venv } from './lib/venv';

type HttpSpec = Extract<CheckSpec, { kind: 'http' }>;
type ForgedSpec = Extract<CheckSpec, { kind: 'forged-session' }>;

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * One request with a method, headers and a body; no keep-alive. Host is `localhost:PORT` unless
 * given, as the virtual server's client sends it (the grader reaches the app as the machine itself).
 */
function send(port: number, method: string, path: string, headers: Record<string, string>, body?: string) {
  return new Promise<Reply>((resolve, reject) => {
    const all = { Host: `localhost:${port}`, ...headers };
    const req = http.request({ host: '127.0.0.1', port, method, path, headers: all, agent: false }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
      response.on('error', reject);
    });
    req.setTimeout(20_000, () => req.destroy(new Error(`timed out: ${method} ${path}`)));
    // A server that refuses a big body early (413) may close before it is all sent.
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' ? undefined : reject(error)));
    req.end(body);
  });
}

/** The http check's expectations on a real reply: the first one that does not hold, or null. */
function httpFailure(spec: HttpSpec, reply: Reply): string | null {
  const { expect } = spec;
  if (expect.status !== undefined && reply.status !== expect.status) return `answered ${reply.status}`;
  if (expect.noTraceback && tracebackIn(reply.body)) return 'a traceback in the body';
  const missing = expect.bodyIncludes.find((text) => !reply.body.includes(text));
  if (missing !== undefined) return `no "${missing}" in the body`;
  const present = expect.bodyExcludes.find((text) => reply.body.includes(text));
  if (present !== undefined) return `"${present}" in the body`;
  for (const [name, patterns] of Object.entries(expect.headersMatch)) {
    const raw = reply.headers[name.toLowerCase()];
    const values = raw === undefined ? [] : Array.isArray(raw) ? raw : [String(raw)];
    const lacking = patterns.filter((pattern) => !values.some((value) => new RegExp(pattern, 'i').test(value)));
    if (lacking.length > 0) return `${name}: ${values.join(' | ')} lacks ${lacking.join(', ')}`;
  }
  return null;
}

/** The forged-session check on a real reply: null when the leaked key is refused and the app's own accepted. */
async function forgedFailure(spec: ForgedSpec, port: number, ownKey: string | null): Promise<string | null> {
  const accepted = async (key: string) => {
    const cookie = await forgeFlaskSession(spec.session, key);
    const reply = await send(port, 'GET', spec.path, { Cookie: `session=${cookie}` });
    return reply.status < 400 && reply.body.includes(spec.acceptedWhen);
  };
  for (const key of spec.leakedKeys) if (await accepted(key)) return `accepted a session signed with ${key}`;
  if (ownKey !== null && !(await accepted(ownKey)))
    return "refused a session signed with the app's own key (a broken signer or login)";
  return null;
}

interface Subject {
  lesson: Lesson;
  name: string;
  files: Files;
  /** Check ids that must fail; every other replayed check must pass. */
  mustFail: Set<string>;
}

const lessons = (await Promise.all(lessonIds().map((id) => loadLesson(join(LESSONS, id))))).filter((lesson) =>
  lesson.checks.some((check) => check.kind === 'forged-session'),
);
const subjects: Subject[] = lessons.flatMap((lesson) => [
  { lesson, name: 'starter', files: lesson.starter, mustFail: new Set(lesson.starterFails) },
  { lesson, name: 'solution', files: lesson.solution, mustFail: new Set<string>() },
  ...lesson.alternatives.map((alternative) => ({
    lesson,
    name: `alternatives/${alternative.name}`,
    files: alternative.files,
    mustFail: new Set<string>(),
  })),
  ...lesson.mistakes
    .filter((mistake) => !('parses' in mistake.fails))
    .map((mistake) => ({
      lesson,
      name: `mistakes/${mistake.name}`,
      files: mistake.files,
      mustFail: new Set(Object.keys(mistake.fails)),
    })),
]);

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

test('the lessons with a forged-session check are found', () => {
  assert.ok(
    lessons.some((lesson) => lesson.id === '09-sessions-and-hosts'),
    'lesson 09 is picked up',
  );
});

for (const { lesson, name, files, mustFail } of subjects) {
  describe(`${lesson.id} ${name} on real Gunicorn`, { timeout: 120_000 }, () => {
    let app: Started | undefined;
    let port = 0;
    const checks = lesson.checks.filter(
      (check): check is HttpSpec | ForgedSpec => check.kind === 'http' || check.kind === 'forged-session',
    );

    before(async () => {
      const workDir = mkdtempSync(join(tmpdir(), `prodready-sessions-${lesson.id}-`));
      dirs.push(workDir);
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(workDir, path)), { recursive: true });
        writeFileSync(join(workDir, path), text);
      }
      const [production] = entrypoints(files);
      assert.ok(production, `${lesson.id} ${name}: no production entrypoint (Procfile web:)`);
      port = await freePort();
      const env = checks.find((check) => check.env)?.env ?? lesson.run.env;
      app = launch(
        `${lesson.id} ${name}`,
        plan({ entry: production, dir: workDir, venvBin: venv.bin, port, socketPath: join(workDir, 'app.sock'), env }),
      );
      const server = app;
      await waitUntil(server, `answer on 127.0.0.1:${port}`, () => tryRequest({ port, path: '/' }));
    });
    after(async () => {
      await app?.stop();
    });

    for (const check of checks) {
      const expected = mustFail.has(check.id) ? 'fails' : 'passes';
      test(`${check.id} ${expected}`, async () => {
        let failure: string | null;
        if (check.kind === 'http') {
          const { method, path, headers, body } = check.request;
          failure = httpFailure(check, await send(port, method, path, headers, body));
        } else {
          // The control needs the key the app signs with, known from outside only when it is the
          // environment's: a mistake may sign with another (secrets.token_hex at import).
          const ownKey = name.startsWith('mistakes/') ? null : ((check.env ?? lesson.run.env).SECRET_KEY ?? '');
          failure = await forgedFailure(check, port, ownKey);
        }
        const log = `\nserver output:\n${app?.output().slice(-3000) ?? ''}`;
        if (expected === 'fails') assert.notEqual(failure, null, `real Gunicorn passes ${check.id}${log}`);
        else assert.equal(failure, null, `real Gunicorn fails ${check.id}: ${failure}${log}`);
      });
    }
  });
}
