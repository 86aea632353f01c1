import { describe, expect, test } from 'vitest';
import type { CheckSpec } from '../../content/checks-schema';
import type { RedTeamAttack } from '../../content/lesson';
import { redTeamAttacks } from '../../content/red-team';
import { gradingContext, NO_PYTHON, SECRET, SITE, SITE_FILE } from '../rules/test-support';
import type { CheckResult } from '../types';
import { redTeam, type Replay } from './red-team';

type Spec = Extract<CheckSpec, { kind: 'red-team' }>;

const SPEC: Spec = { kind: 'red-team', id: 'red-team', title: 'Every earlier attack fails', env: SECRET };
const TLS: CheckSpec = { kind: 'rule', id: 'modern-tls', title: 'TLS', rule: 'weak-tls', redTeam: 'TLS 1.0' };
const APACHE_XFF: CheckSpec = {
  kind: 'proxy-request',
  id: 'forged-xff',
  title: 'XFF',
  via: 'apache',
  redTeam: 'forged X-Forwarded-For',
  request: { scheme: 'https', method: 'GET', path: '/', headers: {}, client: '198.51.100.23', probe: true },
  expect: { headers: [], absentHeaders: [], headersExclude: {}, noTraceback: false },
  because: 'b',
};
const TRACEBACK: CheckSpec = {
  kind: 'http',
  id: 'generic-500',
  title: 'A plain 500',
  env: { SECRET_KEY: 'the-lesson-s-own' },
  redTeam: 'a traceback for a crash',
  request: { method: 'GET', path: '/orders/abc', headers: {} },
  expect: { status: 500, bodyIncludes: [], bodyExcludes: [], noTraceback: true, noSecret: true, logIncludes: [], headersMatch: {} }, // prettier-ignore
};

const attacks = redTeamAttacks('14-capstone', [
  { id: '12-apache-proxy', title: 'Apache in front', checks: [APACHE_XFF] },
  { id: '05-nginx-tls', title: 'HTTPS in front', checks: [{ kind: 'nginx-syntax', id: 'parses', title: 'p' }, TLS] },
  { id: '02-debug-off', title: 'Debug off', checks: [TRACEBACK] },
  { id: '15-later', title: 'Later', checks: [{ ...TLS, redTeam: 'a later attack' }] },
]);

/** Replays by a verdict per check id, and records what it was asked (the env it ran with). */
function replayer(failing: Record<string, string>) {
  const asked: CheckSpec[] = [];
  const replay: Replay = async (check) => {
    asked.push(check);
    const message = failing[check.id];
    return { id: check.id, title: check.title, passed: message === undefined, message: message ?? 'fine' } satisfies CheckResult; // prettier-ignore
  };
  return { asked, replay };
}

const context = (files: Record<string, string>) => gradingContext(NO_PYTHON, { files });
const run = (attackList: RedTeamAttack[], files: Record<string, string>, failing: Record<string, string> = {}) => {
  const { asked, replay } = replayer(failing);
  const grading = context(files);
  return { asked, result: redTeam(SPEC, attackList, grading, () => grading, replay) };
};

describe('redTeamAttacks', () => {
  test("takes the marked checks of the earlier lessons only, in lesson order, with the lesson's title", () => {
    expect(attacks.map((attack) => `${attack.lesson.id} ${attack.name}`)).toEqual([
      '02-debug-off a traceback for a crash',
      '05-nginx-tls TLS 1.0',
      '12-apache-proxy forged X-Forwarded-For',
    ]);
    expect(attacks[1]!.lesson.title).toBe('HTTPS in front');
  });
});

describe('red-team', () => {
  test('an attack that still works is named with its lesson, and links back to it', async () => {
    const { result } = run(attacks, { [SITE_FILE]: SITE }, { 'modern-tls': 'ssl_protocols allows TLSv1' });
    const verdict = await result;
    expect(verdict.passed).toBe(false);
    expect(verdict.message).toContain('One attack still works: TLS 1.0, from lesson 05 "HTTPS in front": ssl_protocols allows TLSv1'); // prettier-ignore
    expect(verdict.links).toEqual([{ label: 'Lesson 05: HTTPS in front', href: '#/05-nginx-tls' }]);
  });

  test("attacks on Apache are not replayed behind nginx; each runs under the red team's environment", async () => {
    const { asked, result } = run(attacks, { [SITE_FILE]: SITE });
    const verdict = await result;
    expect(verdict.passed).toBe(true);
    expect(verdict.message).toContain('All 2 attacks of the earlier lessons fail');
    expect(verdict.message).toContain('Not replayed: forged X-Forwarded-For (lesson 12: no Apache here)');
    expect(asked.map((check) => check.id)).toEqual(['generic-500', 'modern-tls']);
    expect(asked[0]).toMatchObject({ env: SECRET });
  });

  test('a workspace with no proxy in front has nothing to attack, and fails', async () => {
    const verdict = await run(attacks, {}).result;
    expect(verdict.passed).toBe(false);
    expect(verdict.message).toContain('nothing to attack');
  });

  test('no marked attack at all fails rather than passing', async () => {
    const verdict = await run([], { [SITE_FILE]: SITE }).result;
    expect(verdict.passed).toBe(false);
  });
});
