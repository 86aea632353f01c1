/** Which lessons the learner has completed, saved under `prodready:v1:progress`. */
import { isProgressRecord, recordGrade, type ProgressRecord } from './progress';
import { browserStore, loadJson, saveJson, storageKey } from './storage';

const store = browserStore();
const KEY = storageKey('progress');

class Progress {
  record = $state<ProgressRecord>(loadJson(store, KEY, isProgressRecord, {}));

  completed(lessonId: string): boolean {
    return this.record[lessonId]?.passed === true;
  }

  grade(lessonId: string, allPassed: boolean): void {
    this.record = recordGrade(this.record, lessonId, allPassed, new Date());
    saveJson(store, KEY, this.record);
  }
}

export const progress = new Progress();
