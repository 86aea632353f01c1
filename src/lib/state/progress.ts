/** Lesson completion records, as stored under `prodready:v1:progress`. Pure. */

export interface LessonProgress {
  /** Every check passed at least once. */
  passed: boolean;
  /** When the lesson was last graded, or first passed once it has passed (ISO 8601). */
  at: string;
  /** The learner revealed the reference solution before passing: finished, but not alone. */
  solutionShown?: boolean;
}

export type ProgressRecord = Record<string, LessonProgress>;

export function isProgressRecord(value: unknown): value is ProgressRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.values(value).every(
    (entry: unknown) =>
      typeof entry === 'object' &&
      entry !== null &&
      typeof (entry as LessonProgress).passed === 'boolean' &&
      typeof (entry as LessonProgress).at === 'string' &&
      ['undefined', 'boolean'].includes(typeof (entry as LessonProgress).solutionShown),
  );
}

/**
 * Record a grading. A pass is kept: the record is the proof the onboarding lead asks for, and a
 * later experiment that breaks the code does not undo having finished the lesson.
 */
export function recordGrade(record: ProgressRecord, lessonId: string, allPassed: boolean, now: Date): ProgressRecord {
  const previous = record[lessonId];
  if (previous?.passed) return record;
  const entry: LessonProgress = { passed: allPassed, at: now.toISOString() };
  if (previous?.solutionShown) entry.solutionShown = true;
  return { ...record, [lessonId]: entry };
}

/** The solution was revealed: a pass from now on is recorded as a pass with the solution. A pass before stays as it was. */
export function recordSolutionShown(record: ProgressRecord, lessonId: string, now: Date): ProgressRecord {
  const previous = record[lessonId];
  if (previous?.passed || previous?.solutionShown) return record;
  return { ...record, [lessonId]: { passed: false, at: previous?.at ?? now.toISOString(), solutionShown: true } };
}

/**
 * Progress kept elsewhere (an LMS's copy, from another machine) joined to this browser's: a pass
 * on either side is kept (this browser's when both passed); otherwise this browser's entry, marked
 * as helped when either side revealed the solution.
 */
export function mergeProgress(local: ProgressRecord, other: ProgressRecord): ProgressRecord {
  const merged: ProgressRecord = { ...local };
  for (const [id, theirs] of Object.entries(other)) {
    const ours = local[id];
    if (!ours || (!ours.passed && theirs.passed)) merged[id] = theirs;
    else if (!ours.passed && theirs.solutionShown && !ours.solutionShown) merged[id] = { ...ours, solutionShown: true };
  }
  return merged;
}
