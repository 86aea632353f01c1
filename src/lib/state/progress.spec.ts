import { describe, expect, it } from 'vitest';
import { isProgressRecord, mergeProgress, recordGrade, recordSolutionShown } from './progress';

const T1 = new Date('2026-01-01T10:00:00Z');
const T2 = new Date('2026-01-02T10:00:00Z');

describe('progress records', () => {
  it('records a pass after the solution was shown as such, and a pass before it stays clean', () => {
    const shown = recordSolutionShown({}, 'a', T1);
    expect(shown.a).toEqual({ passed: false, at: T1.toISOString(), solutionShown: true });
    expect(recordGrade(shown, 'a', true, T2).a).toEqual({ passed: true, at: T2.toISOString(), solutionShown: true });

    const passed = recordGrade({}, 'b', true, T1);
    expect(recordSolutionShown(passed, 'b', T2)).toBe(passed);
    expect(passed.b!.solutionShown).toBeUndefined();
  });

  it('validates the optional flag', () => {
    expect(isProgressRecord({ a: { passed: true, at: 'x', solutionShown: true } })).toBe(true);
    expect(isProgressRecord({ a: { passed: true, at: 'x', solutionShown: 'yes' } })).toBe(false);
  });

  it('merges progress from elsewhere: a pass on either side is kept, a revealed solution is not forgotten', () => {
    const local = { a: { passed: true, at: T1.toISOString() }, b: { passed: false, at: T1.toISOString() } };
    const other = {
      a: { passed: true, at: T2.toISOString(), solutionShown: true },
      b: { passed: false, at: T2.toISOString(), solutionShown: true },
      c: { passed: true, at: T2.toISOString() },
    };
    expect(mergeProgress(local, other)).toEqual({
      a: local.a,
      b: { passed: false, at: T1.toISOString(), solutionShown: true },
      c: other.c,
    });
    expect(mergeProgress({ b: local.b }, { b: { passed: true, at: T2.toISOString() } }).b!.passed).toBe(true);
  });
});
