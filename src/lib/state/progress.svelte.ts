/** Which lessons the learner has completed, saved under `prodready:v1:progress`. */
import { isProgressRecord, mergeProgress, recordGrade, recordSolutionShown, type ProgressRecord } from './progress';
import { browserStore, loadJson, saveJson, storageKey } from './storage';

const store = browserStore();
const KEY = storageKey('progress');

class Progress {
  record = $state<ProgressRecord>(loadJson(store, KEY, isProgressRecord, {}));
  /** Told of every change (the LMS reporter listens; see src/lib/lms/). */
  private listeners: Array<(record: ProgressRecord) => void> = [];

  completed(lessonId: string): boolean {
    return this.record[lessonId]?.passed === true;
  }

  /** Passed with the reference solution revealed first. */
  withSolution(lessonId: string): boolean {
    return this.record[lessonId]?.solutionShown === true;
  }

  /** Graded at least once, or the solution revealed, without a pass yet. */
  started(lessonId: string): boolean {
    return this.record[lessonId] !== undefined && !this.completed(lessonId);
  }

  solutionShown(lessonId: string): void {
    this.save(recordSolutionShown(this.record, lessonId, new Date()));
  }

  grade(lessonId: string, allPassed: boolean): void {
    this.save(recordGrade(this.record, lessonId, allPassed, new Date()));
  }

  /** Progress kept elsewhere (an LMS's copy from another machine) joins this browser's. */
  merge(other: ProgressRecord): void {
    this.save(mergeProgress(this.record, other));
  }

  onChange(listener: (record: ProgressRecord) => void): void {
    this.listeners.push(listener);
  }

  private save(record: ProgressRecord): void {
    if (record === this.record) return;
    this.record = record;
    saveJson(store, KEY, record);
    for (const listener of this.listeners) listener(record);
  }
}

export const progress = new Progress();
