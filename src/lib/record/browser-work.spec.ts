import { describe, expect, it } from 'vitest';
import type { Lesson } from '../content/lesson';
import { recordGrade, recordSolutionShown } from '../state/progress';
import { MemoryStore, storageKey } from '../state/storage';
import { browserWork } from './browser-work';

const lesson = {
  id: '02-debug-off',
  starter: { 'app.py': 'starter\n', 'README.md': 'read me\n' },
} as unknown as Lesson;
const HASH = `sha256:${'1'.repeat(64)}`;
const T1 = new Date('2026-11-29T08:00:00Z');
const T2 = new Date('2026-11-29T08:05:00Z');

describe('browserWork', () => {
  it("takes the saved files over the starter, the last results, and the progress entry's reveal", () => {
    const store = new MemoryStore();
    store.setItem(storageKey('files', lesson.id), JSON.stringify({ 'app.py': 'fixed\n' }));
    const results = [{ id: 'debug-off', title: 'Debug off', passed: true, message: 'off' }];
    store.setItem(storageKey('checks', lesson.id), JSON.stringify(results));
    const progress = recordGrade(recordSolutionShown({}, lesson.id, T1), lesson.id, true, T2);
    store.setItem(storageKey('progress'), JSON.stringify(progress));
    expect(browserWork(store, lesson, HASH)).toEqual({
      id: lesson.id,
      contentHash: HASH,
      files: { 'app.py': 'fixed\n', 'README.md': 'read me\n' },
      solutionRevealed: true,
      seen: { passed: true, at: T2.toISOString(), results },
    });
  });

  it('gives the starter and no results for a lesson never opened, and ignores corrupt storage', () => {
    const store = new MemoryStore();
    store.setItem(storageKey('checks', lesson.id), '{not json');
    store.setItem(storageKey('files', lesson.id), JSON.stringify({ 'app.py': 42 }));
    expect(browserWork(store, lesson, HASH)).toEqual({
      id: lesson.id,
      contentHash: HASH,
      files: lesson.starter,
      solutionRevealed: false,
      seen: null,
    });
  });
});
