import { describe, expect, it } from 'vitest';
import { isProgressRecord, recordGrade } from './progress';
import { isStringRecord, loadJson, MemoryStore, saveJson, storageKey, type KeyValueStore } from './storage';

describe('storage', () => {
  it('builds versioned keys', () => {
    expect(storageKey('files', '01-the-open-door')).toBe('prodready:v1:files:01-the-open-door');
  });

  it('round-trips a value', () => {
    const store = new MemoryStore();
    expect(saveJson(store, 'k', { 'app.py': 'print(1)' })).toBe(true);
    expect(loadJson(store, 'k', isStringRecord, {})).toEqual({ 'app.py': 'print(1)' });
  });

  it('falls back on a missing key, corrupt JSON or the wrong shape', () => {
    const store = new MemoryStore();
    expect(loadJson(store, 'missing', isStringRecord, { a: 'b' })).toEqual({ a: 'b' });
    store.setItem('corrupt', '{"app.py": ');
    expect(loadJson(store, 'corrupt', isStringRecord, {})).toEqual({});
    store.setItem('shape', '{"app.py": 3}');
    expect(loadJson(store, 'shape', isStringRecord, {})).toEqual({});
    store.setItem('array', '["a"]');
    expect(loadJson(store, 'array', isStringRecord, {})).toEqual({});
  });

  it('survives a store that throws', () => {
    const broken: KeyValueStore = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => {},
    };
    expect(loadJson(broken, 'k', isStringRecord, {})).toEqual({});
    expect(saveJson(broken, 'k', {})).toBe(false);
  });
});

describe('progress', () => {
  const now = new Date('2025-01-02T03:04:05Z');

  it('validates stored records', () => {
    expect(isProgressRecord({ '01-a': { passed: true, at: 'x' } })).toBe(true);
    expect(isProgressRecord({ '01-a': { passed: 'yes', at: 'x' } })).toBe(false);
    expect(isProgressRecord(null)).toBe(false);
  });

  it('records a grade with its time', () => {
    expect(recordGrade({}, '01-a', false, now)).toEqual({ '01-a': { passed: false, at: '2025-01-02T03:04:05.000Z' } });
  });

  it('keeps a pass once earned', () => {
    const passed = recordGrade({}, '01-a', true, now);
    expect(recordGrade(passed, '01-a', false, new Date())).toBe(passed);
  });
});
