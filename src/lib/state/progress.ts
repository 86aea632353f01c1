/** Lesson completion records, as stored under `prodready:v1:progress`. Pure. */

export interface LessonProgress {
  /** Every check passed at least once. */
  passed: boolean;
  /** When the lesson was last graded, or first passed once it has passed (ISO 8601). */
  at: string;
}

export type ProgressRecord = Record<string, LessonProgress>;

export function isProgressRecord(value: unknown): value is ProgressRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.values(value).every(
    (entry: unknown) =>
      typeof entry === 'object' &&
      entry !== null &&
      typeof (entry as LessonProgress).passed === 'boolean' &&
      typeof (entry as LessonProgress).at === 'string',
  );
}

/**
 * Record a grading. A pass is kept: the record is the proof the onboarding lead asks for, and a
 * later experiment that breaks the code does not undo having finished the lesson.
 */
export function recordGrade(record: ProgressRecord, lessonId: string, allPassed: boolean, now: Date): ProgressRecord {
  const previous = record[lessonId];
  if (previous?.passed) return record;
  return { ...record, [lessonId]: { passed: allPassed, at: now.toISOString() } };
}
