/**
 * Hash routing and the track filter, pure. `#/01-the-open-door` picks a lesson; `?track=TAG`
 * (workshop facilitators) shows only lessons tagged TAG. An unknown id falls back to the first
 * lesson shown; a track that matches nothing shows every lesson and says so.
 */
import { currentLessonId } from '../content/renamed-lessons';

interface Routable {
  id: string;
  tags: string[];
}

export function lessonIdFromHash(hash: string): string | null {
  const match = /^#\/?([^/?#]+)/.exec(hash);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    // A malformed escape (`#/%`, `#/%zz`) names no lesson: the first lesson opens instead of the
    // page hanging on a thrown URIError.
    return null;
  }
}

/** The course overview: the home page. */
export const HOME_HASH = '#/';

/** No lesson named: the address is the site itself or `#/`. */
export function isHomeHash(hash: string): boolean {
  return hash === '' || hash === '#' || hash === HOME_HASH;
}

export function hashFor(lessonId: string): string {
  return `#/${lessonId}`;
}

export function trackFromSearch(search: string): string | null {
  const track = new URLSearchParams(search).get('track')?.trim();
  return track ? track : null;
}

export function filterByTrack<T extends Routable>(
  lessons: T[],
  track: string | null,
): { shown: T[]; trackEmpty: boolean } {
  if (track === null) return { shown: lessons, trackEmpty: false };
  const shown = lessons.filter((l) => l.tags.includes(track));
  return shown.length > 0 ? { shown, trackEmpty: false } : { shown: lessons, trackEmpty: true };
}

/** The lesson the id names; an id that was renamed or split opens the lesson that took it over. */
export function chooseLesson<T extends Routable>(shown: T[], id: string | null): T | undefined {
  const current = id === null ? null : currentLessonId(id);
  return shown.find((l) => l.id === id) ?? shown.find((l) => l.id === current) ?? shown[0];
}
