/**
 * The Check button: grade the workspace with the lesson's checks, keep the results for the
 * checks panel and the editor markers, and record progress. The grading engine loads on first use.
 */
import type { Lesson } from '../content/lesson';
import type { CheckResult } from '../grading/types';
import { progress } from './progress.svelte';
import { runtime } from './runtime.svelte';
import { workspace } from './workspace.svelte';

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
      progress.grade(lesson.id, results.length > 0 && results.every((r) => r.passed));
    } catch (error) {
      if (generation !== this.generation) return;
      this.error = error instanceof Error ? error.message : String(error);
    } finally {
      if (generation === this.generation) this.running = false;
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
