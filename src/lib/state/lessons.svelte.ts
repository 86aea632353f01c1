/**
 * Which lessons are shown (the `?track=` filter) and which one is open (the `#/id` hash).
 * Switching lessons stops the previous lesson's app and clears its results; each lesson keeps
 * its own files, environment and hints in storage.
 */
import type { Lesson } from '../content/lesson';
import { lessons as allLessons } from '../content/lessons';
import { checks } from './checks.svelte';
import { environment } from './environment.svelte';
import { hints } from './hints.svelte';
import { chooseLesson, filterByTrack, hashFor, isHomeHash, lessonIdFromHash, trackFromSearch } from './route';
import { run } from './run.svelte';
import { workspace } from './workspace.svelte';

const hasWindow = typeof window !== 'undefined';
const track = hasWindow ? trackFromSearch(location.search) : null;
const filtered = filterByTrack(allLessons, track);

class LessonsState {
  readonly shown: Lesson[] = filtered.shown;
  readonly track = track;
  /** The track matched no lesson, so every lesson is shown. */
  readonly trackEmpty = filtered.trackEmpty;
  // Raw: lessons are immutable data and go to the worker, which cannot clone rune proxies.
  current = $state.raw<Lesson | null>(null);
  /** The course overview is showing (the address names no lesson). */
  home = $state(false);

  constructor() {
    if (!hasWindow) return;
    window.addEventListener('hashchange', () => this.follow());
    this.follow();
  }

  /** Open the lesson the hash names, or the first lesson shown. */
  follow(): void {
    if (isHomeHash(location.hash)) {
      this.home = true;
      document.title = 'prodready — ship Flask to production safely';
      // The panes behind the overview still need a lesson; the first one waits there.
      const first = this.current ?? this.shown[0];
      if (first && !this.current) this.open(first, false);
      return;
    }
    this.home = false;
    const lesson = chooseLesson(this.shown, lessonIdFromHash(location.hash));
    if (!lesson) return;
    if (lesson.id !== this.current?.id) this.open(lesson);
    else document.title = `${lesson.title} · prodready`;
    // The address names the lesson actually open (a missing or unknown id falls back to the first).
    if (location.hash !== hashFor(lesson.id)) {
      history.replaceState(null, '', `${location.pathname}${location.search}${hashFor(lesson.id)}`);
    }
  }

  private open(lesson: Lesson, titled = true): void {
    if (this.current) run.leave();
    checks.open(lesson.id);
    this.current = lesson;
    workspace.open(lesson);
    environment.open(lesson);
    hints.open(lesson.id);
    if (titled) document.title = `${lesson.title} · prodready`;
  }
}

export const lessonsState = new LessonsState();
