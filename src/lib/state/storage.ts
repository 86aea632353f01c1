/**
 * Browser persistence with versioned keys. Everything the learner does (files, environment,
 * progress, hints seen) survives a reload. Stored data can be corrupt, from an older version or
 * edited by hand, so every load validates and falls back; every save swallows quota errors
 * (losing a save beats crashing the editor).
 */

import { RENAMED_LESSONS } from '../content/renamed-lessons';
import { migrateLessonIds } from './migrate-lesson-ids';

/** Bump the version when a stored shape changes incompatibly; old keys are then ignored. */
export const STORAGE_PREFIX = 'prodready:v1:';

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function storageKey(...parts: string[]): string {
  return STORAGE_PREFIX + parts.join(':');
}

/** Read and validate a JSON value; the fallback on a missing key, bad JSON or a failed check. */
export function loadJson<T>(
  store: KeyValueStore,
  key: string,
  isValid: (value: unknown) => value is T,
  fallback: T,
): T {
  let raw: string | null;
  try {
    raw = store.getItem(key);
  } catch {
    return fallback;
  }
  if (raw === null) return fallback;
  try {
    const value: unknown = JSON.parse(raw);
    return isValid(value) ? value : fallback;
  } catch {
    return fallback;
  }
}

/** Save a JSON value; false when the store refused (quota, private mode). */
export function saveJson(store: KeyValueStore, key: string, value: unknown): boolean {
  try {
    store.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export function removeKey(store: KeyValueStore, key: string): void {
  try {
    store.removeItem(key);
  } catch {
    // Nothing to do: the value stays, and loading it is still validated.
  }
}

export function isStringRecord(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === 'string')
  );
}

export function isNonNegativeInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** An in-memory store, for tests and for browsers that deny localStorage. */
export class MemoryStore implements KeyValueStore {
  private items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

let migrated = false;

/**
 * localStorage when the browser grants it (it throws in some privacy modes), else memory. The first
 * call moves work saved under renamed lesson ids to their new ids, before any state reads it.
 */
export function browserStore(): KeyValueStore {
  try {
    const store = globalThis.localStorage;
    if (store) {
      const probe = `${STORAGE_PREFIX}probe`;
      store.setItem(probe, '1');
      store.removeItem(probe);
      if (!migrated) migrateLessonIds(store, RENAMED_LESSONS);
      migrated = true;
      return store;
    }
  } catch {
    // Fall through to memory.
  }
  return new MemoryStore();
}
