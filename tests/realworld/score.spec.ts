import { describe, expect, test } from 'vitest';
import { scoreProject, totals, unmetTargets, type Expectation } from './score';

const expectation: Expectation = {
  entrypoints: [
    { file: 'Procfile', line: 1, command: 'gunicorn app:app' },
    { file: 'Dockerfile', line: 9, command: 'gunicorn -b 0.0.0.0:8000 app:app' },
    { file: null, line: null, command: 'python serve.py' },
  ],
  found: [
    { rule: 'hardcoded-secret', file: 'config.py', line: 4 },
    { rule: 'server-tokens', file: 'nginx/app.conf' },
  ],
  notFound: ['debug-enabled'],
};

describe('scoreProject', () => {
  test('counts started entrypoints by place, guessed ones by command', () => {
    const score = scoreProject('p', expectation, {
      findings: [],
      entrypoints: [
        { command: 'gunicorn app:app', file: 'Procfile', line: 1, started: true },
        { command: 'gunicorn -b 0.0.0.0:8000 app:app', file: 'Dockerfile', line: 9, started: false, reason: 'boom' },
        { command: 'python serve.py', file: null, line: null, started: true },
      ],
    });
    expect(score.started).toBe(2);
    expect(score.notStarted).toEqual([{ entrypoint: expectation.entrypoints[1], reason: 'boom' }]);
  });

  test('an entrypoint reported at a line its declaration leads to (a wrapper script exec line) counts', () => {
    const viaWrapper: Expectation = {
      entrypoints: [{ file: 'Dockerfile', line: 21, command: './boot.sh', via: [{ file: 'boot.sh', line: 13 }] }],
      found: [],
    };
    const report = (line: number) => ({
      findings: [],
      entrypoints: [{ command: './boot.sh', file: 'boot.sh', line, started: true }],
    });
    expect(scoreProject('p', viaWrapper, report(13)).started).toBe(1);
    expect(scoreProject('p', viaWrapper, report(12)).started).toBe(0);
  });

  test('an entrypoint the audit never found, or a report without the field, did not start', () => {
    const score = scoreProject('p', expectation, { findings: [] });
    expect(score.started).toBe(0);
    expect(score.notStarted.map((n) => n.reason)).toEqual(Array(3).fill('not found by the audit'));
  });

  test('true positives, false positives (a notFound rule firing among them) and misses', () => {
    const score = scoreProject('p', expectation, {
      findings: [
        { rule: 'hardcoded-secret', file: 'config.py', line: 4 },
        { rule: 'hardcoded-secret', file: 'config.py', line: 5 },
        { rule: 'debug-enabled', file: 'config.py', line: 9 },
      ],
    });
    expect(score.truePositives).toHaveLength(1);
    expect(score.falsePositives.map((f) => `${f.rule}:${f.line}`)).toEqual(['hardcoded-secret:5', 'debug-enabled:9']);
    expect(score.misses).toEqual([{ rule: 'server-tokens', file: 'nginx/app.conf' }]);
  });

  test('a finding expected without a file matches the rule wherever the audit places it', () => {
    const score = scoreProject(
      'p',
      { entrypoints: [], found: [{ rule: 'proxyfix-missing' }] },
      { findings: [{ rule: 'proxyfix-missing', file: 'Dockerfile', line: 9 }] },
    );
    expect(score.truePositives).toHaveLength(1);
    expect(score.misses).toEqual([]);
  });
});

describe('totals and targets', () => {
  test('rates over all projects, and every missed target named', () => {
    const good = scoreProject('a', expectation, {
      findings: [
        { rule: 'hardcoded-secret', file: 'config.py', line: 4 },
        { rule: 'server-tokens', file: 'nginx/app.conf', line: 3 },
      ],
      entrypoints: expectation.entrypoints.map((e) => ({ ...e, started: true })),
    });
    const bad = scoreProject('b', expectation, { findings: [{ rule: 'debug-enabled', file: 'x.py', line: 1 }] });
    const total = totals([good, bad]);
    expect(total.startRate).toBe(50);
    expect(total.precision).toBeCloseTo((100 * 2) / 3);
    expect(total.missesPerTen).toBe(10);
    expect(unmetTargets(total)).toHaveLength(3);
    expect(unmetTargets(totals([good]))).toEqual([]);
  });

  test('an empty set fails', () => {
    expect(unmetTargets(totals([]))).toContain('no project was scored');
  });
});
