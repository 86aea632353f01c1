/**
 * Saved work under a lesson id that was renamed or split moves to the lessons that took it over
 * (src/lib/content/renamed-lessons.ts), once, before anything reads storage. Pure over a store.
 * - progress: a pass of the old lesson counts for each new one (the old lesson covered them all);
 *   an entry the new id already has is kept.
 * - files and environment: copied to each new id that has none saved; the learner's edits are never
 *   lost, and the new lesson's starter is what they get only where they had nothing.
 * - hints: dropped; the new lessons number their hints differently.
 * Old keys are removed afterwards, which makes a second run a no-op.
 */
import { isProgressRecord, type ProgressRecord } from './progress';
import { isStringRecord, loadJson, removeKey, saveJson, storageKey, type KeyValueStore } from './storage';

const PER_LESSON = ['files', 'env'] as const;

export function migrateLessonIds(store: KeyValueStore, renames: Readonly<Record<string, readonly string[]>>): void {
  const progressKey = storageKey('progress');
  let progress: ProgressRecord = loadJson(store, progressKey, isProgressRecord, {});
  let progressChanged = false;
  for (const [oldId, newIds] of Object.entries(renames)) {
    const old = progress[oldId];
    if (old) {
      progress = { ...progress };
      for (const id of newIds) if (!progress[id]) progress[id] = old;
      delete progress[oldId];
      progressChanged = true;
    }
    for (const kind of PER_LESSON) {
      const oldKey = storageKey(kind, oldId);
      let raw: string | null;
      try {
        raw = store.getItem(oldKey);
      } catch {
        continue;
      }
      if (raw === null) continue;
      const saved = loadJson(store, oldKey, isStringRecord, null);
      if (saved) {
        for (const id of newIds) {
          const key = storageKey(kind, id);
          if (loadJson(store, key, isStringRecord, null) === null) saveJson(store, key, saved);
        }
      }
      removeKey(store, oldKey);
    }
    removeKey(store, storageKey('hints', oldId));
  }
  if (progressChanged) saveJson(store, progressKey, progress);
}
