/**
 * The run environment the terminal edits with export/unset. It starts from the lesson's run.env
 * and is saved per lesson under `prodready:v1:env:<lessonId>`.
 */
import type { Lesson } from '../content/lesson';
import { browserStore, isStringRecord, loadJson, removeKey, saveJson, storageKey } from './storage';

const store = browserStore();
const envKey = (lessonId: string) => storageKey('env', lessonId);

class Environment {
  lessonId = $state<string | null>(null);
  vars = $state<Record<string, string>>({});
  private initial: Record<string, string> = {};

  open(lesson: Lesson): void {
    if (this.lessonId === lesson.id) return;
    this.lessonId = lesson.id;
    this.initial = { ...lesson.run.env };
    this.vars = loadJson(store, envKey(lesson.id), isStringRecord, { ...lesson.run.env });
  }

  set(name: string, value: string): void {
    this.vars[name] = value;
    this.save();
  }

  unset(name: string): void {
    delete this.vars[name];
    this.save();
  }

  /** Back to the lesson's run.env. */
  reset(): void {
    this.vars = { ...this.initial };
    if (this.lessonId) removeKey(store, envKey(this.lessonId));
  }

  snapshot(): Record<string, string> {
    return $state.snapshot(this.vars);
  }

  private save(): void {
    if (this.lessonId) saveJson(store, envKey(this.lessonId), $state.snapshot(this.vars));
  }
}

export const environment = new Environment();
