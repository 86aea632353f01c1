import { describe, expect, it } from 'vitest';
import { RENAMED_LESSONS } from '../content/renamed-lessons';
import { migrateLessonIds } from './migrate-lesson-ids';
import { MemoryStore, storageKey } from './storage';

const PASSED = { passed: true, at: '2026-11-01T10:00:00.000Z' };

function storeWith(items: Record<string, unknown>): MemoryStore {
  const store = new MemoryStore();
  for (const [key, value] of Object.entries(items)) store.setItem(key, JSON.stringify(value));
  return store;
}

const read = (store: MemoryStore, key: string): unknown => JSON.parse(store.getItem(key) ?? 'null');

describe('migrateLessonIds', () => {
  it('a pass of the split lesson counts for both halves, and the renamed one moves', () => {
    const store = storeWith({
      [storageKey('progress')]: { '01-the-open-door': PASSED, '05-nginx': PASSED, '06-process-manager': PASSED },
    });
    migrateLessonIds(store, RENAMED_LESSONS);
    expect(read(store, storageKey('progress'))).toEqual({
      '01-the-open-door': PASSED,
      '05-nginx-tls': PASSED,
      '06-nginx-proxy': PASSED,
      '07-process-manager': PASSED,
    });
  });

  it("saved files and environment go to every new id that has none; the new id's own work is kept", () => {
    const old = { 'nginx/shop.conf': 'server { listen 443 ssl; }', 'app.py': 'mine' };
    const own = { 'nginx/shop.conf': 'already edited in the new lesson' };
    const store = storeWith({
      [storageKey('files', '05-nginx')]: old,
      [storageKey('files', '06-nginx-proxy')]: own,
      [storageKey('env', '05-nginx')]: { SECRET_KEY: 'x' },
      [storageKey('hints', '05-nginx')]: 2,
    });
    migrateLessonIds(store, RENAMED_LESSONS);
    expect(read(store, storageKey('files', '05-nginx-tls'))).toEqual(old);
    expect(read(store, storageKey('files', '06-nginx-proxy'))).toEqual(own);
    expect(read(store, storageKey('env', '06-nginx-proxy'))).toEqual({ SECRET_KEY: 'x' });
    expect(store.getItem(storageKey('files', '05-nginx'))).toBeNull();
    expect(store.getItem(storageKey('hints', '05-nginx'))).toBeNull();
    expect(store.getItem(storageKey('hints', '05-nginx-tls'))).toBeNull();
  });

  it('a pass already recorded under the new id is not replaced, and a second run changes nothing', () => {
    const later = { passed: true, at: '2026-11-20T10:00:00.000Z' };
    const store = storeWith({
      [storageKey('progress')]: { '05-nginx': { passed: false, at: 'x' }, '05-nginx-tls': later },
    });
    migrateLessonIds(store, RENAMED_LESSONS);
    const once = store.getItem(storageKey('progress'));
    migrateLessonIds(store, RENAMED_LESSONS);
    expect(store.getItem(storageKey('progress'))).toBe(once);
    expect(read(store, storageKey('progress'))).toEqual({
      '05-nginx-tls': later,
      '06-nginx-proxy': { passed: false, at: 'x' },
    });
  });

  it('corrupt saved files are dropped, not copied, and nothing throws', () => {
    const store = new MemoryStore();
    store.setItem(storageKey('files', '06-process-manager'), '{"shop.service": ');
    migrateLessonIds(store, RENAMED_LESSONS);
    expect(store.getItem(storageKey('files', '07-process-manager'))).toBeNull();
    expect(store.getItem(storageKey('files', '06-process-manager'))).toBeNull();
  });
});
