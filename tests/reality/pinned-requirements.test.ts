/**
 * Lesson 11 on the real tools: the solution's requirements.txt installs with
 * `pip install --require-hashes --no-index --find-links WHEELS` into a fresh virtual environment
 * (Debian's /usr/bin/python3), and the mistakes without hashes are refused by pip itself; then the
 * real Werkzeug debugger, run by `flask run --debug` from each environment, answers the console to a
 * forged Host with the starter's Werkzeug 3.0.1 and refuses it with the solution's (GHSA-2g68-c3qc-8985).
 *
 * The wheel folder is downloaded from PyPI once (pip, with the solution's hashes) into
 * .cache/lesson-11-wheels; everything after that is offline.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadLessonContent } from '../../src/cli/lessons-fs';
import { request, tryRequest } from './lib/http';
import { LESSONS, type Files } from './lib/lessons';
import { freePort, run, runOrThrow, start, waitUntil } from './lib/processes';
import { REPO, SYSTEM_PYTHON } from './lib/venv';

const lesson = loadLessonContent(join(LESSONS, '11-vulnerable-dependencies'));
const WHEELS = join(REPO, '.cache/lesson-11-wheels');
const FORGED_HOST = 'rebind.attacker.example';
const scratch = mkdtempSync(join(tmpdir(), 'prodready-pins-'));

function writeProject(files: Files, name: string): string {
  const dir = join(scratch, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function mistake(name: string): Files {
  const found = lesson.mistakes.find((entry) => entry.name === name);
  assert.ok(found, `lesson 11 has no mistake ${name}`);
  return found.files;
}

/** A fresh venv and `pip install --no-index --find-links WHEELS` (plus `extra` options) of the project's requirements. */
function install(dir: string, extra: string[]) {
  const venv = join(dir, '.venv');
  runOrThrow(SYSTEM_PYTHON, ['-m', 'venv', venv], { timeoutMs: 120_000 });
  const pip = run(
    join(venv, 'bin/python'),
    [
      '-m',
      'pip',
      'install',
      '--no-input',
      '--disable-pip-version-check',
      '--no-index',
      '--find-links',
      WHEELS,
      ...extra,
      '-r',
      join(dir, 'requirements.txt'),
    ],
    // Only the lesson's wheel folder: not this machine's PIP_FIND_LINKS or other pip settings.
    { timeoutMs: 300_000, env: { PATH: process.env.PATH, HOME: scratch } },
  );
  return { venv, pip };
}

before(() => {
  if (!existsSync(SYSTEM_PYTHON)) throw new Error(`${SYSTEM_PYTHON} is missing: run scripts/install-system-deps.sh`);
  mkdirSync(WHEELS, { recursive: true });
  const download = (args: string[]) =>
    runOrThrow(
      SYSTEM_PYTHON,
      ['-m', 'pip', 'download', '--no-input', '--disable-pip-version-check', '-d', WHEELS, ...args],
      {
        timeoutMs: 300_000,
      },
    );
  download(['--require-hashes', '-r', writeProject(lesson.solution, 'download-solution') + '/requirements.txt']);
  download(['-r', writeProject(lesson.starter, 'download-starter') + '/requirements.txt']);
});

after(() => rmSync(scratch, { recursive: true, force: true }));

describe('lesson 11: pip install --require-hashes', () => {
  test('the solution installs offline from the wheel folder, every file checked against its hash', () => {
    const dir = writeProject(lesson.solution, 'solution');
    const { venv, pip } = install(dir, ['--require-hashes']);
    assert.equal(pip.status, 0, pip.output);
    const versions = runOrThrow(join(venv, 'bin/python'), [
      '-c',
      'import importlib.metadata as m; print(m.version("flask"), m.version("werkzeug"), m.version("gunicorn"))',
    ]);
    assert.equal(versions.trim(), '3.1.3 3.1.9 27.0.1');
  });

  for (const [name, refusal] of [
    ['missing-hash', /Hashes are required in --require-hashes mode, but they are missing from some requirements/],
    ['compatible-release', /In --require-hashes mode, all requirements must have their versions pinned with ==/],
  ] as const) {
    test(`pip itself refuses the mistake ${name}`, () => {
      const { pip } = install(writeProject(mistake(name), name), ['--require-hashes']);
      assert.notEqual(pip.status, 0, pip.output);
      assert.match(pip.output, refusal);
    });
  }
});

describe("lesson 11: the real debugger's console and a forged Host", () => {
  for (const [name, files, forgedStatus] of [
    ['starter (Werkzeug 3.0.1)', lesson.starter, 200],
    ['solution (Werkzeug 3.1.9)', lesson.solution, 400],
  ] as const) {
    test(`${name}: the console answers Host: ${FORGED_HOST} with ${forgedStatus}`, async () => {
      const dir = writeProject(files, name.split(' ')[0] + '-debug');
      const { venv, pip } = install(dir, []);
      assert.equal(pip.status, 0, pip.output);
      const port = await freePort();
      const server = start(
        'flask run --debug',
        join(venv, 'bin/flask'),
        ['--app', 'app', 'run', '--debug', '--no-reload', '--port', String(port)],
        {
          cwd: dir,
          env: { PATH: process.env.PATH, SECRET_KEY: 'a-long-random-value-from-the-secret-store', USER: 'dev' },
        },
      );
      try {
        const local = await waitUntil(server, 'an answer on /console', () =>
          tryRequest({ port, path: '/console', headers: { Host: `127.0.0.1:${port}` } }),
        );
        assert.equal(local.status, 200, 'the developer at 127.0.0.1 gets the console');
        assert.match(local.body, /SECRET = /);
        const forged = await request({ port, path: '/console', headers: { Host: FORGED_HOST } });
        assert.equal(forged.status, forgedStatus, forged.body.slice(0, 300));
        assert.equal(/SECRET = /.test(forged.body), forgedStatus === 200);
      } finally {
        await server.stop();
      }
    });
  }
});
