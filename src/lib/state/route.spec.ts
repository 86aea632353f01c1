import { describe, expect, it } from 'vitest';
import { chooseLesson, filterByTrack, hashFor, lessonIdFromHash, trackFromSearch } from './route';

const lessons = [
  { id: '01-the-open-door', tags: ['basics', 'workshop'] },
  { id: '02-secrets', tags: ['basics'] },
  { id: '03-proxy', tags: ['nginx'] },
];

describe('route', () => {
  it('reads the lesson id from the hash', () => {
    expect(lessonIdFromHash('#/01-the-open-door')).toBe('01-the-open-door');
    expect(lessonIdFromHash('#02-secrets')).toBe('02-secrets');
    expect(lessonIdFromHash('')).toBeNull();
    expect(lessonIdFromHash('#/')).toBeNull();
    expect(hashFor('03-proxy')).toBe('#/03-proxy');
  });

  it('takes a malformed escape in the hash as no lesson instead of throwing', () => {
    expect(lessonIdFromHash('#/%')).toBeNull();
    expect(lessonIdFromHash('#/%zz')).toBeNull();
    expect(lessonIdFromHash('#/01%2Dthe-open-door')).toBe('01-the-open-door');
  });

  it('reads the track from the query', () => {
    expect(trackFromSearch('?track=workshop')).toBe('workshop');
    expect(trackFromSearch('?track=')).toBeNull();
    expect(trackFromSearch('')).toBeNull();
  });

  it('filters by track, and shows everything when the track is empty', () => {
    expect(filterByTrack(lessons, 'basics').shown.map((l) => l.id)).toEqual(['01-the-open-door', '02-secrets']);
    expect(filterByTrack(lessons, null)).toEqual({ shown: lessons, trackEmpty: false });
    expect(filterByTrack(lessons, 'nope')).toEqual({ shown: lessons, trackEmpty: true });
  });

  it('chooses the routed lesson or the first one shown', () => {
    const { shown } = filterByTrack(lessons, 'nginx');
    expect(chooseLesson(shown, '01-the-open-door')?.id).toBe('03-proxy');
    expect(chooseLesson(lessons, '02-secrets')?.id).toBe('02-secrets');
    expect(chooseLesson([], 'x')).toBeUndefined();
  });

  it('routes a renamed or split lesson id to the lesson that took it over', () => {
    const course = [
      { id: '01-the-open-door', tags: [] },
      { id: '05-nginx-tls', tags: [] },
      { id: '06-nginx-proxy', tags: [] },
      { id: '07-process-manager', tags: [] },
    ];
    expect(chooseLesson(course, '05-nginx')?.id).toBe('05-nginx-tls');
    expect(chooseLesson(course, '06-process-manager')?.id).toBe('07-process-manager');
    // A lesson that exists under the id wins over a rename, and an unknown id still opens the first.
    expect(chooseLesson([...course, { id: '05-nginx', tags: [] }], '05-nginx')?.id).toBe('05-nginx');
    expect(chooseLesson(course, '99-nope')?.id).toBe('01-the-open-door');
  });
});
