/**
 * The Check button: grade the workspace with the lesson's checks, keep the results for the
 * checks panel and the editor markers, and record progress. The grading engine loads on first use.
 * Each lesson's last results are saved, so a reload (or coming back to the lesson) shows them.
 */
import type { Lesson } from '../content/lesson';
import type { CheckResult } from '../grading/types';
import { isCheckResults } from './check-results';
import { progress } from './progress.svelte';
import { runtime } from './runtime.svelte';
import { browserStore, loadJson, saveJson, storageKey } from './storage';
import { workspace } from './workspace.svelte';

const store = browserStore();
const resultsKey = (lessonId: string) => storageKey('checks', lessonId);

class ChecksState {
  lessonId = $state<string | null>(null);
  results = $state<CheckResult[] | null>(null);
  running = $state(false);
  error = $state<string | null>(null);
  private generation = 0;

  passedAll = $derived(this.results !== null && this.results.length > 0 && this.results.every((r) => r.passed));

  async check(lesson: Lesson): Promise<void> {
    const generation = ++this.generation;
    this.running = true;
    this.error = null;
    try {
      // A runaway program would hold Python; the grader needs it.
      if (runtime.client.busy) await runtime.client.interrupt();
      const { grade } = await import('../grading/engine');
      const results = await grade(lesson, workspace.snapshot(), runtime.client);
      if (generation !== this.generation) return;
      this.lessonId = lesson.id;
      this.results = results;
      saveJson(store, resultsKey(lesson.id), results);
      progress.grade(lesson.id, results.length > 0 && results.every((r) => r.passed));
    } catch (error) {
      if (generation !== this.generation) return;
      this.error = error instanceof Error ? error.message : String(error);
    } finally {
      if (generation === this.generation) this.running = false;
    }
  }

  /** Show a lesson's last saved results (none when it was never checked). */
  open(lessonId: string): void {
    this.clear();
    const saved = loadJson<CheckResult[] | null>(store, resultsKey(lessonId), isCheckResults, null);
    if (saved) {
      this.lessonId = lessonId;
      this.results = saved;
    }
  }

  clear(): void {
    this.generation++;
    this.lessonId = null;
    this.results = null;
    this.running = false;
    this.error = null;
  }
}

export const checks = new ChecksState();
