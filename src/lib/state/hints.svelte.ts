/** How many hints the learner has revealed per lesson (`prodready:v1:hints:<lessonId>`). */
import { browserStore, isNonNegativeInteger, loadJson, saveJson, storageKey } from './storage';

const store = browserStore();
const hintsKey = (lessonId: string) => storageKey('hints', lessonId);

class Hints {
  lessonId = $state<string | null>(null);
  revealed = $state(0);

  open(lessonId: string): void {
    this.lessonId = lessonId;
    this.revealed = loadJson(store, hintsKey(lessonId), isNonNegativeInteger, 0);
  }

  revealNext(total: number): void {
    if (!this.lessonId || this.revealed >= total) return;
    this.revealed++;
    saveJson(store, hintsKey(this.lessonId), this.revealed);
  }
}

export const hints = new Hints();
