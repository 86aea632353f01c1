/**
 * One lesson's work as the browser keeps it, for a record: the saved files over the starter (as the
 * editor opens them), the last results the checks panel showed, and the progress entry (passed,
 * when, solution revealed). Reads the same storage keys the state modules write.
 */
import type { Lesson } from '../content/lesson';
import { isCheckResults } from '../state/check-results';
import { isProgressRecord } from '../state/progress';
import { isStringRecord, loadJson, storageKey, type KeyValueStore } from '../state/storage';
import type { RecordedLesson } from './schema';

export function browserWork(store: KeyValueStore, lesson: Lesson, contentHash: string): RecordedLesson {
  const saved = loadJson(store, storageKey('files', lesson.id), isStringRecord, {});
  const results = loadJson(store, storageKey('checks', lesson.id), isCheckResults, null);
  const progress = loadJson(store, storageKey('progress'), isProgressRecord, {})[lesson.id];
  return {
    id: lesson.id,
    contentHash,
    files: { ...lesson.starter, ...saved },
    solutionRevealed: progress?.solutionShown === true,
    seen: progress ? { passed: progress.passed, at: progress.at, results } : null,
  };
}
