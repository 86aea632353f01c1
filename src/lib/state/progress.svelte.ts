/** Which lessons the learner has completed, saved under `prodready:v1:progress`. */
import { isProgressRecord, recordGrade, recordSolutionShown, type ProgressRecord } from './progress';
import { browserStore, loadJson, saveJson, storageKey } from './storage';

const store = browserStore();
const KEY = storageKey('progress');

class Progress {
  record = $state<ProgressRecord>(loadJson(store, KEY, isProgressRecord, {}));

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
    this.record = recordSolutionShown(this.record, lessonId, new Date());
    saveJson(store, KEY, this.record);
  }

  grade(lessonId: string, allPassed: boolean): void {
    this.record = recordGrade(this.record, lessonId, allPassed, new Date());
    saveJson(store, KEY, this.record);
  }
}

export const progress = new Progress();
