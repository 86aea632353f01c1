/**
 * Lesson ids that no longer exist, and the lessons that carry their content now. Ids are keys in
 * the learner's browser storage and in shared links (`#/05-nginx`), so a renamed or split lesson is
 * listed here for good: the first id is where an old link goes, every id inherits saved work.
 */
export const RENAMED_LESSONS: Readonly<Record<string, readonly string[]>> = {
  // Split in two (issue 7): TLS, redirect and headers; then proxy headers, ProxyFix and Host.
  '05-nginx': ['05-nginx-tls', '06-nginx-proxy'],
  '06-process-manager': ['07-process-manager'],
};

/** The lesson an id stands for today: itself, or the first lesson that took it over. */
export function currentLessonId(id: string): string {
  return RENAMED_LESSONS[id]?.[0] ?? id;
}
