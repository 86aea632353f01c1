import { describe, expect, it } from 'vitest';
import { courseStatus } from './course-status';

const AT = '2026-11-29T09:00:00.000Z';
const TRACK = ['a', 'b', 'c', 'd'];

describe('course status for the LMS', () => {
  it('is incomplete, scored by unaided passes, until every lesson of the track passed', () => {
    expect(courseStatus({}, TRACK)).toEqual({ status: 'incomplete', score: 0 });
    expect(courseStatus({ a: { passed: true, at: AT }, b: { passed: false, at: AT } }, TRACK)).toEqual({
      status: 'incomplete',
      score: 25,
    });
  });

  it('passed when every lesson passed alone; completed when some needed the solution', () => {
    const all = Object.fromEntries(TRACK.map((id) => [id, { passed: true, at: AT }]));
    expect(courseStatus(all, TRACK)).toEqual({ status: 'passed', score: 100 });
    expect(courseStatus({ ...all, c: { passed: true, at: AT, solutionShown: true } }, TRACK)).toEqual({
      status: 'completed',
      score: 75,
    });
  });

  it('counts only the lessons of the track, and never completes an empty one', () => {
    expect(courseStatus({ x: { passed: true, at: AT } }, TRACK).score).toBe(0);
    expect(courseStatus({ x: { passed: true, at: AT } }, [])).toEqual({ status: 'incomplete', score: 0 });
  });
});
