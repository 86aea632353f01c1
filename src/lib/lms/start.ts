/**
 * Inside an LMS (a SCORM 1.2 API found up the frame chain), the course reports to it: progress
 * restored from the LMS's copy on launch, reported on every change, finished on unload. Outside
 * one, nothing happens.
 */
import { lessonsState } from '../state/lessons.svelte';
import { progress } from '../state/progress.svelte';
import { findScorm12Api } from './scorm12-api';
import { Scorm12Session } from './scorm12-session';

/** True when an LMS was found and the session started. */
export function startLms(win: Window): boolean {
  const api = findScorm12Api(win);
  if (!api) return false;
  const session = new Scorm12Session(
    api,
    lessonsState.shown.map((lesson) => lesson.id),
  );
  const kept = session.start();
  if (kept === null) return false;
  progress.merge(kept);
  session.report(progress.record);
  progress.onChange((record) => session.report(record));
  const finish = () => session.finish();
  win.addEventListener('pagehide', finish);
  win.addEventListener('beforeunload', finish);
  return true;
}
