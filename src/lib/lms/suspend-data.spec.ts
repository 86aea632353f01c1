import { describe, expect, it } from 'vitest';
import type { ProgressRecord } from '../state/progress';
import { decodeSuspendData, encodeSuspendData, SUSPEND_DATA_LIMIT } from './suspend-data';

const AT = '2026-11-29T09:15:42.000Z';

describe('suspend_data encoding', () => {
  it('round-trips every state a lesson can be in', () => {
    const record: ProgressRecord = {
      '01-the-open-door': { passed: true, at: AT },
      '02-debug-off': { passed: true, at: AT, solutionShown: true },
      '03-waitress': { passed: false, at: AT },
      '04-gunicorn': { passed: false, at: AT, solutionShown: true },
    };
    const text = encodeSuspendData(record);
    expect(text).toMatch(/^p1;01-the-open-door\.p\.[0-9a-z]+;02-debug-off\.s\./);
    expect(decodeSuspendData(text)).toEqual(record);
  });

  it('keeps a whole course of 14 lessons far inside SCORM 1.2’s 4096 characters', () => {
    const record: ProgressRecord = {};
    for (let i = 1; i <= 14; i++)
      record[`${String(i).padStart(2, '0')}-a-long-lesson-slug-here`] = { passed: true, at: AT };
    expect(encodeSuspendData(record).length).toBeLessThan(600);
  });

  it('past the limit, drops unfinished lessons (oldest first) before any pass', () => {
    const record: ProgressRecord = {};
    for (let i = 0; i < 150; i++) record[`passed-lesson-${i}`] = { passed: true, at: AT };
    for (let i = 0; i < 150; i++) {
      record[`open-lesson-${i}`] = { passed: false, at: new Date(Date.parse(AT) + i * 1000).toISOString() };
    }
    const text = encodeSuspendData(record);
    expect(text.length).toBeLessThanOrEqual(SUSPEND_DATA_LIMIT);
    const kept = decodeSuspendData(text);
    expect(Object.keys(kept).filter((id) => id.startsWith('passed-'))).toHaveLength(150);
    expect(kept['open-lesson-0']).toBeUndefined();
    expect(kept['open-lesson-149']).toBeDefined();
  });

  it('reads nothing from another format, an empty string or broken entries', () => {
    expect(decodeSuspendData('')).toEqual({});
    expect(decodeSuspendData('{"a":1}')).toEqual({});
    expect(decodeSuspendData(`p1;ok.p.${(1e9).toString(36)};Bad Id.p.1;x.z.1;y.p.;z.p.!!`)).toEqual({
      ok: { passed: true, at: new Date(1e12).toISOString() },
    });
  });
});
