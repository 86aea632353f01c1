// The LMS side is scorm-again's Scorm12API, a maintained SCORM 1.2 run-time, not a hand-made fake.
import { Scorm12API } from 'scorm-again';
import { describe, expect, it } from 'vitest';
import type { Scorm12Api } from './scorm12-api';
import { cmiTimespan, Scorm12Session } from './scorm12-session';

const AT = '2026-11-29T09:00:00.000Z';

function lms(kept: Record<string, unknown> = {}) {
  const api = new Scorm12API({ autocommit: false, lmsCommitUrl: false, logLevel: 5 });
  api.loadFromJSON(kept, '');
  return api;
}

describe('a SCORM 1.2 session', () => {
  it('marks a first launch incomplete, reports passes with score and suspend_data, and finishes with the time', () => {
    const api = lms();
    let clock = 1_000;
    const session = new Scorm12Session(api as unknown as Scorm12Api, ['a', 'b'], () => clock);
    expect(session.start()).toEqual({});
    expect(api.LMSGetValue('cmi.core.lesson_status')).toBe('incomplete');

    session.report({ a: { passed: true, at: AT } });
    expect(api.LMSGetValue('cmi.core.lesson_status')).toBe('incomplete');
    expect(api.LMSGetValue('cmi.core.score.raw')).toBe('50');
    expect(api.LMSGetValue('cmi.suspend_data')).toMatch(/^p1;a\.p\./);

    session.report({ a: { passed: true, at: AT }, b: { passed: true, at: AT } });
    expect(api.LMSGetValue('cmi.core.lesson_status')).toBe('passed');
    expect(api.LMSGetValue('cmi.core.score.raw')).toBe('100');

    // session_time is write-only for the content: read what the LMS was sent.
    const sent: string[] = [];
    api.on('LMSSetValue.cmi.core.session_time', (_element: string, value: string) => sent.push(value));
    let finishes = 0;
    api.on('LMSFinish', () => finishes++);
    clock += 62_500;
    session.finish();
    session.finish(); // unload fires more than once: LMSFinish is called once
    expect(sent).toEqual(['0000:01:02.50']);
    expect(finishes).toBe(1);
    expect(api.isTerminated()).toBe(true);
  });

  it('restores the progress a previous launch left in suspend_data', () => {
    const first = lms();
    const one = new Scorm12Session(first as unknown as Scorm12Api, ['a', 'b']);
    one.start();
    one.report({ a: { passed: true, at: AT }, b: { passed: false, at: AT, solutionShown: true } });
    one.finish();

    const second = lms({ suspend_data: first.cmi.suspend_data, core: { lesson_status: 'incomplete' } });
    const two = new Scorm12Session(second as unknown as Scorm12Api, ['a', 'b']);
    expect(two.start()).toEqual({
      a: { passed: true, at: AT },
      b: { passed: false, at: AT, solutionShown: true },
    });
  });

  it('returns null when the LMS refuses to start, and then reports nothing', () => {
    const api = lms();
    api.LMSInitialize('');
    api.LMSFinish(''); // a terminated API refuses LMSInitialize
    const session = new Scorm12Session(api as unknown as Scorm12Api, ['a']);
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (text: string) => warnings.push(text);
    try {
      expect(session.start()).toBeNull();
    } finally {
      console.warn = warn;
    }
    expect(warnings[0]).toMatch(/refused LMSInitialize/);
  });

  it('writes CMITimespan as HHHH:MM:SS.SS', () => {
    expect(cmiTimespan(0)).toBe('0000:00:00.00');
    expect(cmiTimespan(3_723_450)).toBe('0001:02:03.45');
  });
});
